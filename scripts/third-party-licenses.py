#!/usr/bin/env python3
"""Writes the licence texts of every crate compiled into yibao for one target (normal
dependencies only: not tests, benches or build scripts) to one file, for the packages.
MIT and Apache licences ask that their notices travel with binary copies.

usage: third-party-licenses.py TARGET-TRIPLE OUTPUT-FILE
"""
import json, os, re, subprocess, sys

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.IGNORECASE)


def main():
    target, output = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
        cwd=root))
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    # Walk normal dependencies from yibao (with its default features, as the packages build).
    start = meta["resolve"]["root"]
    seen, todo = set(), [start]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    missing = []
    with open(output, "w", encoding="utf-8", newline="\r\n" if "windows" in target else "\n") as out:
        out.write("Third-party software in yibao, with its licences\n")
        out.write("=" * 60 + "\n\n")
        out.write("The font: Noto Sans SC, SIL Open Font License 1.1 (OFL.txt beside this file).\n\n")
        for pid in sorted(seen, key=lambda i: (packages[i]["name"], packages[i]["version"])):
            package = packages[pid]
            folder = os.path.dirname(package["manifest_path"])
            files = sorted(f for f in os.listdir(folder) if LICENCE_FILE.match(f)
                           and os.path.isfile(os.path.join(folder, f)))
            out.write("-" * 60 + "\n")
            out.write(f"{package['name']} {package['version']} — {package.get('license') or 'see below'}\n")
            if package.get("repository"):
                out.write(f"{package['repository']}\n")
            out.write("\n")
            if not files:
                missing.append(f"{package['name']} {package['version']}")
                out.write(f"(No licence file in the published crate; its licence is {package.get('license')}.)\n\n")
            for name in files:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    out.write(f"[{name}]\n{f.read().strip()}\n\n")
    print(f"{len(seen)} crates, {len(missing)} without a licence file, written to {output}")


if __name__ == "__main__":
    main()
