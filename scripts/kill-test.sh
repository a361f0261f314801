#!/usr/bin/env bash
# Kill during save: a child process saves a family file over and over and is killed with
# SIGKILL at a random moment, ITERATIONS times (default 1000); after each kill the file and its
# backup must parse and hold a whole version, never older than before. Prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
YIBAO_KILL_ITERATIONS="${1:-1000}" cargo test --test tests kill:: -- --nocapture 2>&1 |
  grep -E 'kill-during-save|test result|panicked'
