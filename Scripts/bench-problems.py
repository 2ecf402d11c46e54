#!/usr/bin/env python3
"""Time and memory of reporting problems, against loading a valid file of the same size.

    python3 Scripts/bench-problems.py [--sizes 8000,32000,200000,1000000] [--runs 1]
                                      [--work DIR] [--no-build]

Builds the release binaries (unless --no-build), generates a valid dataset per size
with dealscope-gen, derives datasets with problems from it, and runs the release
`dealscope` on each under /usr/bin/time -v (DEALSCOPE_CACHE=off, so no snapshot is
read or saved):

  valid      the generated dataset
  partners   every party's partner id changed (p12 -> q12): two unknown references
             per deal, each with a suggestion
  amends     every deal amends a deal that does not exist
  ambiguous  100 deals quote words found in every deal's sentence (a million places
             each at a million deals)
  kind       one deal of an unknown kind (a problem of decoding: the careful loader)

For each it prints `validate` (every problem) and `deals` (a command that stops at
the first problem): wall time, peak memory (maximum resident set), problems found,
bytes written to standard error, and time and memory as a multiple of `validate` on
the valid file of the same size (the target: at most 2x). Medians over --runs.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build():
    for product in ["dealscope", "dealscope-gen"]:
        run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return out


def derive(valid_dir, out_dir, change):
    """Writes out_dir/synthetic.dealscope.json from the valid one, line by line."""
    os.makedirs(out_dir, exist_ok=True)
    doc = os.path.join(out_dir, "synthetic.txt")
    if not os.path.exists(doc):
        os.link(os.path.join(valid_dir, "synthetic.txt"), doc)
    target = os.path.join(out_dir, "synthetic.dealscope.json")
    if os.path.exists(target):
        return target
    state = {"deals": 0, "done": False}
    with open(os.path.join(valid_dir, "synthetic.dealscope.json")) as src, open(target + ".tmp", "w") as dst:
        for line in src:
            dst.write(change(line, state))
    os.rename(target + ".tmp", target)
    return target


def partners(line, state):
    return line.replace('"partner": "p', '"partner": "q')


def amends(line, state):
    m = re.match(r'    \{ "id": "d(\d+)"', line)
    if m:
        return line.replace('"evidence":', '"amends": "d%sx", "evidence":' % m.group(1), 1)
    return line


def ambiguous(line, state):
    m = re.match(r'    \{ "id": "d(\d+)"', line)
    if m and state["deals"] < 100:
        state["deals"] += 1
        return re.sub(r'"evidence": \[.*\] \}', '"evidence": ["agreed a"] }', line)
    return line


def kind(line, state):
    if not state["done"] and '"kind": "amendment"' in line:
        state["done"] = True
        return line.replace('"kind": "amendment"', '"kind": "amendmnet"')
    return line


VARIANTS = [("valid", None), ("partners", partners), ("amends", amends), ("ambiguous", ambiguous), ("kind", kind)]


def measure(binary, args, err_path):
    env = dict(os.environ, DEALSCOPE_CACHE="off")
    with open(err_path, "wb") as err, open(os.devnull, "wb") as out:
        p = subprocess.run(["/usr/bin/time", "-v", binary] + args, stdout=out, stderr=err, env=env)
    with open(err_path, "rb") as f:
        text = f.read()
    tail = text[-4096:].decode("utf-8", "replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", tail)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else float("nan")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tail)
    mb = int(rss.group(1)) / 1024 if rss else float("nan")
    found = re.search(rb"(\d+) problems? found", text)
    written = text.rfind(b"\tCommand being timed")
    return {"status": p.returncode, "seconds": seconds, "mb": mb,
            "problems": int(found.group(1)) if found else (1 if p.returncode == 65 else 0), "stderr": max(0, written)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="8000,32000,200000,1000000")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--work", default="/tmp/dealscope-bench-problems")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--variants", default=",".join(v for v, _ in VARIANTS))
    a = ap.parse_args()
    bin_dir = os.path.join(ROOT, ".build", "release") if a.no_build else build()
    dealscope, gen = os.path.join(bin_dir, "dealscope"), os.path.join(bin_dir, "dealscope-gen")
    wanted = a.variants.split(",")
    print("| deals | data | command | time | peak memory | problems | stderr | time / valid | memory / valid |")
    print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in [int(s) for s in a.sizes.split(",")]:
        valid_dir = os.path.join(a.work, str(size), "valid")
        if not os.path.exists(os.path.join(valid_dir, "synthetic.dealscope.json")):
            os.makedirs(valid_dir, exist_ok=True)
            run([gen, "--deals", str(size), "--out", valid_dir], stdout=subprocess.DEVNULL)
        base = None
        for name, change in VARIANTS:
            if name not in wanted and name != "valid":
                continue
            path = os.path.join(valid_dir, "synthetic.dealscope.json") if change is None else \
                derive(valid_dir, os.path.join(a.work, str(size), name), change)
            for command, args in [("validate", ["validate", path]), ("deals", ["deals", "--brief", "--kind", "cloud", "--data", path])]:
                if name == "valid" and command == "deals":
                    continue
                results = [measure(dealscope, args, os.path.join(a.work, "stderr")) for _ in range(a.runs)]
                r = {k: statistics.median(x[k] for x in results) for k in ["seconds", "mb", "problems", "stderr"]}
                if name == "valid":
                    base = r
                ratio_t = r["seconds"] / base["seconds"] if base and base["seconds"] > 0 else float("nan")
                ratio_m = r["mb"] / base["mb"] if base and base["mb"] > 0 else float("nan")
                print(f"| {size:,} | {name} | {command} | {r['seconds']:.2f} s | {r['mb']:.0f} MB | {int(r['problems']):,} | "
                      f"{r['stderr'] / 1e6:.1f} MB | {ratio_t:.2f}x | {ratio_m:.2f}x |", flush=True)
    shutil.rmtree(os.path.join(a.work, "stderr"), ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
