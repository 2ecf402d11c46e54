// TEMPORARY: removed when the linkmodel branch lands.
extension EditSession {
    public func link(_ a: RecordKey, _ b: RecordKey) throws(EditRefusal) -> Edit { throw EditRefusal("stub") }
    public func unlink(_ a: RecordKey, _ b: RecordKey) throws(EditRefusal) -> Edit { throw EditRefusal("stub") }
    public func areLinked(_ a: RecordKey, _ b: RecordKey) -> Bool { false }
    public func merge(_ gone: RecordKey, into kept: RecordKey) throws(EditRefusal) -> Edit { throw EditRefusal("stub") }
    public func mergeSummary(_ gone: RecordKey, into kept: RecordKey) -> String { "stub" }
    public func split(_ deal: RecordKey, evidence: [Evidence], newID: String) throws(EditRefusal) -> Edit { throw EditRefusal("stub") }
}
