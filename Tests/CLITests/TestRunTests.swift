import Foundation
import Testing

/// How the tests themselves are run (issue 14, fix 10): every test is a Swift Testing
/// test, so CI and the README run `swift test --disable-xctest`; a plain `swift test`
/// also runs XCTest, which finds nothing and prints "Executed 0 tests" twice first.
@Suite struct TestRun {
    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: Paths.packageRoot + "/" + relative, encoding: .utf8)
    }

    @Test func ciAndTheReadmeRunSwiftTestingAlone() throws {
        let ci = try Self.read(".ci/run").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(ci.contains("swift test --disable-xctest"))
        #expect(!ci.contains { $0.hasPrefix("swift test") && !$0.contains("--disable-xctest") }, "every swift test in .ci/run leaves XCTest out")
        #expect(try Self.read("README.md").contains("swift test --disable-xctest"))
    }

    /// Leaving XCTest out loses nothing: no test file uses it.
    @Test func noTestUsesXCTest() throws {
        let tests = Paths.packageRoot + "/Tests"
        let files = FileManager.default.enumerator(atPath: tests)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOfFile: tests + "/" + file, encoding: .utf8)
            #expect(!text.contains("import " + "XCTest"), "\(file)")
        }
    }
}
