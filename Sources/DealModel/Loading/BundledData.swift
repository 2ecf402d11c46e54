/// Where the data that ships with dealscope lives: `Assets/` of the source tree.
public enum BundledData {
    public static let datasetName = "openai-microsoft-alliance.dealscope.json"

    /// The bundled dataset file, found beside the executable (an install puts it in
    /// `share/dealscope`), above it (a build inside the source tree), or in the
    /// source tree this binary was built from.
    public static var datasetPath: String? {
        var candidates: [String] = []
        if let exe = FileAccess.executablePath() {
            var dir = FileAccess.directory(of: exe)
            candidates.append(FileAccess.join(dir, "../share/dealscope/" + datasetName))
            for _ in 0..<6 {
                candidates.append(FileAccess.join(dir, "Assets/" + datasetName))
                dir = FileAccess.directory(of: dir)
            }
        }
        let source = #filePath  // …/Sources/DealModel/Loading/BundledData.swift
        var root = source
        for _ in 0..<4 { root = FileAccess.directory(of: root) }
        candidates.append(FileAccess.join(root, "Assets/" + datasetName))
        return candidates.first(where: FileAccess.exists)
    }
}
