@testable import DealModel
import Testing

/// The snapshot's version follows what it stores: the layout is derived from the
/// field declarations, and its fingerprint is pinned here to the version.
@Suite("Snapshot layout")
struct SnapshotLayoutTests {
    /// Each version's layout fingerprint. A change to a declaration (a field added,
    /// removed, reordered or of another kind) changes the fingerprint: raise
    /// `SnapshotCodec.version` and add the new fingerprint here; never edit a line.
    static let layouts: [Int: String] = [
        2: "fd1098783976ee90",
        3: "7536d4b26ef89847",
    ]

    @Test func theVersionFollowsTheStoredFields() {
        #expect(Self.layouts[SnapshotCodec.version] == SnapshotCodec.fingerprint,
                "the stored layout changed (fingerprint \(SnapshotCodec.fingerprint)): raise SnapshotCodec.version and add it to SnapshotLayoutTests.layouts")
        #expect(Set(Self.layouts.values).count == Self.layouts.count, "two versions with one layout")
        #expect(Snapshot.formatVersion == SnapshotCodec.version)
    }

    /// The layout names every field of every declaration, in order.
    @Test func theLayoutIsDerivedFromTheDeclarations() {
        func check<F: FieldList>(_: F.Type) {
            let line = SnapshotCodec.layout.first { $0.hasPrefix("\(F.self):") }
            let keys = line.map { $0.dropFirst("\(F.self): ".count).split(separator: "; ").map { String($0.split(separator: "=")[0]) } }
            #expect(keys == F.allCases.map(\.key), "\(F.self)")
        }
        check(DocumentField.self)
        check(PartnerField.self)
        check(ProductField.self)
        check(DealField.self)
        check(EventField.self)
    }
}

/// What the generic code takes for granted of the declarations.
@Suite("Field declarations")
struct FieldDeclarationTests {
    static func check<F: FieldList>(_: F.Type, id: Bool = true) {
        // A plain field is of a kind the generic code reads, stores and writes.
        for f in F.allCases where f.isPlain { #expect(f.kind.isPlain, "\(F.self).\(f)") }
        // The id comes first, and is the only one.
        #expect(F.allCases.filter { $0.kind == .id }.count == (id ? 1 : 0), "\(F.self)")
        if id { #expect(F.allCases.first?.kind == .id, "\(F.self)") }
    }

    @Test func plainFieldsAreOfPlainKindsAndIdsComeFirst() {
        Self.check(DocumentField.self)
        Self.check(PartnerField.self)
        Self.check(ProductField.self, id: false)
        Self.check(DealField.self)
        Self.check(EventField.self)
    }
}
