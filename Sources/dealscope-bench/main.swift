import Dispatch
import Synchronization
import DealModel
import ExplorerCore

#if canImport(Glibc)
import Glibc
#endif

// In-process figures for the explorer on the bundled data (or --data PATH):
// time to load, to draw the first frame, and to handle and draw each keystroke.
// Build with `swift build -c release --product dealscope-bench`; it prints a table.
// `--document` measures the document view and Detail instead (DocumentBench.swift).
// Terminal-level figures (bytes written, time to first frame of the real binary)
// come from Scripts/bench-terminal.py.

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}

/// This thread's CPU time in ms: what a slice costs, whatever else the machine runs.
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
func percentile(_ xs: [Double], _ p: Double) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))] }
func fmt(_ ms: Double) -> String { ms < 0.1 ? String(format3(ms * 1000)) + " µs" : format3(ms) + " ms" }
func format3(_ v: Double) -> String { String((v * 100).rounded() / 100) }

var args = Array(CommandLine.arguments.dropFirst())
var dataPath: String?
if let i = args.firstIndex(of: "--data"), i + 1 < args.count { dataPath = args[i + 1]; args.removeSubrange(i...(i + 1)) }
let width = 120, height = 40

if args.contains("--edits") {
    guard let path = dataPath else { print("--edits needs --data FILE"); exit(64) }
    editBench(path: path, rounds: 5)
    exit(0)
}

// `--phases`: one load, with the time at which each phase of the loader began, and
// how often progress was told (the explorer's loading line moves only when it is).
if args.contains("--phases") {
    // On a queue's thread, as the explorer loads.
    let done = DispatchSemaphore(value: 0)
    let path = dataPath
    DispatchQueue.global(qos: .userInitiated).async {
        let t0 = now()
        let told = Mutex<(phase: String, last: Double, longest: Double, count: Int)>(("", 0, 0, 0))
        let (catalog, problems) = DatasetLoader.check(path: path) { p in
            let t = now() - t0
            let newPhase = told.withLock { r in
                defer { r = (p.phase, t, max(r.longest, t - r.last), r.count + 1) }
                return r.phase != p.phase
            }
            if newPhase {
                print(pad(String(format3(t)) + " ms", 14) + pad(memory(), 26) + p.phase)
                resetPeak()
            }
        }
        print(pad(String(format3(now() - t0)) + " ms", 14) + pad(memory(), 26) + "returned: \(catalog?.deals.count ?? 0) deals, \(problems.count) problems")
        let r = told.withLock { $0 }
        print("progress told \(r.count) times; longest wait between two: \(format3(r.longest)) ms")
        done.signal()
    }
    done.wait()
    exit(0)
}
let rounds = Int(CommandLine.arguments.last.flatMap { $0.hasPrefix("--rounds=") ? String($0.dropFirst(9)) : nil } ?? "30") ?? 30

if args.contains("--document") {
    let t0 = now()
    let catalog: Catalog
    do { catalog = try DatasetLoader.load(path: dataPath) } catch { print(error); exit(65) }
    print("loaded in \(fmt(now() - t0)), \(memory())")
    documentBench(catalog, rounds: rounds)
    exit(0)
}

var loads: [Double] = []
var firstFrames: [Double] = []
var catalog: Catalog!
for _ in 0..<rounds {
    let t0 = now()
    do { catalog = try DatasetLoader.load(path: dataPath) } catch { print(error); exit(65) }
    let t1 = now()
    let state = Explorer.start(catalog: catalog, width: width, height: height)
    _ = Explorer.render(state)
    let t2 = now()
    loads.append(t1 - t0)
    firstFrames.append(t2 - t0)
}

let scenarios: [(String, [InputEvent])] = [
    ("j (cursor down)", Array(repeating: .key(.char("j")), count: 8)),
    ("] (next event)", Array(repeating: .key(.char("]")), count: 8)),
    ("PgDn / PgUp", [.key(.pageDown), .key(.pageUp)]),
    ("Tab (focus)", Array(repeating: .key(.tab), count: 4)),
    ("Enter (filter toggle)", [.key(.enter), .key(.enter)]),
    ("/ search keystroke", "/openai".map { .key(.char($0)) } + [.key(.escape)]),
    ("search slice (idle turn)", [.key(.char("/")), .key(.char("p"))] + Array(repeating: .idle, count: 25) + [.key(.escape)]),
    ("G / g (last, first row)", [.key(.char("G")), .key(.char("g"))]),
    ("v, n, Esc (document view)", [.key(.char("v")), .key(.char("n")), .key(.escape)]),
    ("resize", [.resize(width: 100, height: 30), .resize(width: 120, height: 40)]),
    ("w, w (open/close the network)", [.key(.char("w")), .key(.char("w"))]),
    ("network j, l, + (move, deeper)", [.key(.char("w"))] + Array(repeating: .key(.char("j")), count: 4) + [.key(.char("l")), .key(.char("+")), .key(.char("-")), .key(.char("w"))]),
    ("t, t (open/close the chart)", [.key(.char("t")), .key(.char("t"))]),
    ("chart j, +, h (move, zoom, pan)", [.key(.char("t"))] + Array(repeating: .key(.char("j")), count: 4) + [.key(.char("+")), .key(.char("h")), .key(.char("-")), .key(.char("t"))]),
    ("y (copy the id)", [.key(.char("y"))]),
]
print("dealscope-bench: \(catalog.partners.count) partners, \(catalog.deals.count) deals, \(catalog.events.count) events; \(width)x\(height); \(rounds) rounds")
print("")
print(pad("measure", 32) + pad("median", 12) + pad("p95", 12) + "max")
print(pad("load + check data", 32) + pad(fmt(median(loads)), 12) + pad(fmt(percentile(loads, 0.95)), 12) + fmt(loads.max()!))
print(pad("load + first frame", 32) + pad(fmt(median(firstFrames)), 12) + pad(fmt(percentile(firstFrames, 0.95)), 12) + fmt(firstFrames.max()!))
for (name, events) in scenarios {
    var times: [Double] = []
    var state = Explorer.start(catalog: catalog, width: width, height: height)
    for _ in 0..<rounds {
        for e in events {
            let t0 = now()
            _ = Explorer.update(&state, e)
            _ = Explorer.render(state)
            times.append(now() - t0)
        }
    }
    print(pad(name + " + draw", 32) + pad(fmt(median(times)), 12) + pad(fmt(percentile(times, 0.95)), 12) + fmt(times.max()!))
}

// The pictures drawn on their own, and a sort of the Deals pane, at this size.
do {
    var state = Explorer.start(catalog: catalog, width: width, height: height)
    func frames(_ key: Character) -> [Double] {
        _ = Explorer.update(&state, .key(.char(key)))
        var times: [Double] = []
        for _ in 0..<rounds {
            let t0 = now()
            _ = Explorer.render(state)
            times.append(now() - t0)
        }
        _ = Explorer.update(&state, .key(.char(key)))
        return times
    }
    for (name, key) in [("network frame (w open)", Character("w")), ("chart frame (t open)", "t")] {
        let times = frames(key)
        print(pad(name, 32) + pad(fmt(median(times)), 12) + pad(fmt(percentile(times, 0.95)), 12) + fmt(times.max()!))
    }
    // A network or a chart made from nothing (the first frame after opening, or after
    // a filter change): its model built as well as drawn.
    for (name, key) in [("network opened and drawn", Character("w")), ("chart opened and drawn", "t")] {
        var times: [Double] = []
        for k in 0..<rounds {
            var s = Explorer.start(catalog: catalog, width: width, height: height)
            // A different partner each round, so no picture is reused.
            for _ in 0..<(k % 7) { _ = Explorer.update(&s, .key(.char("j"))) }
            let t0 = now()
            _ = Explorer.update(&s, .key(.char(key)))
            _ = Explorer.render(s)
            times.append(now() - t0)
        }
        print(pad(name, 32) + pad(fmt(median(times)), 12) + pad(fmt(percentile(times, 0.95)), 12) + fmt(times.max()!))
    }
    // Sorting every deal by each column: the keystroke, the slices (their longest)
    // and the whole sort.
    for column in ["date", "value", "title", "parties"] {
        var s = Explorer.start(catalog: catalog, width: width, height: height)
        _ = Explorer.update(&s, .key(.char("2")))
        let t0 = now()
        for c in ":sort \(column)" { _ = Explorer.update(&s, .key(.char(c))) }
        _ = Explorer.update(&s, .key(.enter))
        let key = now() - t0
        var longest = 0.0, longestCPU = 0.0
        var slices = 0
        while s.isBusy {
            let (t, c) = (now(), cpuNow())
            _ = Explorer.update(&s, .idle)
            longest = max(longest, now() - t)
            longestCPU = max(longestCPU, cpuNow() - c)
            slices += 1
        }
        _ = Explorer.render(s)
        print(pad("sort deals by \(column)", 32) + "key \(fmt(key)), \(slices) slices (longest \(fmt(longest)), \(fmt(longestCPU)) of CPU), all \(fmt(now() - t0))")
    }
    // The edit form: a character typed into a deal's date (checked by decoding the
    // record with the loader's decoder) and the screen drawn.
    var s = Explorer.start(catalog: catalog, width: width, height: height)
    for k in [Key.char("2"), .char("e"), .tab, .tab, .tab, .tab] { _ = Explorer.update(&s, .key(k)) }
    let typed = (0..<rounds).map { i in
        let t0 = now()
        _ = Explorer.update(&s, .key(i % 2 == 0 ? .char("1") : .backspace))
        _ = Explorer.render(s)
        return now() - t0
    }
    print(pad("edit form: a key in a field", 32) + pad(fmt(median(typed)), 12) + pad(fmt(percentile(typed, 0.95)), 12) + fmt(typed.max()!))
    // Its typed text kept across a crash: the runner's atomic, synced write (in a
    // cache of its own here), at most every 0.3 s while typing goes on.
    var template = Array("/tmp/dealscope-bench-XXXXXX".utf8CString)
    if let dir = mkdtemp(&template).map({ String(cString: $0) }) {
        s.journalCache = dir
        _ = Explorer.update(&s, .key(.char("1")))
        let kept = (0..<rounds).map { i in
            _ = Explorer.update(&s, .key(i % 2 == 0 ? .char("2") : .backspace))
            let t0 = now()
            _ = Explorer.perform(.formDraft, &s)
            return now() - t0
        }
        print(pad("edit form: its text kept", 32) + pad(fmt(median(kept)), 12) + pad(fmt(percentile(kept, 0.95)), 12) + fmt(kept.max()!))
        _ = Explorer.update(&s, .key(.escape))
        _ = Explorer.perform(.formDraft, &s)
        for name in ["journal", ""] { rmdir(dir + "/" + name) }
    }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }

/// Resident and peak resident memory of this process, from /proc (Linux).
func memory() -> String {
    guard let f = fopen("/proc/self/status", "r") else { return "" }
    defer { fclose(f) }
    var rss = "", peak = ""
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let mb = { (s: String) in String((Int(s.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024) + " MB" }
        if s.hasPrefix("VmRSS:") { rss = mb(s) }
        if s.hasPrefix("VmHWM:") { peak = mb(s) }
    }
    return "rss " + rss + " (peak " + peak + ")"
}

/// Resets VmHWM (Linux), so that each phase line shows the peak of the phase before it.
func resetPeak() {
    guard let f = fopen("/proc/self/clear_refs", "w") else { return }
    fputs("5", f)
    fclose(f)
}
