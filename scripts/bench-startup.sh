#!/usr/bin/env bash
# Start-up time, peak memory and idle CPU of yibao against an empty eframe window, under Xvfb.
# Needs: Xvfb (apt-get install xvfb), python3. RUNS (default 9) alternating runs of each.
# PROFILE (default dist, the profile the packages are built with; `release` for a quicker
# build) applies to both binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
export PROFILE=${PROFILE:-dist}
cargo build --profile "$PROFILE" --bin yibao --example empty_window
python3 scripts/bench-startup.py "${RUNS:-9}"
