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

extension DatasetWriter {
    /// The copies the written dataset needs, each under a free name: the document's
    /// own, or with `-2`, `-3`… before its extension when a file of that name with
    /// other content is there (one with the same content is used as it is).
    public func copiesNeeded() -> [DocumentCopy] {
        let dir = FilePaths.resolved(directory)
        let prefix = dir == "/" ? "/" : dir + "/"
        var copies: [DocumentCopy] = []
        var taken = Set<String>()
        for d in documents where !FilePaths.resolved(d.path).hasPrefix(prefix) {
            guard case .success(let bytes) = FileAccess.read(d.path) else { continue }
            let base = String(d.path.split(separator: "/").last ?? "document.txt")
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
            copies.append(DocumentCopy(source: d.path, name: name, bytes: bytes, exists: exists))
        }
        return copies
    }
}
