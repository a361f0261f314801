#!/usr/bin/env bash
# No network: runs a scripted session of the window under Xvfb, and the command line, under
# `strace -f -e trace=socket,connect`, and fails if any AF_INET or AF_INET6 socket is opened.
# Then runs the command line inside an empty network namespace (`unshare -n`, needs root or
# user namespaces) to show it works with no network at all.
# Needs: strace, xvfb, xauth, xdotool, procps and Mesa
# (apt-get install strace xvfb xauth xdotool procps libgl1-mesa-dri).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin yibao
bin="$PWD/target/release/yibao"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
mkdir -p "$HOME/.local/share/yibao/families"
# A saved family, so the session has personal data that must not reach any log.
cat > "$HOME/.local/share/yibao/families/wang.json" <<'JSON'
{"format":"yibao-family","version":1,"family":{"id":"wang","label":"王家","holder":{"name":"王建国","id_number":"11010519491231002X","insurance":"employee","status":"in_service","region":"nanjing","balance":"3200.00"},"members":[{"id":1,"name":"李秀兰","relation":"parent","insurance":"resident","region":"nanjing","status":"planned"}],"expenses":[]}}
JSON

echo "== window: explorer, search, family tab, checklist tab and an export, under strace"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c "
  strace -f -qq -e trace=socket,connect -o '$work/window.trace' '$bin' 2>'$work/window.log' &
  tracer=\$!
  sleep 6
  xdotool mousemove 265 24 click 1; sleep 0.5
  xdotool mousemove 700 150 click 1; sleep 0.3; xdotool type gongji; sleep 0.5
  xdotool mousemove 375 24 click 1; sleep 0.5
  xdotool mousemove 500 24 click 1; sleep 0.5
  xdotool mousemove 22 316 click 1; sleep 0.5
  xdotool key ctrl+e; sleep 1
  pkill -P \$tracer || true; sleep 1
"
echo "== command line: policies, family check and a PDF checklist, under strace"
strace -f -qq -e trace=socket,connect -o "$work/cli.trace" \
  "$bin" checklist withdrawal --region hefei --answer deceased=yes -o "$work/list.pdf"
strace -f -qq -e trace=socket,connect -a 0 -o "$work/cli2.trace" \
  "$bin" family check --region qingdao --holder-insurance employee --relation parent \
  --member-insurance resident >/dev/null

# The window must have started: it talks to the X server over a Unix socket.
if ! grep -q 'socket(AF_UNIX' "$work/window.trace"; then
  echo "FAIL: the window did not start (no X connection in the trace)"; exit 1
fi
for trace in "$work"/*.trace; do
  sockets=$(grep -c 'socket(' "$trace" || true)
  inet=$(grep -E 'AF_INET6?[,)]' "$trace" || true)
  echo "$(basename "$trace"): $sockets socket() calls; families: $(grep -o 'socket(AF_[A-Z0-9]*' "$trace" | sort | uniq -c | tr '\n' ' ')"
  if [[ -n "$inet" ]]; then
    echo "FAIL: an Internet socket was opened:"; echo "$inet"; exit 1
  fi
done

echo "== privacy: nothing personal in the window's log"
if grep -E '王建国|李秀兰|11010519491231002X' "$work/window.log"; then
  echo "FAIL: personal data in the log"; exit 1
fi
echo "log: $(wc -l < "$work/window.log") lines, no names or ID numbers"

echo "== command line in an empty network namespace (unshare -n)"
if unshare -n true 2>/dev/null; then
  unshare -n "$bin" checklist transfer --region nanjing --answer moving=inter_province \
    --format txt >/dev/null && echo "ok: works with no network interface at all"
else
  echo "skipped: unshare -n is not permitted here"
fi
echo "PASS: no AF_INET/AF_INET6 socket opened"
