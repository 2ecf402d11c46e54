import DealModel
import TerminalText

/// Linking and merging take two records: the one selected when `L` or `M` is
/// pressed, then a second one picked by moving through the panes as usual (`PickMode`)
/// and pressing Enter. The status line says what Enter will do with the record under
/// the cursor before it is pressed.
struct Pick: Equatable, Sendable {
    enum Action: Equatable, Sendable {
        /// Link the two (unlink when they are linked already).
        case link
        /// The first record merged into the one picked, which stays.
        case merge
    }

    let action: Action
    let source: RecordKey
}

extension AppState {
    /// `L` and `M`: the selected record becomes the first of the two.
    mutating func startPick(_ action: Pick.Action) {
        guard let target = reviewTarget else { message = "no record selected"; return }
        guard session() != nil else { return }
        pick = Pick(action: action, source: key(target))
        // Detail then shows the record under the cursor, the one Enter would take.
        if focus == .detail { setFocus(detailSource) }
    }

    /// Enter while picking: the link or unlink made, or the merge asked about.
    mutating func finishPick() {
        guard let pick, let s = session() else { self.pick = nil; return }
        guard let target = reviewTarget.map(key) else { message = "no record selected: move to one, or Esc"; return }
        guard target != pick.source else { message = "that is the same record: move to another, or Esc"; return }
        switch pick.action {
        case .link:
            let source = pick.source
            let linked = s.areLinked(source, target)
            if edit({ s throws(EditRefusal) in linked ? try s.unlink(source, target) : try s.link(source, target) }) { self.pick = nil }
        case .merge:
            guard target.list == pick.source.list else {
                message = "a \(pick.source.list.noun) merges into another \(pick.source.list.noun): move to one, or Esc"
                return
            }
            self.pick = nil
            question = .merge(gone: pick.source, into: target, summary: s.mergeSummary(pick.source, into: target))
        }
    }

    /// What Enter will do, for the status line while picking.
    func pickPrompt(_ pick: Pick) -> String {
        let source = recordLabel(pick.source)
        let target = reviewTarget.map(key)
        switch pick.action {
        case .link:
            guard let target, target != pick.source else {
                return "Link \(source) with: move to \(Self.linkable(pick.source.list)) · Enter · Esc cancels"
            }
            guard Self.canLink(pick.source.list, target.list) else {
                return "A \(pick.source.list.noun) links to \(Self.linkable(pick.source.list)), not to a \(target.list.noun): move to one · Esc cancels"
            }
            let linked = editing?.areLinked(pick.source, target) ?? false
            if linked, let through = throughDeal(pick.source, target) {
                return "Tied through \(through): unlink the partner from that deal"
            }
            return "\(linked ? "Unlink" : "Link") \(source) \(linked ? "from" : "and") \(recordLabel(target))? Enter \(linked ? "unlinks" : "links") · Esc cancels"
        case .merge:
            let noun = pick.source.list.noun
            guard let target, target != pick.source, target.list == pick.source.list else {
                return "Merge \(source) into: move to the \(noun) that stays · Enter · Esc cancels"
            }
            // Two records of one name (a twin to merge away) are told apart by id.
            let kept = recordLabel(target)
            return kept == source ? "Merge \(pick.source.list.noun) “\(pick.source.id)” into “\(target.id)” (one name)? Enter asks · Esc cancels"
                : "Merge \(source) into \(kept)? Enter asks · Esc cancels"
        }
    }

    /// `deal “GPT licence”`: the noun and the name a person reads, cut to fit a line.
    func recordLabel(_ k: RecordKey) -> String {
        let name = ref(k).map { DocumentView.title($0, catalog) } ?? k.id
        return "\(k.list.noun) “\(DisplayWidth.truncate(Sanitizer.line(name), to: 24))”"
    }

    /// The pairs a link ties (either way round).
    static func canLink(_ a: RecordList, _ b: RecordList) -> Bool {
        Set([a, b]) == [.deals, .events] || Set([a, b]) == [.partners, .deals] || Set([a, b]) == [.partners, .events]
    }

    /// A partner in an event only as a party of one of its deals: the deal that ties
    /// them (unlinking them means unlinking the partner from that deal).
    func throughDeal(_ a: RecordKey, _ b: RecordKey) -> String? {
        guard Set([a.list, b.list]) == [.partners, .events] else { return nil }
        let (p, e) = a.list == .partners ? (a.id, b.id) : (b.id, a.id)
        guard let event = catalog.event(id: e), !event.partners.contains(p) else { return nil }
        return event.deals.first { catalog.deal(id: $0)?.parties.contains { $0.partner == p } == true }.map { recordLabel(RecordKey(.deals, $0)) }
    }

    static func linkable(_ list: RecordList) -> String {
        switch list {
        case .partners: "a deal or an event"
        case .deals: "an event or a partner"
        case .events: "a deal or a partner"
        }
    }

    /// `X`: the quote marked in Detail goes to a new deal, a draft to review.
    mutating func splitDeal() {
        guard focus == .detail, case .deal(let d)? = detailRecord, let evidence = DetailPane.currentEvidence(self) else {
            message = "X splits a deal: focus Detail on the deal (4), mark the quote that belongs to the other deal with J/K"
            return
        }
        let deal = key(.deal(d))
        let newID = NewRecord.id(.deals, words: deal.id, self)
        let done = edit { s throws(EditRefusal) in
            try s.split(deal, evidence: [Evidence(document: s.document(like: evidence.document), utf8Range: evidence.utf8Range)], newID: newID)
        }
        if done, let new = ref(RecordKey(.deals, newID)) {
            select(new)
            message = "split: the quote went to the new deal “\(newID)”, a draft (e edits it, u undoes)"
        }
    }
}
