#!/usr/bin/env python3
"""Writes the markdown report of a bench/run.sh run from its measurements.tsv (stdout)."""

import argparse
import csv
import datetime
import json
import os
import platform
import subprocess

LABELS = {
    "cat": "`cat TARGET`",
    "floor": "libmount floor, TARGET",
    "floor-target-host": "libmount floor, TARGET + HOST",
    "floor-a-b": "libmount floor, A + B",
    "findmnt-list": "`findmnt -F TARGET -l`",
    "findmnt-tree": "`findmnt -F TARGET` (tree)",
    "audit-json": "`mountaudit audit TARGET --host HOST --format json`",
    "audit-text": "`mountaudit audit TARGET --host HOST`",
    "tree-text": "`mountaudit tree TARGET`",
    "tree-json": "`mountaudit tree TARGET --format json`",
    "sort-diff": "`diff <(sort A) <(sort B)`",
    "diff": "`mountaudit diff A B`",
    "diff-json": "`mountaudit diff A B --format json`",
}

# (label, numerator, denominator, kind, comparison, target); kind "time" or "memory".
RATIOS = [
    ("audit --format json / floor (TARGET + HOST)", "audit-json", "floor-target-host", "time", "<=", 1.3),
    ("tree --format json / floor (TARGET)", "tree-json", "floor", "time", "<=", 1.5),
    ("diff A B / floor (A + B)", "diff", "floor-a-b", "time", "<=", 1.5),
    ("diff A B / diff <(sort A) <(sort B) (for scale, no target)", "diff", "sort-diff", "time", None, None),
    ("findmnt tree / mountaudit tree", "findmnt-tree", "tree-text", "time", ">=", 500),
    ("findmnt -l / mountaudit tree", "findmnt-list", "tree-text", "time", ">=", 5),
    ("peak memory: audit --format json / floor (TARGET + HOST)", "audit-json", "floor-target-host", "memory", "<=", 2),
    ("peak memory: audit (text) / floor (TARGET + HOST)", "audit-text", "floor-target-host", "memory", "<=", 2),
    ("peak memory: tree --format json / floor (TARGET)", "tree-json", "floor", "memory", "<=", 2),
    ("peak memory: tree (text) / floor (TARGET)", "tree-text", "floor", "memory", "<=", 2),
    ("peak memory: diff A B / floor (A + B)", "diff", "floor-a-b", "memory", "<=", 2),
]


def run(*args, cwd=None):
    try:
        return subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def seconds(value):
    if value >= 1:
        return "%.2f s" % value
    if value >= 0.01:
        return "%.0f ms" % (value * 1000)
    return "%.1f ms" % (value * 1000)


def machine(root):
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with open("/proc/meminfo") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                memory = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    commit = run("git", "rev-parse", "HEAD", cwd=root)
    subject = run("git", "log", "-1", "--format=%s", cwd=root)
    dirty = run("git", "status", "--porcelain", "--", "Sources", "Package.swift", cwd=root)
    sources = run("git", "log", "-1", "--format=%h %s", "--", "Sources", "Package.swift", cwd=root)
    subject += "; Sources/ last changed by %s" % sources
    if dirty and dirty != "unknown":
        commit += " (with uncommitted changes to Sources/ or Package.swift)"
    return [
        ("CPUs (nproc)", run("nproc")),
        ("CPU model", cpu),
        ("memory", memory),
        ("kernel", platform.release()),
        ("mountaudit commit", "%s: %s" % (commit, subject)),
        ("Swift", run("swift", "--version").splitlines()[0]),
        ("libmount (pkg-config)", run("pkg-config", "--modversion", "mount")),
        ("findmnt", run("findmnt", "--version")),
        ("hyperfine", run("hyperfine", "--version")),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meta", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--cap", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--quick", required=True)
    parser.add_argument("--generator-hash", required=True)
    parser.add_argument("--tables", required=True)
    args = parser.parse_args()

    rows = {}
    sizes = []
    with open(args.meta, newline="") as meta:
        for row in csv.DictReader(meta, delimiter="\t"):
            size = int(row["size"])
            if size not in sizes:
                sizes.append(size)
            if row["status"] == "ok":
                with open(row["json"]) as data:
                    result = json.load(data)["results"][0]
                row["median"] = result["median"]
                row["runs"] = len(result["times"])
                row["rss"] = int(row["rss_kb"]) / 1024
            rows[(size, row["key"])] = row

    out = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.append("# mountaudit performance, %s\n" % now)
    out.append("Measured by `bench/run.sh` (see `bench/README.md`): median wall time of hyperfine runs "
               "(output to a pipe), peak resident memory from `/usr/bin/time -f %%M` of one run. "
               "Each command's single run is capped at %s s; a slower one is reported as \"over %s s\". "
               "Ratios, not absolute times, are the claim: the machines are shared and noisy.%s\n"
               % (args.cap, args.cap, " Quick mode: 1-3 runs per command." if args.quick == "1" else ""))
    out.append("Tables: generated by `bench/generate-mountinfo.py --seed %s` (generator %s): TARGET is a "
               "containerized kubelet's mount namespace on a busy Kubernetes node, HOST the node's own "
               "namespace, A = TARGET and B the same namespace after about 1 %% churn.\n"
               % (args.seed, args.generator_hash))
    out.append("## Machine\n")
    out.append("| | |\n|---|---|")
    for name, value in machine(args.root):
        out.append("| %s | %s |" % (name, value.replace("|", "\\|")))
    out.append("")

    def cell(size, key, kind):
        row = rows.get((size, key))
        if row is None:
            return None, "not measured"
        if row["status"] == "ok":
            return (row["median"] if kind == "time" else row["rss"]), None
        return None, row["note"]

    for size in sizes:
        base = os.path.join(args.tables, "k8s-%d-s%s-%s" % (size, args.seed, args.generator_hash))
        counts = []
        for suffix, name in ((".mountinfo", "TARGET"), (".host.mountinfo", "HOST"), (".after.mountinfo", "B")):
            path = base + suffix
            if os.path.exists(path):
                with open(path, "rb") as table:
                    lines = sum(1 for _ in table)
                counts.append("%s %d mounts (%.1f MB)" % (name, lines, os.path.getsize(path) / 1e6))
        out.append("## %s mounts\n" % format(size, ","))
        out.append(", ".join(counts) + ".\n")
        out.append("| command | median | peak memory | runs | note |\n|---|---:|---:|---:|---|")
        for key, label in LABELS.items():
            row = rows.get((size, key))
            if row is None:
                continue
            if row["status"] == "ok":
                out.append("| %s | %s | %.1f MiB | %d | |" % (label, seconds(row["median"]), row["rss"], row["runs"]))
            else:
                out.append("| %s | %s | | | %s |" % (label, "over %s s" % args.cap if row["status"] == "over"
                                                     else "—", row["note"].replace("|", "\\|")))
        out.append("")
        out.append("| ratio | measured | target | |\n|---|---:|---:|---|")
        for label, num, den, kind, comparison, target in RATIOS:
            a, a_note = cell(size, num, kind)
            b, b_note = cell(size, den, kind)
            if target is None:
                shown = "%.2f" % (a / b) if a is not None and b else "—"
                out.append("| %s | %s | (none) | |" % (label, shown))
            elif a is not None and b is not None and b > 0:
                value = a / b
                ok = value <= target if comparison == "<=" else value >= target
                out.append("| %s | %.2f | %s %g | %s |" % (label, value, comparison, target, "met" if ok else "**missed**"))
            elif a is None and rows.get((size, num), {}).get("status") == "over" and b is not None and kind == "time":
                # numerator over the cap: the ratio is at least cap / denominator
                bound = float(args.cap) / b
                verdict = "met" if comparison == ">=" and bound >= target else ("**missed**" if comparison == "<=" else "unknown")
                out.append("| %s | > %.0f | %s %g | %s (%s over %s s) |" % (label, bound, comparison, target, verdict, num, args.cap))
            else:
                out.append("| %s | — | %s %g | %s |" % (label, comparison, target, (a_note or b_note or "").replace("|", "\\|")))
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
