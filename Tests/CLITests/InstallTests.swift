import Foundation
import Testing

/// `Scripts/install.sh` puts a working dealscope on the PATH: the README's examples
/// work as typed from any directory, with the bundled data found beside the binary.
@Suite("Install")
struct InstallTests {
    @Test func theInstalledBinaryRunsFromAnywhereOnItsOwnData() throws {
        let exe = try #require(Paths.executable)
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("dealscope-install-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = try run("/bin/bash", [Paths.packageRoot + "/Scripts/install.sh", "--prefix", prefix, "--binary", exe, "--no-man"])
        #expect(install.status == 0, "\(install)")
        #expect(install.stdout.contains("installed dealscope in \(prefix)/bin"))
        for file in ["bin/dealscope", "share/dealscope/openai-microsoft-alliance.dealscope.json", "share/dealscope/openai-microsoft-alliance.txt",
                     "share/bash-completion/completions/dealscope", "share/zsh/site-functions/_dealscope", "share/fish/vendor_completions.d/dealscope.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        #expect(try String(contentsOfFile: prefix + "/share/bash-completion/completions/dealscope", encoding: .utf8).contains("partners"))

        // The installed data is the one read: mark it, and run from / with a bare PATH.
        let data = prefix + "/share/dealscope/openai-microsoft-alliance.dealscope.json"
        let marked = try String(contentsOfFile: data, encoding: .utf8).replacingOccurrences(of: "\"name\": \"Amazon\"", with: "\"name\": \"Amazon (installed copy)\"")
        try marked.write(toFile: data, atomically: true, encoding: .utf8)
        let partners = try run("/usr/bin/env", ["-i", "PATH=\(prefix)/bin:/usr/bin:/bin", "HOME=\(prefix)", "sh", "-c", "cd / && dealscope partners"])
        #expect(partners.status == 0, "\(partners)")
        #expect(partners.stdout.contains("Amazon (installed copy)"), "\(partners)")

        let uninstall = try run("/bin/bash", [Paths.packageRoot + "/Scripts/install.sh", "--prefix", prefix, "--uninstall"])
        #expect(uninstall.status == 0)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/dealscope") && !FileManager.default.fileExists(atPath: prefix + "/share/dealscope"))
    }
}
