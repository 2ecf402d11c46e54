import ArgumentParser
import DealModel
#if canImport(Glibc)
import Glibc
#endif

/// `dealscope cache list|clear`: the snapshots kept so that large datasets open fast.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or remove the snapshots that let large datasets open fast.",
        subcommands: [List.self, Clear.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the snapshots, most recently used first, with their datasets.")
        @OptionGroup var output: OutputOptions

        func run() throws {
            let entries = SnapshotCache.entries()
            if output.json {
                Out.print(JSONOut.array(entries.map { e in
                    .object([("file", .string(e.path)), ("bytes", .int(e.bytes)), ("lastUsed", .string(Self.time(e.lastUsed))),
                             ("dataset", .optional(e.dataset)), ("state", .string(e.state.rawValue))])
                }).render())
                return
            }
            var table = Table([.init(header: "LAST USED"), .init(header: "SIZE", alignRight: true), .init(header: "STATE"),
                               .init(header: "DATASET", flexible: true)])
            for e in entries {
                table.add([Self.time(e.lastUsed), Self.size(e.bytes), e.state.rawValue, e.dataset ?? "(unreadable: \(e.path))"])
            }
            emit(table.render(on: output.console))
            let total = entries.reduce(0) { $0 + $1.bytes }
            let limits = "limits: \(SnapshotCache.maximumFiles) snapshots, \(Self.size(SnapshotCache.maximumBytes))"
            let place = SnapshotCache.directory.map { "in \($0)" } ?? "(snapshots are off: DEALSCOPE_CACHE=off)"
            Out.error("\(entries.count) snapshot\(entries.count == 1 ? "" : "s"), \(Self.size(total)) \(place); \(limits)")
        }

        static func time(_ seconds: Int) -> String {
            var t = time_t(seconds)
            var parts = tm()
            gmtime_r(&t, &parts)
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1 << 30 ? "\((Double(bytes) / Double(1 << 30) * 10).rounded() / 10) GB"
                : bytes >= 1 << 20 ? "\((Double(bytes) / Double(1 << 20) * 10).rounded() / 10) MB"
                : "\((bytes + 1023) / 1024) KB"
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every snapshot (they are made again when needed).")
        @Flag(name: .long, help: "Remove only snapshots that will not be used again (their dataset changed or is gone).")
        var unused = false

        func run() throws {
            let (files, bytes) = SnapshotCache.clear(onlyUnused: unused)
            Out.print("removed \(files) snapshot\(files == 1 ? "" : "s") (\(List.size(bytes)))")
        }
    }
}
