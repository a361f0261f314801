#!/usr/bin/env bash
# Builds the Linux package: dist/yibao_<version>-1_amd64.deb (cargo-deb) with the menu entry
# (packaging/linux/yibao.desktop, checked with desktop-file-validate), the 512×512 icon in the
# hicolor theme and the licences. Installs what it needs when missing: cargo-deb (cargo
# install) and desktop-file-utils (apt-get). Checks that the .deb is at most 20 MB.
# Install it with: sudo apt install ./dist/yibao_<version>-1_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT_MB=20

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v desktop-file-validate >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends desktop-file-utils
fi
cargo deb --version >/dev/null 2>&1 || cargo install cargo-deb --locked

desktop-file-validate packaging/linux/yibao.desktop
# The dist profile, as the Windows package (smaller and a little faster; cargo-deb maps the
# target/release/ paths of the asset list to target/dist/).
TARGET_DIR=${CARGO_TARGET_DIR:-target}
mkdir -p "$TARGET_DIR/dist" dist
python3 scripts/third-party-licenses.py x86_64-unknown-linux-gnu "$TARGET_DIR/dist/THIRD-PARTY-LICENSES.txt"
deb=$(cargo deb --locked --profile dist --output dist/ | tail -n1)
[ -f "$deb" ] || { echo "error: cargo deb wrote no package" >&2; exit 1; }

size=$(stat -c %s "$deb")
awk -v s="$size" -v n="$deb" 'BEGIN { printf "%s: %.1f MB\n", n, s / 1048576 }'
if [ "$size" -gt $((LIMIT_MB * 1024 * 1024)) ]; then
  echo "error: the .deb is over ${LIMIT_MB} MB" >&2
  exit 1
fi
