import ArgumentParser
import DealModel
import TerminalText

/// `export --format json`: the records a filter shows (everything by default) as a
/// dataset in the documented format, which `validate` accepts and `--data` loads to
/// the same records; to standard output, or atomically to `--output FILE` (document
/// paths are written relative to where the dataset goes).
struct DatasetExport {
    let catalog: Catalog
    let selection: DatasetWriter.Selection

    func write(to output: String?) throws {
        guard let output else {
            DatasetWriter(catalog: catalog, selection: selection).write { Out.write(1, String(decoding: $0, as: UTF8.self)) }
            return
        }
        var writer = DatasetWriter(catalog: catalog, selection: selection, directory: FilePaths.directory(of: output))
        // Documents lie under their dataset's directory: one outside the export's is
        // copied beside it (after the dataset is written, so a failed write leaves
        // nothing behind), so that the export loads as it is.
        let copies = writer.copiesNeeded()
        for copy in copies { writer.documentPaths[copy.source] = copy.name }
        try Self.save(output, loadedFrom: catalog) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in
            try writer.write(failing: emit)
        }
        let directory = FilePaths.directory(of: output)
        for copy in copies where !copy.exists {
            try Self.save(directory + "/" + copy.name, loadedFrom: catalog) { (emit: ([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) in
                try emit(copy.bytes)
            }
            Out.error("dealscope: copied the document \(Sanitizer.line(copy.source)) beside the export as \(Sanitizer.line(copy.name))")
        }
    }

    /// Writes a file atomically, or exits 73 saying why it cannot; never one of the
    /// files `catalog` was loaded from (exit 64).
    static func save(_ path: String, loadedFrom catalog: Catalog,
                     _ produce: (([UInt8]) throws(AtomicFile.Failure) -> Void) throws(AtomicFile.Failure) -> Void) throws {
        try refuseLoadedFile(path, catalog)
        do {
            try AtomicFile.write(path, produce)
        } catch {
            Out.error("dealscope: " + error.description)
            throw ExitCode(Exit.cannotWrite)
        }
    }

    /// An export never replaces the data it was made from.
    private static func refuseLoadedFile(_ output: String, _ catalog: Catalog) throws {
        let target = FilePaths.resolved(output)
        guard !(catalog.files + catalog.documents.map(\.path)).contains(where: { FilePaths.resolved($0) == target }) else {
            Out.error("dealscope: --output \(Sanitizer.line(output)) is a file the data was loaded from; export writes a new file: choose another name")
            throw ExitCode(Exit.usage)
        }
    }
}
