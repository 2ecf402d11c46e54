/// The catalog's deals, stored by column: a million deals are a few dozen arrays, not a
/// million structs of strings and arrays. Reading `deals[i]` assembles one `Deal`.
public struct DealTable: RandomAccessCollection, Sendable {
    var ids = StringColumn()
    var titles = StringColumn()
    var kinds: [UInt8] = []
    var statuses: [UInt8] = []
    /// Parties: catalog partner positions, each with a role (0: none; else roles[r - 1]).
    var parties = IndexLists()
    var partyRoles: [UInt16] = []
    var roles: [String] = []
    var dates: [UInt32] = []
    /// Position in `amounts`, or -1.
    var valueIndex: [Int32] = []
    var amounts: [Amount] = []
    /// Amends, products, note, draft mark: few deals have them.
    var rare = RareColumns<DealField>()
    var anchors = AnchorLists()
    var origins = OriginColumn()
    /// Shared with the catalog, to give records their partner ids and documents.
    var partnerIDs: [String] = []
    var documents: [SourceDocument] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { kinds.count }

    static let kindList = DealKind.allCases
    static let statusList = DealStatus.allCases

    public subscript(i: Int) -> Deal { deal(i, partyLimit: Int.max) }

    /// The deal with at most `partyLimit` of its parties (`partyCount` says how many it
    /// has): what a screen shows of a deal with two million parties.
    public func deal(_ i: Int, partyLimit: Int) -> Deal {
        let all = Int(parties.starts[i])..<Int(parties.starts[i + 1])
        let partyRange = all.lowerBound..<(all.lowerBound + Swift.min(all.count, Swift.max(0, partyLimit)))
        let ps = partyRange.map { k in
            let p = Int(parties.items[k])
            let r = Int(partyRoles[k])
            return Party(partner: p >= 0 && p < partnerIDs.count ? partnerIDs[p] : "", role: r == 0 ? nil : roles[r - 1])
        }
        let v = Int(valueIndex[i])
        return Deal(id: ids[i], title: titles[i], kind: Self.kindList[Int(kinds[i])], status: Self.statusList[Int(statuses[i])],
                    parties: ps, date: PackedDate.unpack(dates[i]), value: v >= 0 ? amounts[v] : nil,
                    evidence: anchors.evidence(i, documents: documents), plain: rare.fields(i), origins: origins.all(i))
    }

    public func partyCount(_ i: Int) -> Int { Int(parties.starts[i + 1] - parties.starts[i]) }

    /// Positions (in the catalog's partners) and roles of a deal's parties, without
    /// assembling the record.
    func partyPositions(_ i: Int) -> Range<Int> { Int(parties.starts[i])..<Int(parties.starts[i + 1]) }

    /// Cheap single fields, without assembling the record.
    public func id(_ i: Int) -> String { ids[i] }
    public func title(_ i: Int) -> String { titles[i] }
    public func kind(_ i: Int) -> DealKind { Self.kindList[Int(kinds[i])] }
    public func date(_ i: Int) -> PartialDate? { PackedDate.unpack(dates[i]) }
    /// Where the record was first defined.
    public func origin(_ i: Int) -> SourceLocation { origins[i] }

    /// Adds a deal; parties are given as catalog partner positions.
    mutating func append(_ d: Deal, partnerPosition: (String) -> Int?, documents: [ObjectIdentifier: Int]) {
        let i = kinds.count
        ids.append(d.id)
        titles.append(d.title)
        kinds.append(UInt8(Self.kindList.firstIndex(of: d.kind)!))
        statuses.append(UInt8(Self.statusList.firstIndex(of: d.status)!))
        var list: [Int32] = []
        for p in d.parties {
            list.append(Int32(partnerPosition(p.partner) ?? -1))
            partyRoles.append(role(p.role))
        }
        parties.append(int32: list)
        dates.append(PackedDate.pack(d.date))
        if let v = d.value { valueIndex.append(Int32(amounts.count)); amounts.append(v) } else { valueIndex.append(-1) }
        rare.set(i, d.plain)
        anchors.append(d.evidence, documents: documents)
        origins.append(d.origins)
    }

    /// Different roles a dataset may have: roles are a party's part in a deal, a few
    /// words shared by many deals; more is refused when the data is checked (and the
    /// search for a role's number stays short).
    static let maxRoles = 4096

    /// A role's number (0: none, or one past `maxRoles`, which the check reports).
    mutating func role(_ r: String?) -> UInt16 { Self.intern(r, into: &roles) ?? 0 }

    /// A role's number in `roles` (0: none), the role added when new; nil for one
    /// past `maxRoles`. Both loaders number roles so.
    static func intern(_ role: String?, into roles: inout [String]) -> UInt16? {
        guard let role else { return 0 }
        if let k = roles.firstIndex(of: role) { return UInt16(k + 1) }
        guard roles.count < maxRoles else { return nil }
        roles.append(role)
        return UInt16(roles.count)
    }

}
