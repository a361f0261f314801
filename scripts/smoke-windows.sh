#!/usr/bin/env bash
# Smoke test of the Windows build under Wine, on this Linux machine:
#   1. `yibao.exe policies check` exits 0 and prints ok (also through `cmd /c`, as a user
#      typing in a console would);
#   2. a PDF checklist is exported and pdftotext finds its Chinese;
#   3. the window under Xvfb shows its first frame and exits 0 (YIBAO_CLOSE_AFTER_FIRST_FRAME=1),
#      and its settings are saved in AppData (persistence across restarts);
#   4. with OpenGL 1.1 only (MESA_GL_VERSION_OVERRIDE=1.1: Remote Desktop, old drivers) a message
#      box says what to do, the exit code is 1 and the log says why (never a silent exit);
#      screenshot dist/smoke-windows-weak-graphics.png;
#   5. a screenshot of the open window is saved to dist/smoke-windows.png.
# Builds the .exe as the package has it (profile dist, as scripts/package-windows.sh does) and
# a test-only DLL shim for Wine 8 (packaging/wine-test-shim: never shipped). Installs what it
# needs when missing: wine, xvfb, xdotool, imagemagick, poppler-utils and the mingw toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
mkdir -p dist

TARGET=x86_64-pc-windows-gnu
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
if [ ${#need[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
cargo build --profile dist --locked --target "$TARGET" --bin yibao

WORK=$(mktemp -d /tmp/yibao-smoke.XXXXXX)
XVFB_PID=
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  WINEPREFIX="$WORK/prefix" wineserver -k 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# Prints the id of the visible window titled 医保… (the app, or its message box) once there is
# one, waiting up to 30 s; fails if none appears. (A regex with Chinese in `xdotool search
# --name` does not match reliably, so names are compared here.)
wait_for_window() {
  local w
  for _ in $(seq 100); do
    for w in $(xdotool search --onlyvisible --name . 2>/dev/null); do
      [[ $(xdotool getwindowname "$w" 2>/dev/null) == *医保* ]] && { echo "$w"; return 0; }
    done
    sleep 0.3
  done
  return 1
}

mkdir -p "$WORK/app"
cp "${CARGO_TARGET_DIR:-target}/$TARGET/dist/yibao.exe" "$WORK/app/"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WORK/app/bcryptprimitives.dll" \
  packaging/wine-test-shim/bcryptprimitives.c packaging/wine-test-shim/bcryptprimitives.def -ladvapi32

export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
export HOME="$WORK/home" XDG_RUNTIME_DIR="$WORK/home"
mkdir -p "$HOME"
# A scratch Wine prefix (its first start takes a few seconds).
wineboot --init >/dev/null 2>&1 || true
# A fresh Wine prefix has no Chinese system font (Chinese Windows has one): give the message box
# one, so its screenshot can be read. The window itself uses its bundled font.
cp assets/fonts/NotoSansSC-Regular.otf "$WINEPREFIX/drive_c/windows/Fonts/"
for face in Tahoma "MS Shell Dlg"; do
  wine reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$face" /d "Noto Sans SC" /f >/dev/null 2>&1
done
cd "$WORK/app"

echo "== 1. policies check"
out=$(wine yibao.exe policies check 2>&1) || fail "policies check exited $?: $out"
echo "$out"
[[ $out == *ok* ]] || fail "policies check did not print ok"
out=$(wine cmd /c yibao.exe policies check 2>&1) || fail "cmd /c policies check exited $?: $out"
[[ $out == *ok* ]] || fail "cmd /c yibao.exe policies check printed nothing (console not attached): $out"
echo "cmd /c: $out"

echo "== 2. PDF export"
wine yibao.exe checklist withdrawal --region 南京 --answer deceased=yes -o 'C:\清单.pdf' \
  || fail "checklist export exited $?"
pdf="$WINEPREFIX/drive_c/清单.pdf"
[ -s "$pdf" ] || fail "no PDF at $pdf"
text=$(pdftotext -enc UTF-8 "$pdf" -)
for word in 南京 支取 材料; do
  [[ $text == *"$word"* ]] || fail "the PDF has no \"$word\""
done
echo "PDF $(stat -c %s "$pdf") bytes; pdftotext finds 南京, 支取, 材料"

echo "== 3. first frame under Xvfb"
export DISPLAY=:87
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
sleep 1.5
out=$(YIBAO_CLOSE_AFTER_FIRST_FRAME=1 timeout 120 wine yibao.exe 2>&1) \
  || fail "the window exited $? (output: $out)"
echo "first frame shown and closed, exit 0"
settings=$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/yibao/data/app.ron' | head -n1)
[ -n "$settings" ] || fail "no settings saved in AppData\\Roaming\\yibao\\data"
echo "settings saved: ${settings#"$WINEPREFIX"/}"

echo "== 4. weak graphics: OpenGL 1.1 only (MESA_GL_VERSION_OVERRIDE=1.1, as on Remote Desktop)"
MESA_GL_VERSION_OVERRIDE=1.1 wine yibao.exe >"$WORK/weak.log" 2>&1 & APP_PID=$!
box=$(wait_for_window) || fail "no message box when OpenGL 2 is missing (a silent exit)"
sleep 1
import -window root "$REPO/dist/smoke-windows-weak-graphics.png"
xdotool windowactivate --sync "$box" key Return 2>/dev/null || xdotool key Return
status=0
wait "$APP_PID" || status=$?
APP_PID=
[ "$status" -eq 1 ] || fail "after the message box the exit code was $status, not 1"
log=$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/yibao/data/yibao.log' | head -n1)
grep -q "无法打开窗口" "$log" || fail "the log does not say why the window did not open"
echo "message box shown (dist/smoke-windows-weak-graphics.png), exit 1, reason in the log"

echo "== 5. screenshot of the open window"
wine yibao.exe >/dev/null 2>&1 & APP_PID=$!
wait_for_window >/dev/null || fail "the window did not appear"
sleep 3
import -window root "$REPO/dist/smoke-windows.png"
echo "screenshot: dist/smoke-windows.png"
echo "smoke test passed"
