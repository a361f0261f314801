#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz, libFuzzer) of the policy loader, the family file
# loader, ID-number validation and money parsing. Needs the nightly toolchain and
# `cargo install cargo-fuzz`. Runs each target SECONDS seconds (default 600), one after the
# other, and keeps the corpus in fuzz/corpus/<target> between runs. A crash stops the run and
# leaves the input in fuzz/artifacts/<target>/: add it to tests/corpus as a regression case.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
targets=(policy_file family_file id_number money)
if [[ $# -gt 1 ]]; then targets=("${@:2}"); fi
cargo +nightly fuzz build -O
# Seed the corpora with the repository's own good and bad inputs.
mkdir -p corpus/policy_file corpus/family_file corpus/id_number corpus/money
find ../policies -name '*.toml' -exec cp {} corpus/policy_file/ \;
cp ../tests/corpus/policy/* corpus/policy_file/
cp ../tests/corpus/family/* corpus/family_file/
i=0; while IFS= read -r line; do printf '%s' "$line" > "corpus/id_number/seed-$i"; i=$((i+1)); done < ../tests/corpus/id_numbers.txt
printf '%s' 11010519491231002X > corpus/id_number/seed-valid
i=0; while IFS= read -r line; do printf '%s' "$line" > "corpus/money/seed-$i"; i=$((i+1)); done < ../tests/corpus/amounts.txt
printf '%s' '¥1,280.50元' > corpus/money/seed-valid
for target in "${targets[@]}"; do
  echo "== $target: ${seconds}s"
  set +e
  cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    > "/tmp/yibao-fuzz-$target.log" 2>&1
  status=$?
  set -e
  grep -E '^(stat::|Done)|==[0-9]+==|SUMMARY|panicked|crash' "/tmp/yibao-fuzz-$target.log" || true
  if [[ $status -ne 0 ]]; then
    echo "FAIL: $target found a problem (full log: /tmp/yibao-fuzz-$target.log)"; exit 1
  fi
done
