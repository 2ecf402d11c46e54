import DealModel

/// The places left by following links in Detail, as vim's jump list: back (BS,
/// C-o, H) returns to the place before the last Enter, forward (L) goes again. A
/// place names its records by id, so an edit that moves rows keeps it; one whose
/// record is gone (or hidden by the filter now) is skipped.
struct JumpList: Sendable {
    static let limit = 100

    struct Place: Sendable {
        /// The selected record of each list pane (by `PaneID.lists`), by id.
        let records: [RecordKey?]
        let focus: PaneID, detailSource: PaneID, lists: PaneLists
        let picture: PaneID?, network: NetworkState
        /// Detail's cursor: which of its items was marked.
        let detailItem: Int
    }

    var back: [Place] = []
    var forward: [Place] = []

    /// Enter on a link left `place`: a new branch, so nothing lies ahead.
    mutating func leave(_ place: Place) {
        back.append(place)
        if back.count > Self.limit { back.removeFirst() }
        forward = []
    }
}

extension AppState {
    var place: JumpList.Place {
        JumpList.Place(records: PaneID.lists.map { selectedRecord($0).map(key) }, focus: focus, detailSource: detailSource,
                       lists: lists, picture: picture, network: network,
                       detailItem: detailCursor.flatMap { $0.0 == detailSubject ? $0.1 : nil } ?? 0)
    }

    /// Opens a linked record: its row selected in its pane, Detail showing it and
    /// focused (so Enter on its links walks on), the place left kept for back.
    mutating func follow(_ record: RecordRef) {
        let here = place
        select(record)
        // Hidden by the filter: `select` said so, and nothing moved.
        guard detailRecord == record else { return }
        jumps.leave(here)
        setFocus(.detail)
        if let back = keys(.normal).firstKey(.jumpBack) { message = "\(back) goes back" }
    }

    /// Back (or forward) to the nearest place that can still be shown.
    mutating func jump(back: Bool) {
        let here = place
        var skipped = 0
        while let next = back ? jumps.back.popLast() : jumps.forward.popLast() {
            guard restore(next) else { skipped += 1; continue }
            if back { jumps.forward.append(here) } else { jumps.back.append(here) }
            if skipped > 0 { message = "skipped \(skipped) place\(skipped == 1 ? "" : "s") whose record is gone or hidden by the filter" }
            return
        }
        message = back ? "no place to go back to: Enter on a link in Detail leaves one" : "no place to go forward to"
    }

    /// Puts the panes back as they were at `p`; false when Detail's record there
    /// no longer exists or the filter hides it.
    mutating func restore(_ p: JumpList.Place) -> Bool {
        var rows: [PaneID: Int] = [:]
        for (pane, key) in zip(PaneID.lists, p.records) {
            if let key, let r = ref(key), let row = pane.list?.rowOf(self, r) { rows[pane] = row }
        }
        if p.detailSource.isList {
            guard rows[p.detailSource] != nil else { return false }
        } else if let centre = p.network.centre, centre >= catalog.partners.count {
            return false
        }
        lists = p.lists
        for (pane, row) in rows { lists[pane].cursor = row }
        picture = p.picture
        network = p.network
        focus = p.focus
        detailSource = p.detailSource
        detailCursor = detailSubject.map { ($0, p.detailItem) }
        return true
    }
}
