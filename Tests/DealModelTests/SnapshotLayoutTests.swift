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
        2: "6b9a44ce2f5144c2",
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
