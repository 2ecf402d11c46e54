@testable import DealDrafting
import DealModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The lexicon is data: its files are read at run time, a user's directory adds to them,
/// a dataset's partners can be added, and a mistake in a file is reported with its place
/// and the fix.
@Suite("Drafting: lexicon")
struct LexiconTests {
    /// A directory holding the given files.
    static func directory(_ files: [String: String]) -> String {
        var template = Array("/tmp/dealscope-lexicon-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        for (name, text) in files {
            let f = fopen(dir + "/" + name, "w")!
            fputs(text, f)
            fclose(f)
        }
        return dir
    }

    @Test func theBundledLexiconIsFoundAndReadsAllItsFiles() throws {
        let standard = try Lexicon.standard()
        #expect(standard.files.prefix(Lexicon.fileNames.count).map { String($0.split(separator: "/").last!) } == Lexicon.fileNames)
        #expect(standard.patterns.count > 50)
    }

    @Test func aUsersFilesAddCompaniesProductsAndPhrases() throws {
        let user = Self.directory([
            "organisations.txt": "Zyxel Quantum | ZQ\n",
            "products.txt": "Qubitron -> Zyxel Quantum\n",
            "deals.txt": "[investment]\nbankrolled: {A:investor} bankrolled {B:investee} => completed\n",
        ])
        let text = "ZQ bankrolled Fabrikam Inc. Qubitron is its chip."
        let without = Drafter(lexicon: lexicon).draft(article: Article(text: text))
        #expect(without.deals.isEmpty)
        let with = Drafter(lexicon: try Lexicon.load(directories: [Paths.lexicon, user])).draft(article: Article(text: text))
        #expect(with.deals.first?.draft.rule == "investment.bankrolled")
        #expect(with.partner("Zyxel Quantum")?.aliases == ["ZQ"])
        #expect(with.partner("Zyxel Quantum")?.products.map(\.name) == ["Qubitron"])
    }

    @Test func aDatasetsPartnersKeepTheirIdsAndNames() throws {
        let catalog = try DatasetLoader.load(path: Paths.assets + "/openai-microsoft-alliance.dealscope.json")
        let known = Drafter(lexicon: lexicon.adding(catalog: catalog).adding(partners: [.init(id: "ctso", name: "Contoso", aliases: ["Contoso Group"], products: ["Nimbus"])]))
        let d = known.draft(article: Article(text: "Contoso Group invested in OpenAI. Nimbus runs on Azure."))
        #expect(d.partner("Contoso")?.id == "ctso")
        #expect(d.partner("Contoso")?.aliases == ["Contoso Group"])
        #expect(d.partner("OpenAI")?.id == "openai")
    }

    @Test(arguments: [
        ("deals.txt", "[investment]\nbad {A:investor} invested\n", 2, "a rule needs a name, a colon and its pattern"),
        ("deals.txt", "[investing]\nx: {A:investor} invested in {B:investee}\n", 2, "unknown deal kind [investing]"),
        ("deals.txt", "[investment]\nx: {D:investor} invested\n", 2, "a slot is written {A:role}"),
        ("deals.txt", "[investment]\nx: {A:investor} invested => maybe\n", 2, "unknown status \"maybe\""),
        ("deals.txt", "[investment]\nx: {A:investor} ...\n", 2, "the pattern has no required word"),
        ("status.txt", "\n[sort-of]\nkind of\n", 3, "unknown status [sort-of]"),
        ("amounts.txt", "[currencies]\ndollar: $\n", 2, "expected an ISO 4217 code"),
        ("dates.txt", "[relative]\nlast decade: decade -1\n", 2, "expected a unit (year, month or day)"),
        ("products.txt", "Qubitron\n", 1, "a product needs its owner"),
        ("names.txt", "[not-names\n", 1, "a section header must be written [name]"),
        ("places.txt", "Paris\n", 1, "a line before any [section]"),
        ("order.txt", "[sometimes]\nnow\n", 2, "unknown section [sometimes] in order.txt"),
    ])
    func mistakesNameTheFileTheLineAndTheFix(file: String, text: String, line: Int, message: String) {
        let user = Self.directory([file: text])
        do {
            _ = try Lexicon.load(directories: [Paths.lexicon, user])
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.file == user + "/" + file)
            #expect(error.line == line)
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(!error.fix.isEmpty)
            #expect(error.description.hasPrefix("\(user)/\(file):\(line): "))
        }
    }

    @Test func aMissingBundledFileIsNamedWithTheFix() {
        let partial = Self.directory(["names.txt": "[not-names]\nThe\n"])
        do {
            _ = try Lexicon.load(directories: [partial])
            Issue.record("no error")
        } catch {
            #expect(error.file == partial + "/organisations.txt")
            #expect(error.message == "cannot read the lexicon file: no such file")
            #expect(error.fix.contains("restore organisations.txt"))
        }
    }

    @Test func inflectionsOfAPatternWord() {
        #expect(Set(Inflection.forms(of: "invest")).isSuperset(of: ["invest", "invests", "invested", "investing"]))
        #expect(Set(Inflection.forms(of: "acquire")).isSuperset(of: ["acquires", "acquired", "acquiring"]))
        #expect(Set(Inflection.forms(of: "commit")).isSuperset(of: ["committed", "committing"]))
        #expect(Set(Inflection.forms(of: "supply")).isSuperset(of: ["supplies", "supplied"]))
    }
}
