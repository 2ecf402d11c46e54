/// A document that would lie outside the directory a dataset is written to: loaders
/// read documents only under their dataset's directory (README, *What is read*), so
/// an export elsewhere takes a copy of it beside the dataset.
public struct DocumentCopy {
    /// The document's own path.
    public let source: String
    /// The copy's name in the dataset's directory.
    public let name: String
    public let bytes: [UInt8]
    /// A file of that name with the same content is already there.
    public let exists: Bool
}

extension DocumentCopy {
    /// Whether `path` lies under `directory` (both resolved).
    static func lies(_ path: String, under directory: String) -> Bool {
        let dir = FilePaths.resolved(directory)
        return FilePaths.resolved(path).hasPrefix(dir == "/" ? "/" : dir + "/")
    }

    /// A copy of `source` for `directory` under a free name: the document's own, or
    /// with `-2`, `-3`… before its extension when a file of that name with other
    /// content is there or the name is `taken` (a file with the same content is used
    /// as it is). Nil when the document cannot be read.
    static func make(of source: String, into directory: String, taken: inout Set<String>) -> DocumentCopy? {
        guard case .success(let bytes) = FileAccess.read(source) else { return nil }
        let dir = FilePaths.resolved(directory)
        let prefix = dir == "/" ? "/" : dir + "/"
        let base = String(source.split(separator: "/").last ?? "document.txt")
        let dot = base.lastIndex(of: ".").flatMap { $0 == base.startIndex ? nil : $0 }
        var name = base, n = 1, exists = false
        while true {
            if !taken.contains(name) {
                guard case .success(let there) = FileAccess.read(prefix + name) else { break }
                if there == bytes { exists = true; break }
            }
            n += 1
            name = dot.map { String(base[..<$0]) + "-\(n)" + String(base[$0...]) } ?? base + "-\(n)"
        }
        taken.insert(name)
        return DocumentCopy(source: source, name: name, bytes: bytes, exists: exists)
    }
}

extension DatasetWriter {
    /// The copies the written dataset needs: each document outside `directory`.
    public func copiesNeeded() -> [DocumentCopy] {
        var taken = Set<String>()
        return documents.filter { !DocumentCopy.lies($0.path, under: directory) }
            .compactMap { DocumentCopy.make(of: $0.path, into: directory, taken: &taken) }
    }
}
