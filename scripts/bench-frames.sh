#!/usr/bin/env bash
# Frame cost per tab in a busy state, headless (egui layout + tessellation, no GPU):
# 1. time per frame (median, p90) from `cargo bench --bench frames`;
# 2. instructions per frame under valgrind's callgrind, counting only `measured_frame`
#    (repeatable whatever else the machine does). Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench frames
bin=$(cargo bench --bench frames --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "frames" and m.get("executable"):
        print(m["executable"])')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
frames=${FRAMES:-10}
echo "instructions per frame (callgrind, ${frames} frames after 3 warm-up, averaged over all 13):"
for state in explorer search compare family checklist; do
  STATE=$state FRAMES=$frames valgrind --tool=callgrind --collect-atstart=no \
    --toggle-collect='*measured_frame*' --callgrind-out-file="$out/cg.$state" "$bin" >/dev/null 2>&1
  total=$(grep -E '^(summary|totals):' "$out/cg.$state" | head -1 | awk '{print $2}')
  python3 -c "print(f'  {\"$state\":<10} {int($total) / ($frames + 3) / 1e6:8.2f} M instructions per frame')"
done
