import Foundation
import Testing
@testable import DealModel

/// The JSON Schema (Assets/dealscope.schema.json) says what the declarations say:
/// the same fields for each record, the same words, the same dates.
@Suite("JSON Schema")
struct SchemaTests {
    nonisolated(unsafe) static let schema: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.assets + "/dealscope.schema.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func definition(_ name: String) -> [String: Any] { (schema["$defs"] as! [String: Any])[name] as! [String: Any] }
    static func properties(_ def: [String: Any]) -> Set<String> { Set((def["properties"] as? [String: Any] ?? [:]).keys) }
    static func keys<F: RawRepresentable<String> & CaseIterable>(_: F.Type) -> Set<String> { Set(F.allCases.map(\.rawValue)) }

    @Test func everyRecordHasTheFieldsOfItsDeclaration() {
        #expect(Self.properties(Self.schema) == Self.keys(DatasetField.self))
        #expect(Self.properties(Self.definition("document")) == Self.keys(DocumentField.self))
        #expect(Self.properties(Self.definition("partner")) == Self.keys(PartnerField.self))
        #expect(Self.properties(Self.definition("product")) == Self.keys(ProductField.self))
        #expect(Self.properties(Self.definition("deal")) == Self.keys(DealField.self))
        #expect(Self.properties(Self.definition("party")) == Self.keys(PartyField.self))
        #expect(Self.properties(Self.definition("amount")) == Self.keys(AmountField.self))
        #expect(Self.properties(Self.definition("event")) == Self.keys(EventField.self))
        #expect(Self.properties(Self.definition("draft")) == Self.keys(DraftField.self))
        #expect(Self.properties(Self.definition("order")) == Self.keys(EventOrder.Relation.self))
        let amount = Self.definition("amount")["properties"] as! [String: Any]
        #expect(Self.properties(amount["equivalent"] as! [String: Any]) == Self.keys(EquivalentField.self))
        let quote = (Self.definition("quote")["oneOf"] as! [[String: Any]])[1]
        #expect(Self.properties(quote) == Self.keys(QuoteField.self))
    }

    @Test func requiredFieldsAreTheDeclarationsRequiredOnes() {
        func required<F: FieldList>(_ name: String, _: F.Type) {
            #expect(Set(Self.definition(name)["required"] as? [String] ?? []) == Set(F.allCases.filter(\.isRequired).map(\.key)), "\(name)")
        }
        required("document", DocumentField.self)
        required("partner", PartnerField.self)
        required("product", ProductField.self)
        required("deal", DealField.self)
        required("event", EventField.self)
    }

    @Test func theWordsAreTheModelsWords() {
        #expect(Self.definition("kind")["enum"] as? [String] == DealKind.allCases.map(\.rawValue))
        #expect(Self.definition("status")["enum"] as? [String] == DealStatus.allCases.map(\.rawValue))
        let amount = Self.definition("amount")["properties"] as! [String: Any]
        #expect((amount["bound"] as? [String: Any])?["enum"] as? [String] == Amount.Bound.allCases.map(\.rawValue))
        #expect((amount["per"] as? [String: Any])?["enum"] as? [String] == Amount.Rate.allCases.map(\.rawValue))
    }

    /// The date pattern takes what the loader takes (but for the days of each month,
    /// which a pattern cannot know).
    @Test(arguments: ["2023", "~2023", "2024-H1", "2024-H2", "2024-Q1", "~2024-Q4", "2025-10", "2025-10-03",
                      "2024-H3", "2024-Q0", "2024-Q5", "2025-13", "2025-1", "25", "2025-10-3", "2025-H1-01", "~~2025", "2025-q3"])
    func theDatePatternAgreesWithTheLoader(_ text: String) throws {
        let pattern = try #require(Self.definition("dateString")["pattern"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        let loads = (try? PartialDate.parse(written: text).get()) != nil
        #expect(matches == loads, "\(text)")
    }
}
