#!/usr/bin/env bash
# Builds the Windows package from Linux: dist/yibao-<version>-windows-x64.zip holding yibao.exe
# (icon and version information as resources, no console window), 使用说明.txt and the
# licences. Installs what it needs when missing: the rustup target and Debian's mingw
# toolchain (linker and resource compiler; apt-get, as root or with sudo).
# Checks the result: the .exe is a GUI-subsystem program with an icon, and the zip is at most
# 20 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=x86_64-pc-windows-gnu
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
NAME="yibao-${VERSION}-windows-x64"
LIMIT_MB=20

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx "$TARGET"; then
  rustup target add "$TARGET"
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64
fi

# The linker is set in .cargo/config.toml; the resource compiler is found by winresource.
cargo build --profile dist --locked --target "$TARGET" --bin yibao
EXE="${CARGO_TARGET_DIR:-target}/$TARGET/dist/yibao.exe"

# No console window behind the app (subsystem 2 = Windows GUI), and an icon resource.
headers=$(x86_64-w64-mingw32-objdump -p -h "$EXE")
grep -q 'Subsystem.*(Windows GUI)' <<<"$headers" \
  || { echo "error: $EXE is not a GUI-subsystem program (a console window would open)" >&2; exit 1; }
grep -q '\.rsrc' <<<"$headers" \
  || { echo "error: $EXE has no resources (icon, version)" >&2; exit 1; }

STAGE="dist/$NAME"
rm -rf "$STAGE" "dist/$NAME.zip"
mkdir -p "$STAGE"
# The profile's `strip` leaves the mingw standard library's debug information in: strip it here.
x86_64-w64-mingw32-strip -o "$STAGE/yibao.exe" "$EXE"
# Windows text files: CRLF line ends, UTF-8 with a byte-order mark (old Notepad needs it).
to_windows_text() { printf '\xef\xbb\xbf' > "$2"; sed 's/$/\r/' "$1" >> "$2"; }
to_windows_text packaging/windows/使用说明.txt "$STAGE/使用说明.txt"
to_windows_text LICENSE-MIT "$STAGE/LICENSE-MIT.txt"
to_windows_text LICENSE-APACHE "$STAGE/LICENSE-APACHE.txt"
to_windows_text assets/fonts/OFL.txt "$STAGE/OFL.txt"
python3 scripts/third-party-licenses.py "$TARGET" "$STAGE/THIRD-PARTY-LICENSES.txt"

python3 scripts/zip-for-windows.py "$STAGE" "dist/$NAME.zip"

SIZE=$(stat -c %s "dist/$NAME.zip")
EXE_SIZE=$(stat -c %s "$STAGE/yibao.exe")
awk -v z="$SIZE" -v e="$EXE_SIZE" -v n="$NAME" \
  'BEGIN { printf "dist/%s.zip: %.1f MB (yibao.exe %.1f MB unpacked)\n", n, z / 1048576, e / 1048576 }'
if [ "$SIZE" -gt $((LIMIT_MB * 1024 * 1024)) ]; then
  echo "error: the zip is over ${LIMIT_MB} MB" >&2
  exit 1
fi
