#!/usr/bin/env python3
"""Start-up and idle figures for yibao against an empty eframe window (examples/empty_window.rs),
both built with the same profile (PROFILE, default dist: what the packages ship), under one
Xvfb server.

start-up: wall time from process start until the first frame is on screen. With
YIBAO_CLOSE_AFTER_FIRST_FRAME=1 both apps print "first frame shown" when the frame after the first
begins (the first has been painted and swapped by then) and close; the time that line arrives is
the start-up time. The time until the process has exited is printed too (it adds the shutdown:
saving settings, dropping the app, unmapping). Peak RSS is ru_maxrss. Runs alternate yibao /
empty, each with a fresh HOME; medians are printed with the ratio.
idle: CPU time (user + system, from /proc/PID/stat) consumed over IDLE_SECONDS with the window
open and no input, after a settling period.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILE = os.environ.get("PROFILE", "dist")
APPS = {
    "yibao": os.path.join(ROOT, "target", PROFILE, "yibao"),
    "empty": os.path.join(ROOT, "target", PROFILE, "examples/empty_window"),
}
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
IDLE_SECONDS = float(os.environ.get("IDLE_SECONDS", "10"))
DISPLAY = ":77"


def env_for(home, close):
    env = dict(os.environ, HOME=home, DISPLAY=DISPLAY, XDG_RUNTIME_DIR=home)
    env.pop("WAYLAND_DISPLAY", None)
    if close:
        env["YIBAO_CLOSE_AFTER_FIRST_FRAME"] = "1"
    return env


def start_once(path):
    home = tempfile.mkdtemp(prefix="yibao-bench-")
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen([path], env=env_for(home, True),
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        shown = None
        for line in proc.stdout:
            if line.strip() == b"first frame shown":
                shown = time.perf_counter() - t0
        _, status, usage = os.wait4(proc.pid, 0)
        exited = time.perf_counter() - t0
        if status != 0:
            raise SystemExit(f"{path} exited with status {status}")
        if shown is None:
            raise SystemExit(f"{path} never printed \"first frame shown\"")
        return shown, exited, usage.ru_maxrss / 1024.0
    finally:
        shutil.rmtree(home, ignore_errors=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def idle_once(path):
    home = tempfile.mkdtemp(prefix="yibao-idle-")
    proc = subprocess.Popen([path], env=env_for(home, False),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(4)  # start-up and the first frames
        before = cpu_seconds(proc.pid)
        time.sleep(IDLE_SECONDS)
        after = cpu_seconds(proc.pid)
        return after - before
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    for name, path in APPS.items():
        if not os.path.exists(path):
            raise SystemExit(f"missing {path}: run scripts/bench-startup.sh")
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    try:
        results = {name: [] for name in APPS}
        start_once(APPS["yibao"])  # warm the page cache for both binaries
        start_once(APPS["empty"])
        for _ in range(RUNS):
            for name, path in APPS.items():
                results[name].append(start_once(path))
        medians = {}
        for name, runs in results.items():
            shown = statistics.median(r[0] for r in runs) * 1000
            exited = statistics.median(r[1] for r in runs) * 1000
            rss = statistics.median(r[2] for r in runs)
            medians[name] = (shown, exited, rss)
            print(f"start-up {name:<6} median of {RUNS}: {shown:7.1f} ms to first frame shown, "
                  f"{exited:7.1f} ms to exit, peak RSS {rss:7.1f} MB")
        (ys, yx, yr), (es, ex, er) = medians["yibao"], medians["empty"]
        print(f"ratio yibao/empty: to first frame {ys / es:.2f}x, peak RSS {yr / er:.2f}x "
              f"(targets, issue 15: time <= 1.10x, peak RSS <= 1.15x); to exit {yx / ex:.2f}x")
        for name, path in APPS.items():
            used = idle_once(path)
            print(f"idle {name:<6}: {used:.3f} s CPU over {IDLE_SECONDS:.0f} s with no input")
    finally:
        xvfb.kill()


if __name__ == "__main__":
    main()
