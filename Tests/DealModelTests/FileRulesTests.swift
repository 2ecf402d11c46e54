@testable import DealModel
import Foundation
import Testing

/// What the loader agrees to read (issue 15, items 1, 3, 4 and 15): regular files
/// only, of a bounded size, documents under their dataset's directory, and a file
/// that changes while it is read is said to have changed, never a crash.
@Suite struct FileRulesTests {
    /// A scratch directory: `data/` holds a valid dataset quoting `data/doc.txt`.
    struct Scratch {
        let root: String
        var data: String { root + "/data" }
        var dataset: String { data + "/set.json" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-rules-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
            try write("data/doc.txt", "Alpha signed with Beta. Beta paid Alpha.\n")
            try writeDataset(documentPath: "doc.txt")
        }

        func write(_ relative: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
        }

        func writeDataset(documentPath: String) throws {
            let path = String(data: try JSONEncoder().encode(documentPath), encoding: .utf8)!
            try write("data/set.json", #"""
                {"dealscope":1,"documents":[{"id":"doc","path":\#(path)}],
                 "partners":[{"id":"alpha","name":"Alpha","evidence":["Alpha signed"]},{"id":"beta","name":"Beta","evidence":[{"text":"Beta paid","document":"doc"}]}],
                 "deals":[{"id":"pay","title":"Payment","kind":"investment","status":"stated","parties":[{"partner":"beta"},{"partner":"alpha"}],"evidence":["Beta paid Alpha"]}]}
                """#)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// The only problem of a check, on both loaders.
    func onlyProblem(_ path: String, rules: FileRules = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> DataProblem {
        let (catalog, problems) = DatasetLoader.check(path: path, rules: rules, snapshots: false)
        let (_, careful) = DatasetLoader.check(path: path, rules: rules, fast: false)
        #expect(catalog == nil, sourceLocation: sourceLocation)
        #expect(problems.count == 1, "\(problems)", sourceLocation: sourceLocation)
        #expect(problems == careful, "the fast path gives the careful one's problems", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }

    @Test func theScratchDatasetLoads() throws {
        let s = try Scratch()
        defer { s.remove() }
        let (catalog, problems) = DatasetLoader.check(path: s.dataset, snapshots: false)
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog?.deals.count == 1)
    }

    // MARK: Not a regular file (item 3)

    /// A FIFO blocked `validate` forever: it is refused without waiting for a writer.
    @Test(.timeLimit(.minutes(5))) func aFIFOIsRefusedAtOnce() throws {
        let s = try Scratch()
        defer { s.remove() }
        #expect(mkfifo(s.data + "/pipe", 0o600) == 0)
        try s.writeDataset(documentPath: "pipe")
        let p = try onlyProblem(s.dataset)
        #expect(p.record == "document \"doc\"")
        #expect(p.message == "cannot read the document \(s.data)/pipe: it is a FIFO (named pipe), not a regular file")
        #expect(p.fix == "point \"path\" at a text file")
        #expect(p.location.line == 1)
        // As the dataset itself too.
        #expect(mkfifo(s.data + "/set-pipe.json", 0o600) == 0)
        let d = try onlyProblem(s.data + "/set-pipe.json")
        #expect(d.message == "cannot read the dataset: it is a FIFO (named pipe), not a regular file")
    }

    /// /dev/zero grew the explorer's memory until the OOM killer ended it.
    @Test(.timeLimit(.minutes(5))) func aDeviceIsRefused() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.writeDataset(documentPath: "/dev/zero")
        let p = try onlyProblem(s.dataset, rules: FileRules(documentsAnywhere: true))
        #expect(p.message == "cannot read the document /dev/zero: it is a character device, not a regular file")
        let d = try onlyProblem("/dev/zero")
        #expect(d.message == "cannot read the dataset: it is a character device, not a regular file")
        #expect(d.fix == "pass a dataset file (*.json) or a directory of them")
    }

    // MARK: Size (items 3 and 4)

    @Test func aDocumentOverTheLimitIsRefusedWithTheOptionToRaiseIt() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("data/doc.txt", "Alpha signed with Beta. Beta paid Alpha.\n" + String(repeating: "x", count: 3000) + "\n")
        let rules = FileRules(maximumSize: 2048)
        let p = try onlyProblem(s.dataset, rules: rules)
        #expect(p.message == "cannot read the document \(s.data)/doc.txt: it is 3 KiB, more than the 2 KiB dealscope reads")
        #expect(p.fix == "pass --max-file-size 1M to read it")
        // Raised, it loads.
        let (catalog, problems) = DatasetLoader.check(path: s.dataset, rules: FileRules(maximumSize: 4096), snapshots: false)
        #expect(problems.isEmpty && catalog != nil, "\(problems)")
    }

    @Test func aDatasetOverTheLimitIsRefused() throws {
        let s = try Scratch()
        defer { s.remove() }
        let p = try onlyProblem(s.dataset, rules: FileRules(maximumSize: 100))
        #expect(p.message.hasPrefix("cannot read the dataset: it is "))
        #expect(p.message.hasSuffix(" bytes, more than the 100 bytes dealscope reads"))
    }

    /// A 4.4 GB document crashed `validate` (32-bit places) after 35 s: it is refused
    /// before a byte is read, whatever limit is asked for.
    @Test(.timeLimit(.minutes(5))) func aFileOver4GiBIsRefusedAtOnce() throws {
        let s = try Scratch()
        defer { s.remove() }
        let fd = open(s.data + "/huge.txt", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 4_400_000_000) == 0, "a sparse file: no disk is used")
        close(fd)
        try s.writeDataset(documentPath: "huge.txt")
        for rules in [FileRules.standard, FileRules(maximumSize: Int.max)] {
            let p = try onlyProblem(s.dataset, rules: rules)
            #expect(p.message.hasSuffix("huge.txt: it is 4.1 GiB, more than the \(rules == .standard ? "1 GiB" : "4 GiB") dealscope reads"), "\(p.message)")
            #expect(p.fix == "dealscope reads files of at most 4 GiB (its places in a file are 32-bit numbers): split the file")
        }
        #expect(FileRules(maximumSize: Int.max).maximumSize == Int(UInt32.max))
    }

    @Test func sizesAsTheOptionTakesThem() {
        #expect(FileRules.parseSize("2G") == 2 << 30)
        #expect(FileRules.parseSize("2GiB") == 2 << 30)
        #expect(FileRules.parseSize("1.5g") == 3 << 29)
        #expect(FileRules.parseSize("800M") == 800 << 20)
        #expect(FileRules.parseSize("800MB") == 800 << 20)
        #expect(FileRules.parseSize("4096") == 4096)
        #expect(FileRules.parseSize("12K") == 12 << 10)
        for bad in ["", "G", "-1G", "lots", "1Q"] { #expect(FileRules.parseSize(bad) == nil, "\(bad)") }
        #expect(FileRules.describe(size: 4_400_000_000) == "4.1 GiB")
        #expect(FileRules.describe(size: 1 << 30) == "1 GiB")
        #expect(FileRules.describe(size: 999) == "999 bytes")
    }

    // MARK: Where documents may live (item 15)

    /// `"path": "../fakehome/.aws/credentials"` with a matching quote made `export`
    /// print the secret line.
    @Test func aDocumentOutsideTheDatasetsDirectoryIsRefused() throws {
        let s = try Scratch()
        defer { s.remove() }
        try FileManager.default.createDirectory(atPath: s.root + "/fakehome/.aws", withIntermediateDirectories: true)
        try s.write("fakehome/.aws/credentials", "Alpha signed with Beta. Beta paid Alpha.\n")
        try s.writeDataset(documentPath: "../fakehome/.aws/credentials")
        let real = try #require(FileAccess.realPath(s.root))
        let p = try onlyProblem(s.dataset)
        #expect(p.message == "cannot read the document \(s.data)/../fakehome/.aws/credentials: it lies outside the dataset's directory \(real)/data (it is \(real)/fakehome/.aws/credentials)")
        #expect(p.fix == "put the document under \(real)/data, or pass --allow-outside-documents to read documents anywhere")
        // Allowed, it loads.
        let (catalog, problems) = DatasetLoader.check(path: s.dataset, rules: FileRules(documentsAnywhere: true), snapshots: false)
        #expect(problems.isEmpty && catalog != nil, "\(problems)")
    }

    @Test func symbolicLinksAreJudgedByWhereTheyLead() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("outside.txt", "Alpha signed with Beta. Beta paid Alpha.\n")
        // A link inside the directory to a file outside it: refused.
        try FileManager.default.createSymbolicLink(atPath: s.data + "/link.txt", withDestinationPath: s.root + "/outside.txt")
        try s.writeDataset(documentPath: "link.txt")
        #expect(try onlyProblem(s.dataset).message.contains("lies outside the dataset's directory"))
        // A link to a file inside, an absolute path inside, and a dataset reached
        // through a linked directory: allowed.
        try FileManager.default.createSymbolicLink(atPath: s.data + "/inner.txt", withDestinationPath: s.data + "/doc.txt")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/linked", withDestinationPath: s.data)
        for (document, dataset) in [("inner.txt", s.dataset), (s.data + "/doc.txt", s.dataset), ("doc.txt", s.root + "/linked/set.json")] {
            try s.writeDataset(documentPath: document)
            let (catalog, problems) = DatasetLoader.check(path: dataset, snapshots: false)
            #expect(problems.isEmpty && catalog != nil, "\(document) from \(dataset): \(problems)")
        }
    }

    /// A snapshot made while documents were allowed anywhere does not serve a run
    /// that does not allow them.
    @Test func aSnapshotFollowsTheRulesToo() throws {
        let s = try Scratch()
        defer { s.remove() }
        try s.write("outside.txt", "Alpha signed with Beta. Beta paid Alpha.\n")
        try s.writeDataset(documentPath: "../outside.txt")
        let anywhere = FileRules(documentsAnywhere: true)
        let catalog = try #require(FastLoad.load(file: s.dataset, rules: anywhere))
        #expect(Snapshot.save(catalog, dataset: s.dataset, to: s.root + "/s.snapshot"))
        #expect(try Snapshot.attempt(dataset: s.dataset, from: s.root + "/s.snapshot", rules: anywhere).deals.count == 1)
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: s.dataset, from: s.root + "/s.snapshot") }
        #expect(throws: SnapshotUnusable.self) { try Snapshot.attempt(dataset: s.dataset, from: s.root + "/s.snapshot", rules: FileRules(maximumSize: 10, documentsAnywhere: true)) }
    }

    // MARK: A file that changes while it is read (item 1)

    /// Truncating a mapped dataset while it was decoded killed the process with
    /// SIGBUS: the pages past the new end read as zeros, the decoder stops at them,
    /// and the file is known to have changed.
    @Test func aMappedFileThatShrinksWhileItIsDecodedIsNotACrash() throws {
        let s = try Scratch()
        defer { s.remove() }
        // Large enough that the deals lie several pages past the documents.
        let filler = (0..<3000).map { #"{"id":"p\#($0)","name":"P","evidence":["Alpha signed"]}"# }.joined(separator: ",")
        try s.write("data/set.json", #"{"dealscope":1,"documents":[{"id":"doc","path":"doc.txt"}],"partners":[\#(filler)]}"#)
        let mapped = try #require(MappedFile(path: s.dataset))
        #expect(!mapped.changed)
        var decoder = FastDecoder(file: s.dataset, mapped: mapped)
        // Right after the documents are read, the file is cut to 100 bytes.
        decoder.documentsRead = { _ in _ = truncate(s.dataset, 100) }
        #expect(throws: FastPathExit.self) { try decoder.decode(mapped.bytes) }
        #expect(mapped.changed)
        #expect(mapped.bytes[mapped.bytes.count - 1] == 0, "past the new end, zeros")
    }

    @Test func aFileThatChangesWhileItIsReadIsSaidToHaveChanged() throws {
        let s = try Scratch()
        defer { s.remove() }
        #expect(FileAccess.Failure.changed.message == "the file changed while it was read")
        // A file that grows while it is read (a FIFO-like writer) is not taken as read.
        let opened = try FileAccess.open(s.dataset, rules: .standard).get()
        defer { close(opened.fd) }
        #expect(opened.unchanged())
        try s.write("data/set.json", "{}")
        #expect(!opened.unchanged())
    }
}
