/// An article drafted in memory (`dealscope ARTICLE.txt`) is edited like a dataset
/// file that does not exist yet: the file its first save writes, beside the article,
/// never over a file there.
extension Catalog {
    /// What the file name of a catalog drafted in memory ends with: it is no file.
    public static let unsavedSuffix = " (draft)"
    /// What the title of a catalog drafted in memory ends with.
    public static let unsavedTitle = " — not saved"

    /// The article a catalog was drafted from in memory, nil for one loaded from files.
    public var unsavedArticle: String? {
        guard files.count == 1, files[0].hasSuffix(Self.unsavedSuffix) else { return nil }
        return String(files[0].dropLast(Self.unsavedSuffix.count))
    }

    /// The dataset files edits go to: the files read, or the one an unsaved draft's
    /// first save writes.
    public var editableFiles: [String] { unsavedArticle.map { [EditSession.datasetPath(forArticle: $0)] } ?? files }
}

extension EditSession {
    /// Where a draft of `article` is saved: beside it, its name without the extension
    /// and `.dealscope.json` (as `dealscope draft --out DIR` names it), `-2`, `-3`…
    /// when that file exists.
    public static func datasetPath(forArticle article: String) -> String {
        let name = article.split(separator: "/").last.map(String.init) ?? article
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) }.flatMap { $0.isEmpty ? nil : $0 } ?? name
        let directory = FileAccess.directory(of: article)
        var path = FileAccess.join(directory, stem + ".dealscope.json"), n = 2
        while FileAccess.exists(path) {
            path = FileAccess.join(directory, "\(stem)-\(n).dealscope.json")
            n += 1
        }
        return path
    }

    /// A session over a catalog drafted in memory, as the dataset file it would be at
    /// `path` (its title without "— not saved"). Unsaved from the start: the first
    /// save writes the file, and refuses when one has appeared there since.
    public static func open(unsaved catalog: Catalog, as path: String, cache: String?) throws(EditRefusal) -> EditSession {
        let text = DatasetWriter(catalog: catalog, directory: FileAccess.directory(of: path)).text()
        var file = try EditableFile(path: path, bytes: Array(text.utf8))
        if let title = file.head["title"]?.string, title.hasSuffix(Catalog.unsavedTitle) {
            file.head["title"] = .string(String(title.dropLast(Catalog.unsavedTitle.count)))
            file = try EditableFile(path: path, bytes: file.text())
        }
        file.isNew = true
        return try EditSession(new: file, cache: cache)
    }
}
