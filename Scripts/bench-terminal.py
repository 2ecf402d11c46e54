#!/usr/bin/env python3
"""Terminal-level figures for the real dealscope binary in a pseudo-terminal.

Measures, over several runs (median reported):
  - time from starting the process to its first complete frame (the status line,
    drawn last, has appeared);
  - for a cursor move (j), a page jump (PgDn), a focus change (Tab) and a resize:
    bytes written to the terminal and the time until the output settles.

Usage: python3 Scripts/bench-terminal.py [--runs N] [--binary PATH] [--data PATH]
By default it builds and uses the release binary. Not part of the test run.
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, subprocess, sys, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def read_until(fd, predicate, timeout):
    """Reads until predicate(buffer) holds; returns (buffer, seconds) or raises."""
    buf = b""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
            if predicate(buf):
                return buf, time.monotonic() - start
    raise TimeoutError("no complete frame within %.1f s; got %r" % (timeout, buf[-200:]))


def settle(fd, quiet=0.15, limit=5.0):
    """Reads until nothing arrives for `quiet` seconds; returns (bytes, seconds to last byte)."""
    buf = b""
    start = time.monotonic()
    last = start
    while time.monotonic() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buf += chunk
        last = time.monotonic()
    return buf, (last - start) if buf else 0.0


def one_run(binary, data):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", TZ="UTC")
        env.pop("NO_COLOR", None)
        args = [binary] + (["--data", data] if data else [])
        os.execve(binary, args, env)
    set_size(fd, 120, 40)
    t0 = time.monotonic()
    _, first = read_until(fd, lambda b: b"q quit" in b, 10)
    first_frame = time.monotonic() - t0
    settle(fd)
    figures = {"first frame (ms)": first_frame * 1000}
    for name, keys in [("cursor move j", b"j"), ("page jump PgDn", b"\x1b[6~"), ("focus Tab", b"\t"), ("timeline ]", b"]")]:
        t = time.monotonic()
        os.write(fd, keys)
        out, last = settle(fd)
        figures[name + " (bytes)"] = len(out)
        figures[name + " (ms)"] = last * 1000
    set_size(fd, 100, 30)
    os.kill(pid, signal.SIGWINCH)
    out, last = settle(fd)
    figures["resize 100x30 (bytes)"] = len(out)
    figures["resize 100x30 (ms)"] = last * 1000
    os.write(fd, b"q")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    if os.WEXITSTATUS(status) != 0:
        raise SystemExit("dealscope exited with %d" % os.WEXITSTATUS(status))
    return figures


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=9)
    p.add_argument("--binary")
    p.add_argument("--data")
    a = p.parse_args()
    binary = a.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "dealscope"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "dealscope")
    runs = [one_run(binary, a.data) for _ in range(a.runs)]
    print("dealscope in a 120x40 pseudo-terminal, TERM=xterm-256color, median of %d runs" % a.runs)
    print()
    print("| measure | median | min | max |")
    print("| --- | --- | --- | --- |")
    for key in runs[0]:
        values = [r[key] for r in runs]
        fmt = (lambda v: "%.1f" % v) if key.endswith("(ms)") else (lambda v: "%d" % v)
        print("| %s | %s | %s | %s |" % (key, fmt(statistics.median(values)), fmt(min(values)), fmt(max(values))))


if __name__ == "__main__":
    main()
