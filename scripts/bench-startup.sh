#!/usr/bin/env bash
# Start-up time, peak memory and idle CPU of yibao against an empty eframe window, under Xvfb.
# Needs: Xvfb (apt-get install xvfb), python3. RUNS (default 9) alternating runs of each.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin yibao --example empty_window
python3 scripts/bench-startup.py "${RUNS:-9}"
