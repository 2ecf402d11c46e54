import DealModel

/// The state changes behind the commands.
extension AppState {
    mutating func setFocus(_ pane: Pane) {
        focus = pane
        if pane != .detail {
            detailSource = pane
            scroll[Pane.detail.rawValue] = 0
        }
    }

    /// Moves the focused pane's cursor (Detail: its scroll).
    mutating func move(by delta: Int) {
        let p = focus.rawValue
        if focus == .detail {
            scroll[p] = max(0, scroll[p] + delta)
            return
        }
        let n = rowCount(focus)
        guard n > 0 else { return }
        let target = delta > 0 && cursor[p] > Int.max - delta ? Int.max : cursor[p] + delta
        cursor[p] = min(max(0, target), n - 1)
        selectionMoved()
    }

    mutating func move(to row: Int) {
        let p = focus.rawValue
        if focus == .detail {
            scroll[p] = row == Int.max ? Int.max / 2 : row
            return
        }
        let n = rowCount(focus)
        guard n > 0 else { return }
        cursor[p] = min(max(0, row), n - 1)
        selectionMoved()
    }

    /// After the cursor of a list pane moves, Detail shows that pane's record from its top.
    mutating func selectionMoved() {
        if focus != .detail { detailSource = focus }
        scroll[Pane.detail.rawValue] = 0
    }

    /// Shows a record: focuses its pane and puts the cursor on it (a deal or event
    /// hidden by the filter is said to be so).
    mutating func select(_ record: RecordRef) {
        switch record {
        case .partner(let p):
            setFocus(.partners)
            cursor[Pane.partners.rawValue] = p
        case .deal(let d):
            guard let row = visibleDeals.firstIndex(of: d) else { message = "that deal is hidden by the filter (x clears it)"; return }
            setFocus(.deals)
            cursor[Pane.deals.rawValue] = row
        case .event(let e):
            guard let row = visibleEvents.firstIndex(of: e) else { message = "that event is hidden by the filter (x clears it)"; return }
            setFocus(.timeline)
            cursor[Pane.timeline.rawValue] = row
        }
        scroll[Pane.detail.rawValue] = 0
    }

    mutating func toggleFilter() {
        guard let p = selectedPartner else { return }
        let id = catalog.partners[p].id
        if let at = filter.firstIndex(of: id) { filter.remove(at: at) } else { filter.append(id) }
        applyFilter()
        detailSource = .partners
    }

    /// Enter on a deal: the timeline cursor goes to its first visible event.
    mutating func jumpToFirstEvent() {
        guard let d = selectedDeal else { return }
        guard let e = catalog.eventsOfDeal[d].first(where: visibleEvents.contains), let row = visibleEvents.firstIndex(of: e) else {
            message = "this deal has no event on the timeline"
            return
        }
        cursor[Pane.timeline.rawValue] = row
        focus = .timeline
        detailSource = .timeline
        scroll[Pane.detail.rawValue] = 0
    }

    /// Moves the timeline cursor to an event row and selects the event's deal.
    mutating func selectEvent(row: Int) {
        cursor[Pane.timeline.rawValue] = row
        let e = visibleEvents[row]
        if let d = catalog.dealsOfEvent[e].first(where: visibleDeals.contains), let dr = visibleDeals.firstIndex(of: d) {
            cursor[Pane.deals.rawValue] = dr
        }
        detailSource = .timeline
        scroll[Pane.detail.rawValue] = 0
    }

    mutating func stepEvent(forward: Bool) {
        guard !visibleEvents.isEmpty else { message = "no events"; return }
        let row = cursor[Pane.timeline.rawValue]
        // From another pane the first press shows the event under the timeline cursor.
        let next = detailSource != .timeline ? row : (forward ? row + 1 : row - 1)
        guard visibleEvents.indices.contains(next) else {
            message = forward ? "last event on the timeline" : "first event on the timeline"
            return
        }
        selectEvent(row: next)
    }

    /// The year an event belongs to for year jumps: that of its earliest possible day.
    func year(ofRow row: Int) -> Int? {
        catalog.earliestDay(ofEvent: visibleEvents[row]).map { $0 / 10000 }
    }

    mutating func stepYear(forward: Bool) {
        guard !visibleEvents.isEmpty else { message = "no events"; return }
        let row = cursor[Pane.timeline.rawValue]
        let here = year(ofRow: row)
        var target: Int?
        if forward {
            target = visibleEvents.indices.first { $0 > row && (year(ofRow: $0).map { y in here.map { y > $0 } ?? false } ?? false) }
        } else {
            let earlierYears = visibleEvents.indices.filter { $0 < row }.compactMap { year(ofRow: $0) }.filter { y in here.map { y < $0 } ?? true }
            if let y = earlierYears.max() {
                target = visibleEvents.indices.first { year(ofRow: $0) == y }
            }
        }
        guard let target else {
            message = forward ? "no later year on the timeline" : "no earlier year on the timeline"
            return
        }
        selectEvent(row: target)
    }

    /// `goto DATE`: the first event certainly on or after the date; failing that, the
    /// first that may be (an undated event bounded only from below), as `--from` counts.
    mutating func goto(_ date: PartialDate) {
        let from = date.earliestDay
        if let row = visibleEvents.indices.first(where: { (catalog.earliestDay(ofEvent: visibleEvents[$0]) ?? Int.min) >= from }) {
            selectEvent(row: row)
            message = "first event on or after \(date.display)"
        } else if let row = visibleEvents.indices.first(where: { e in
            let lo = catalog.earliestDay(ofEvent: visibleEvents[e]), hi = catalog.latestDay(ofEvent: visibleEvents[e])
            return (lo != nil || hi != nil) && (hi ?? Int.max) >= from
        }) {
            selectEvent(row: row)
            message = "no event is dated on or after \(date.display); this undated one may be"
        } else {
            message = "no event on or after \(date.display)"
        }
    }

    /// Scrolls every list so its cursor is visible, and clamps cursors to their lists.
    mutating func keepCursorsInView() {
        let layout = Layout(width: width, height: height)
        for pane in [Pane.partners, .deals, .timeline] {
            let p = pane.rawValue
            let n = rowCount(pane)
            cursor[p] = n == 0 ? 0 : min(max(0, cursor[p]), n - 1)
            let rows = layout.listRows(pane)
            if cursor[p] < scroll[p] { scroll[p] = cursor[p] }
            if cursor[p] >= scroll[p] + rows { scroll[p] = cursor[p] - rows + 1 }
            scroll[p] = max(0, min(scroll[p], max(0, n - rows)))
        }
        // Only a scrolled Detail can be past its end; measuring its lines on every
        // event would lay Detail out twice per keystroke.
        if scroll[Pane.detail.rawValue] > 0 {
            let detailLines = DetailView.lineCount(self, width: layout.tooSmall ? 1 : layout.rect(.detail).inner.width)
            scroll[Pane.detail.rawValue] = max(0, min(scroll[Pane.detail.rawValue], detailLines - layout.listRows(.detail)))
        }
    }
}
