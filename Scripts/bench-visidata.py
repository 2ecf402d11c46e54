#!/usr/bin/env python3
"""dealscope against VisiData on the same deals, in a 120x40 tmux terminal.

One run does everything:
  1. creates a virtual environment at .build-bench/venv and installs VisiData into
     it with pip (once; --visidata picks the pip requirement);
  2. builds the release binaries dealscope and dealscope-gen into .build-bench
     (never into .build);
  3. generates, for each size in --sizes, a dataset with `dealscope-gen --csv`:
     dealscope opens synthetic.dealscope.json, VisiData synthetic-deals.csv (the
     same deals, one row each);
  4. runs each tool in its own tmux server (private socket, pane of exactly 120x40,
     TERM=xterm-256color, LANG=LC_ALL=C.UTF-8, TZ=UTC, nothing else in the
     environment but HOME=.build-bench/bench-home and PATH) and
     measures:
       - time to first screen: from spawning the process until the screen shows
         data (dealscope: its status line, drawn last, ends with "q quit";
         VisiData: the first deal row "d0" is on screen);
       - time to full load: dealscope's status says "N of N deals"; VisiData's
         status says "N rows" and no longer "loading";
       - peak memory: VmHWM of the process from /proc (peak resident set);
       - search for "Partner 12": typing it (dealscope searches on every key),
         Enter until the result shows (dealscope: the status counts the matches;
         VisiData `/` on the party_a column: the cursor lands on a matching row),
         and all matches counted (VisiData `|`, select by regex in the column;
         dealscope's Enter already counts all of them);
       - bytes written to the terminal per cursor move `j` (median of 5), page
         jump PgDn (median of 3) and resize 120x40 -> 100x30 -> 120x40, each
         counted until the output has been quiet for --quiet seconds (wchar of
         /proc/PID/io; dealscope's moves are in its Deals pane).
Every wait has a timeout (--load-timeout for loading and each search step,
--step-timeout for the rest), and a process whose resident memory passes
--max-rss-mb is killed; either is reported in the table instead of a figure. It prints a Markdown table per size:
rows are the measures, columns dealscope, VisiData and dealscope/VisiData.

Usage: python3 Scripts/bench-visidata.py [--sizes 100000,1000000] [--runs N]
Not part of the test run. Needs swift, tmux and python3 (with venv and network
access to PyPI for the first run).
"""
import argparse
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-bench")
VENV = os.path.join(SCRATCH, "venv")
COLS, ROWS = 120, 40
SMALL = (100, 30)
TERM_ENV = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC"}
SEARCH = "Partner 12"


class Failed(Exception):
    """A step that produced no figure: timeout, crash, memory cap. Its text goes in the table."""


def log(msg):
    print("[bench] " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(shlex.quote(c) for c in cmd))
    kw.setdefault("stdout", sys.stderr)  # stdout is for the tables
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------- setup

def ensure_visidata(requirement):
    vd = os.path.join(VENV, "bin", "vd")
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        run([sys.executable, "-m", "venv", VENV])
    if not os.path.exists(vd):
        run([os.path.join(VENV, "bin", "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement])
    return vd


def build():
    for product in ("dealscope", "dealscope-gen"):
        run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", product], cwd=ROOT)
    bindir = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--show-bin-path"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bindir, "dealscope"), os.path.join(bindir, "dealscope-gen")


def generate(gen, n):
    out = os.path.join(SCRATCH, "bench-data", str(n))
    os.makedirs(out, exist_ok=True)
    run([gen, "--deals", str(n), "--out", out, "--csv"], stdout=subprocess.DEVNULL)
    return os.path.join(out, "synthetic.dealscope.json"), os.path.join(out, "synthetic-deals.csv")


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception as e:  # a missing tool must not stop the benchmark
        return "unknown (%s)" % e


def machine():
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "nproc %d (%s), %s memory, Linux %s" % (len(os.sched_getaffinity(0)), cpu, mem, platform.release())


def mem_available_mb():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    return 4096


# ---------------------------------------------------------------- tmux

class Pane:
    """One program in a pane of its own tmux server (private socket)."""

    def __init__(self, label, argv, limits):
        self.socket = "dealscope-bench-%d-%s" % (os.getpid(), label)
        self.limits = limits
        self.pid = None
        self.peak_kb = 0
        self.socket_path = ""
        # A placeholder first, so that spawning the program is not timed with the
        # server's start; status off so the pane is the whole 120x40 window.
        try:
            self.tmux("new-session", "-d", "-s", "bench", "-x", str(COLS), "-y", str(ROWS), "cat")
            self.tmux("set-option", "-g", "status", "off")
            self.tmux("set-option", "-g", "remain-on-exit", "on")
            self.tmux("set-option", "-g", "window-size", "manual")
            self.tmux("resize-window", "-t", "bench", "-x", str(COLS), "-y", str(ROWS))
            self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").strip()
            size = self.tmux("display-message", "-p", "-t", "bench", "#{pane_width}x#{pane_height}").strip()
            if size != "%dx%d" % (COLS, ROWS):
                raise SystemExit("tmux pane is %s, not %dx%d" % (size, COLS, ROWS))
        except BaseException:
            self.tmux("kill-server", check=False)
            raise
        env = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in sorted(limits["env"].items()))
        self.command = "exec env -i %s %s" % (env, " ".join(shlex.quote(a) for a in argv))

    def tmux(self, *args, check=True):
        out = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                             capture_output=True, text=True)
        if check and out.returncode != 0:
            raise RuntimeError("tmux %s: %s" % (" ".join(args), out.stderr.strip()))
        return out.stdout

    def start(self):
        t0 = time.monotonic()
        self.tmux("respawn-pane", "-k", "-t", "bench", self.command)
        self.pid = int(self.tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())
        return t0

    def written(self):
        """Bytes the process has passed to write calls (wchar of /proc/PID/io): exact,
        and independent of tmux. Once loaded, neither tool writes anywhere but the
        terminal while moving and resizing."""
        try:
            with open("/proc/%d/io" % self.pid) as f:
                return int(re.search(r"^wchar:\s+(\d+)", f.read(), re.M).group(1))
        except (OSError, AttributeError):
            self.check()
            raise Failed("cannot read /proc/%d/io" % self.pid)

    def screen(self, escapes=False):
        args = ["capture-pane", "-p", "-t", "bench"] + (["-e"] if escapes else [])
        return self.tmux(*args)

    def keys(self, *keys, literal=False):
        self.tmux("send-keys", "-t", "bench", *((["-l"] if literal else []) + list(keys)))

    def resize(self, cols, rows):
        self.tmux("resize-window", "-t", "bench", "-x", str(cols), "-y", str(rows))

    def check(self):
        """Fails when the program has ended or passed the memory cap; tracks the peak."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                status = f.read()
        except OSError:
            status = ""
        m = re.search(r"VmHWM:\s+(\d+) kB", status)
        if m:
            self.peak_kb = max(self.peak_kb, int(m.group(1)))
        rss = re.search(r"VmRSS:\s+(\d+) kB", status)
        if rss and int(rss.group(1)) > self.limits["max_rss_mb"] * 1024:
            self.kill()
            raise Failed("killed: memory > %d MB" % self.limits["max_rss_mb"])
        if not m:  # gone (tmux has reaped it) or a zombie
            screen = self.tmux("capture-pane", "-p", "-t", "bench", check=False)
            last = [l.strip() for l in screen.splitlines() if l.strip()][-3:]
            raise Failed("exited: " + " / ".join(last)[:100])

    def peak_mb(self):
        return self.peak_kb / 1024

    def wait(self, predicate, timeout, what, escapes=False, since=None):
        """Polls the screen until predicate(screen) holds; returns seconds since `since`."""
        since = time.monotonic() if since is None else since
        while True:
            taken = time.monotonic()
            text = self.screen(escapes)
            if predicate(text):
                return taken - since
            self.check()
            if time.monotonic() - since > timeout:
                raise Failed("timeout >%g s (%s)" % (timeout, what))
            # Quickly at first (a 2 ms change is seen as such), then less often.
            time.sleep(min(self.limits["poll"], max(0.002, (time.monotonic() - since) / 4)))

    def settle(self, start_size, timeout):
        """Bytes written since `start_size` (taken before the key was sent) until the
        output has been quiet long enough."""
        quiet = self.limits["quiet"]
        start = last_change = checked = time.monotonic()
        size = start_size
        while True:
            time.sleep(0.01)
            now = time.monotonic()
            new = self.written()
            if new != size:
                size, last_change = new, now
            if size != start_size and now - last_change >= quiet:
                return size - start_size
            if now - start > timeout:
                self.check()
                raise Failed("timeout >%g s (%s)" % (timeout, "no output" if size == start_size else "output never settled"))
            if now - checked > 0.5:
                self.check()
                checked = now

    def idle(self, timeout):
        """Waits until nothing has been written for the quiet period (no key sent)."""
        quiet = self.limits["quiet"]
        start = last_change = time.monotonic()
        size = self.written()
        while time.monotonic() - last_change < quiet:
            time.sleep(0.02)
            new = self.written()
            if new != size:
                size, last_change = new, time.monotonic()
            if time.monotonic() - start > timeout:
                raise Failed("timeout >%g s (never idle)" % timeout)

    def kill(self):
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass

    def close(self):
        self.kill()
        self.tmux("kill-server", check=False)
        if self.socket_path.endswith(self.socket) and os.path.exists(self.socket_path):
            os.remove(self.socket_path)


def last_line(text):
    lines = text.rstrip("\n").split("\n")
    return lines[-1] if lines else ""


# ---------------------------------------------------------------- the tools

class Dealscope:
    name = "dealscope"

    def __init__(self, binary, data, n, cache_dir):
        self.argv = [binary, "--data", data]
        self.n = n
        # Snapshots go to a directory of the benchmark's own: emptied before the first
        # open of each size (which reads the JSON and saves one), kept for the later
        # opens (which read the snapshot).
        self.env = {"DEALSCOPE_CACHE_DIR": cache_dir}

    def first_screen(self, s):
        return last_line(s).rstrip().endswith("q quit")

    def loaded(self, s):
        return "%d of %d deals" % (self.n, self.n) in last_line(s) and self.first_screen(s)

    def prepare(self, pane, timeout):
        # Moves are measured in the Deals pane (focus starts on Partners), the
        # counterpart of VisiData's table of deals.
        pane.keys("2")
        pane.wait(lambda s: re.search(r"Deals │ \? help", last_line(s)) is not None, timeout, "focus Deals")

    def prepare_search(self, pane, timeout):
        pass

    def search(self, pane, timeout, results):
        # Typing: every key searches (incremental); the prompt is painted once input pauses
        # (with the status line's hint of the typing mode, drawn after the prompt).
        t = time.monotonic()
        pane.keys("/" + SEARCH, literal=True)
        results["search: typing"] = pane.wait(lambda s: last_line(s).strip().startswith("/" + SEARCH)
                                              and "Esc cancel" in last_line(s), timeout, "typing", since=t)
        # No pause before Enter: on a large catalog the search runs while no key waits
        # (in slices), so a pause would do the searching before Enter is timed.
        t = time.monotonic()
        pane.keys("Enter")

        # Enter → result: the cursor is on a match (the status counts one found, or
        # the search is already done); all matches: the search is done.
        first = re.compile(r"/%s: (?:searching… \d+%%, [1-9]|match|\d+ match)" % re.escape(SEARCH))

        def done(s):
            line = last_line(s)
            return ("All partners" in line and "/" + SEARCH in line and "searching" not in line) or "no match" in line
        results["search: Enter"] = pane.wait(lambda s: first.search(last_line(s)) is not None or done(s), timeout, "search", since=t)
        results["search: all matches"] = pane.wait(done, timeout, "all matches", since=t)
        # "/Partner 12: 846 matches" or "/Partner 12: match 1 of 846"; a long
        # status line may be cut before the count.
        pattern = re.compile(r"/%s: (?:match \d+ of )?(\d+)(?!\d|…)" % re.escape(SEARCH))
        m = pattern.search(last_line(pane.screen()))
        if not m:  # read it on a wider terminal (after the timing, and before the resize is undone)
            pane.resize(250, ROWS)
            try:
                pane.wait(lambda s: pattern.search(last_line(s)) is not None, 10, "count")
                m = pattern.search(last_line(pane.screen()))
            except Failed:
                pass
            pane.resize(COLS, ROWS)
        results["matches"] = int(m.group(1)) if m else "not on screen"

    def quit(self, pane):
        pane.keys("q")


class VisiData:
    name = "VisiData"

    def __init__(self, vd, csv, n):
        # -N: no ~/.visidatarc, no plugins; an empty motd_url: no network fetch at start.
        self.argv = [vd, "-N", "--motd-url=", csv]
        self.n = n
        self.env = {}

    def first_screen(self, s):
        return re.search(r"^\s*d0\s", s, re.M) is not None

    def loaded(self, s):
        line = last_line(s)
        return re.search(r"\b%d rows\b" % self.n, line) is not None and "loading" not in line

    def prepare(self, pane, timeout):
        pass

    @staticmethod
    def cursor(screen_with_escapes):
        """(row id, text) of the cursor row: the one whose id cell is in reverse video."""
        for line in screen_with_escapes.split("\n"):
            m = re.match(r"((?:\x1b\[[0-9;]*m)*)\s*d(\d+)\b", line)
            if m and re.search(r"\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m", m.group(1)):
                return int(m.group(2)), re.sub(r"\x1b\[[0-9;]*m", "", line)
        return None, ""

    def prepare_search(self, pane, timeout):
        # `/` searches the current column: move to party_a (the 5th column).
        pane.keys("l", "l", "l", "l")
        pane.wait(lambda s: re.search(r"\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m party_a", s) is not None, timeout,
                  "cursor to party_a", escapes=True)
        pane.idle(timeout)

    def search(self, pane, timeout, results):
        before, _ = self.cursor(pane.screen(True))
        t = time.monotonic()
        pane.keys("/")
        pane.keys(SEARCH, literal=True)
        results["search: typing"] = pane.wait(lambda s: SEARCH in last_line(s), timeout, "typing", since=t)
        pane.idle(timeout)
        t = time.monotonic()
        pane.keys("Enter")

        def moved(s):
            row, text = self.cursor(s)
            return (row is not None and row != before and SEARCH in text) or " 0 matches for" in s
        results["search: Enter"] = pane.wait(moved, timeout, "search", escapes=True, since=t)
        pane.idle(timeout)
        # All matches: `|` selects every row whose cell in this column matches.
        pane.keys("|")
        pane.keys(SEARCH, literal=True)
        pane.wait(lambda s: SEARCH in last_line(s), timeout, "typing")
        pane.idle(timeout)
        t = time.monotonic()
        pane.keys("Enter")
        # Selecting is asynchronous (the count in the status grows); it is done
        # when VisiData reports "selected K rows".
        pattern = re.compile(r"\bselected (\d+) rows\b")
        results["search: all matches"] = pane.wait(lambda s: pattern.search(s) is not None,
                                                   timeout, "select by regex", since=t)
        m = pattern.search(pane.screen())
        results["matches"] = int(m.group(1)) if m else "?"

    def quit(self, pane):
        pane.keys("C-q")


# ---------------------------------------------------------------- one measurement

def measure(tool, label, limits):
    """All figures for one tool on one size; a figure that could not be taken is a string."""
    results = {}
    limits = dict(limits, env=dict(limits["env"], **tool.env))
    pane = Pane(label, tool.argv, limits)
    step = limits["step_timeout"]
    try:
        t0 = pane.start()
        try:
            results["first screen"] = pane.wait(tool.first_screen, limits["load_timeout"], "first screen", since=t0)
            results["full load"] = pane.wait(tool.loaded, limits["load_timeout"], "full load", since=t0)
        except Failed as e:
            results.setdefault("first screen", str(e))
            results["full load"] = str(e)
            results["peak memory"] = "%.0f MB when stopped (%s)" % (pane.peak_mb(), str(e).split(" (")[0])
            return results
        pane.idle(step)
        tool.prepare(pane, step)
        pane.idle(step)
        # One move first: the first key clears start-up messages (VisiData's status
        # panel), which would otherwise be counted against the first measured move.
        before = pane.written()
        pane.keys("j")
        pane.settle(before, step)
        try:
            for name, key, times in (("j", "j", 5), ("PgDn", "NPage", 3)):
                counts = []
                for _ in range(times):
                    pane.idle(step)
                    before = pane.written()
                    pane.keys(key)
                    counts.append(pane.settle(before, step))
                results["bytes " + name] = statistics.median(counts)
            for name, size in (("resize small", SMALL), ("resize back", (COLS, ROWS))):
                pane.idle(step)
                before = pane.written()
                pane.resize(*size)
                results["bytes " + name] = pane.settle(before, step)
        except Failed as e:
            results["bytes error"] = str(e)
        try:
            pane.idle(step)
            tool.prepare_search(pane, step)
            tool.search(pane, limits["load_timeout"], results)  # a full scan may take as long as a load
        except Failed as e:
            results["search error"] = str(e)
        pane.check()
        results["peak memory"] = pane.peak_mb()
        tool.quit(pane)
        try:
            pane.wait(lambda s: pane.tmux("display-message", "-p", "-t", "bench", "#{pane_dead}").strip() == "1",
                      10, "quit")
        except Failed:
            pass
    except (Failed, RuntimeError) as e:
        results.setdefault("peak memory", "%.0f MB when stopped (%s)" % (pane.peak_mb(), e))
    finally:
        pane.close()
    return results


# ---------------------------------------------------------------- the table

ROWS_SPEC = [
    ("time to first screen", "first screen", "s"),
    ("time to full load", "full load", "s"),
    ("peak memory (VmHWM)", "peak memory", "MB"),
    ("search `%s`: typing it (1)" % SEARCH, "search: typing", "ms"),
    ("search `%s`: Enter → result (2)" % SEARCH, "search: Enter", "ms"),
    ("search `%s`: all matches counted (3)" % SEARCH, "search: all matches", "ms"),
    ("matches found (4)", "matches", ""),
    ("bytes per cursor move `j` (median of 5)", "bytes j", "B"),
    ("bytes per page jump PgDn (median of 3)", "bytes PgDn", "B"),
    ("bytes per resize 120x40 → 100x30", "bytes resize small", "B"),
    ("bytes per resize 100x30 → 120x40", "bytes resize back", "B"),
]


def lookup(r, key):
    if key in r:
        return r[key]
    if error_key(key) in r:
        return r[error_key(key)]
    if isinstance(r.get("full load"), str):
        return "not measured (no load)"
    return "not measured"


def combine(runs, key):
    values = [lookup(r, key) for r in runs]
    numbers = [v for v in values if isinstance(v, (int, float))]
    if len(numbers) == len(values) and numbers:
        return statistics.median(numbers)
    return next(v for v in values if not isinstance(v, (int, float)))


def error_key(key):
    if key.startswith("bytes"):
        return "bytes error"
    if key.startswith("search") or key == "matches":
        return "search error"
    return "full load"


def fmt(value, unit):
    if not isinstance(value, (int, float)):
        return str(value)
    if unit == "s":
        return "%.2f s" % value
    if unit == "ms":
        return "%.0f ms" % (value * 1000)
    if unit == "MB":
        return "%.0f MB" % value
    if unit == "B":
        return "%d B" % value
    return str(value)


def ratio(a, b, unit):
    if unit and isinstance(a, (int, float)) and isinstance(b, (int, float)) and b > 0:
        r = a / b
        return "%.1f×" % r if r >= 10 else "%.2f×" % r
    return "—"


def table(n, ds_runs, snap_runs, vd_runs):
    print()
    print("### %s deals" % format(n, ","))
    print()
    print("| measure | dealscope, first open (JSON) | dealscope, later opens (snapshot) | VisiData | first open / VisiData | snapshot / VisiData |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for title, key, unit in ROWS_SPEC:
        a = combine(ds_runs, key)
        s = combine(snap_runs, key)
        b = combine(vd_runs, key)
        print("| %s | %s | %s | %s | %s | %s |" % (title, fmt(a, unit), fmt(s, unit), fmt(b, unit), ratio(a, b, unit), ratio(s, b, unit)))
    sys.stdout.flush()


NOTES = """
Notes: (1) from sending the keys until the prompt shows the term; dealscope searches
as you type (at once on small catalogs; on large ones in slices while no key waits),
VisiData only echoes. (2) Enter, sent right after the term shows, until the result is
on screen: the cursor is on a match (dealscope's status counts one found, or the
search is done); VisiData `/` moves the cursor to the next row whose party_a matches.
(3) dealscope: the same Enter until every match (partners, deals, events) is counted;
VisiData: `|` selects every row whose party_a
matches, until it reports "selected K rows" (VisiData redraws every 100 ms while
busy, so its figure carries up to that much). (4) dealscope: matches over partners,
deals and events (names, titles, quotes…); VisiData: rows selected by (3).
Times come from polling the tmux screen (capture-pane every 2 ms at first, then
less often, up to every %.0f ms): they carry that resolution and tmux's own delay. dealscope's first screen is its loading
screen (panes and progress; data loads on another thread), its full load is when
the status line counts every deal. Peak memory is VmHWM at the end of
the run (or when the tool was stopped). Bytes are what the process passed to
write() (wchar in /proc/PID/io), counted until %.2f s of quiet; dealscope's moves
are in its Deals pane. dealscope's first open decodes the JSON, locates every quote
and, once the data is on screen, saves a snapshot (its peak memory includes the
saving, its full load does not); later opens read the
snapshot after checking that the dataset is unchanged and every document has the
checksum it had when its quotes were located. dealscope loads partners, events and the source document
(locating every quote) besides the deals; VisiData reads the deals table only (a
CSV of the same deals)."""


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="100000,1000000", help="comma-separated numbers of deals")
    p.add_argument("--runs", type=int, default=1, help="runs per tool and size (medians)")
    p.add_argument("--load-timeout", type=float, default=120.0, help="seconds allowed for loading (first screen, full load) and for each search step")
    p.add_argument("--step-timeout", type=float, default=60.0, help="seconds allowed for each other step")
    p.add_argument("--max-rss-mb", type=int, default=None, help="kill a tool past this resident memory (default 75%% of available)")
    p.add_argument("--quiet", type=float, default=0.5, help="seconds without output that end a byte count")
    p.add_argument("--poll", type=float, default=0.02, help="seconds between screen polls")
    p.add_argument("--visidata", default="visidata", help="pip requirement for VisiData")
    p.add_argument("--only", choices=["dealscope", "visidata"], help="measure one tool only")
    p.add_argument("--skip-build", action="store_true", help="use the binaries already in .build-bench")
    a = p.parse_args()
    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    for tool in ("tmux", "swift"):
        if not shutil.which(tool):
            raise SystemExit("%s is required" % tool)
    os.makedirs(SCRATCH, exist_ok=True)
    home = os.path.join(SCRATCH, "bench-home")
    os.makedirs(home, exist_ok=True)

    vd = ensure_visidata(a.visidata)
    if a.skip_build:
        bindir = os.path.join(SCRATCH, "release")
        binary, gen = os.path.join(bindir, "dealscope"), os.path.join(bindir, "dealscope-gen")
    else:
        binary, gen = build()

    limits = {
        "load_timeout": a.load_timeout,
        "step_timeout": a.step_timeout,
        "max_rss_mb": a.max_rss_mb or int(mem_available_mb() * 0.75),
        "quiet": a.quiet,
        "poll": a.poll,
        "env": dict(TERM_ENV, HOME=home, PATH="/usr/local/bin:/usr/bin:/bin"),
    }
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    header = [
        "machine: " + machine(),
        "dealscope %s (%s), %s" % (first_line([binary, "--version"]), commit or "no git", first_line(["swift", "--version"])),
        "VisiData: %s, on %s" % (first_line([vd, "--version"]), first_line([os.path.join(VENV, "bin", "python"), "--version"])),
        "terminal: %s, pane %dx%d, TERM=%s LANG=%s TZ=%s" % (first_line(["tmux", "-V"]), COLS, ROWS,
                                                             TERM_ENV["TERM"], TERM_ENV["LANG"], TERM_ENV["TZ"]),
        "limits: load %g s, other steps %g s, memory %d MB; %d run(s) per tool and size" % (
            a.load_timeout, a.step_timeout, limits["max_rss_mb"], a.runs),
    ]

    tables = []
    for n in sizes:
        data, csv = generate(gen, n)
        cache = os.path.join(SCRATCH, "snapshots-%d" % n)
        ds_runs, snap_runs, vd_runs = [], [], []
        for i in range(a.runs):
            if a.only != "visidata":
                shutil.rmtree(cache, ignore_errors=True)
                log("dealscope (first open: JSON, saves a snapshot), %d deals, run %d" % (n, i + 1))
                ds_runs.append(measure(Dealscope(binary, data, n, cache), "ds", limits))
                log("  %r" % ds_runs[-1])
                log("dealscope (later open: snapshot), %d deals, run %d" % (n, i + 1))
                snap_runs.append(measure(Dealscope(binary, data, n, cache), "ds", limits))
                log("  %r" % snap_runs[-1])
            if a.only != "dealscope":
                log("VisiData, %d deals, run %d" % (n, i + 1))
                vd_runs.append(measure(VisiData(vd, csv, n), "vd", limits))
                log("  %r" % vd_runs[-1])
        tables.append((n, ds_runs or [{}], snap_runs or [{}], vd_runs or [{}]))

    print()
    print("## dealscope and VisiData on the same deals, in a %dx%d tmux terminal" % (COLS, ROWS))
    print()
    for line in header:
        print("- " + line)
    for n, ds_runs, snap_runs, vd_runs in tables:
        table(n, ds_runs, snap_runs, vd_runs)
    print(NOTES % (a.poll * 1000, a.quiet))


if __name__ == "__main__":
    main()
