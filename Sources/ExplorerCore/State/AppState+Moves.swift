import DealModel

/// The state changes behind the commands.
extension AppState {
    mutating func setFocus(_ pane: PaneID) {
        if pane.isPicture { return openPicture(pane) }
        focus = pane
        if pane.isList {
            detailSource = pane
            lists[.detail].scroll = 0
        }
    }

    /// Opens a picture in the place of the top row's panes (or focuses it), the
    /// network about the partner of the selection.
    mutating func openPicture(_ pane: PaneID) {
        if picture != pane {
            if picture == nil && focus.isList { pictureReturn = focus }
            picture = pane
            if pane == .network, let p = partnerOfSelection, p != network.centre { centreNetwork(on: p) }
        }
        focus = pane
        if pane == .network { NetworkMode.selectItem(&self) } else { detailSource = .timeline }
        lists[.detail].scroll = 0
    }

    /// `w`, `t`: opens the picture, or closes it when it is open.
    mutating func togglePicture(_ pane: PaneID) {
        guard picture == pane else { return openPicture(pane) }
        picture = nil
        setFocus(pictureReturn)
    }

    /// After any event: a list pane the picture hides that gets the focus (a search
    /// match, Enter in the document view) closes the picture; Detail never shows
    /// the network's item once it is closed.
    mutating func settlePicture() {
        let layout = Layout(self)
        guard !layout.tooSmall else { return }
        if !layout.panes.contains(focus) { picture = nil }
        if picture != .network && detailSource == .network {
            detailSource = .partners
        }
    }

    /// Moves the focused pane's cursor (a text pane: its scroll).
    mutating func move(by delta: Int) {
        guard focus.isList else {
            lists[focus].scroll = max(0, lists[focus].scroll + delta)
            return
        }
        let n = rowCount(focus)
        guard n > 0 else { return }
        let cursor = lists[focus].cursor
        let target = delta > 0 && cursor > Int.max - delta ? Int.max : cursor + delta
        lists[focus].cursor = min(max(0, target), n - 1)
        selectionMoved()
    }

    mutating func move(to row: Int) {
        guard focus.isList else {
            lists[focus].scroll = row == Int.max ? Int.max / 2 : row
            return
        }
        let n = rowCount(focus)
        guard n > 0 else { return }
        lists[focus].cursor = min(max(0, row), n - 1)
        selectionMoved()
    }

    /// After the cursor of a list pane moves, Detail shows that pane's record from its top.
    mutating func selectionMoved() {
        if focus.isList { detailSource = focus }
        lists[.detail].scroll = 0
    }

    /// Shows a record: focuses its pane and puts the cursor on it (a deal or event
    /// hidden by the filter is said to be so).
    mutating func select(_ record: RecordRef) {
        for pane in PaneID.lists {
            guard let row = pane.list?.rowOf(self, record) else { continue }
            setFocus(pane)
            lists[pane].cursor = row
            lists[.detail].scroll = 0
            return
        }
        let kind = switch record {
        case .partner: "partner"
        case .deal: "deal"
        case .event: "event"
        }
        message = "that \(kind) is hidden by the filter (x clears it)"
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
        lists[.timeline].cursor = row
        focus = .timeline
        detailSource = .timeline
        lists[.detail].scroll = 0
    }

    /// Moves the timeline cursor to an event row and selects the event's deal.
    mutating func selectEvent(row: Int) {
        lists[.timeline].cursor = row
        let e = visibleEvents[row]
        if let d = catalog.dealsOfEvent[e].first(where: visibleDeals.contains), let dr = visibleDeals.firstIndex(of: d) {
            lists[.deals].cursor = dr
        }
        detailSource = .timeline
        lists[.detail].scroll = 0
    }

    mutating func stepEvent(forward: Bool) {
        guard !visibleEvents.isEmpty else { message = "no events"; return }
        let row = lists[.timeline].cursor
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
        let row = lists[.timeline].cursor
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

    /// Scrolls every list so its cursor is visible and clamps cursors to their lists;
    /// keeps text panes from scrolling past their ends, and pictures their cursors.
    mutating func keepCursorsInView() {
        let layout = Layout(self)
        if let picture, let content = picture.picture, !layout.tooSmall { content.keepInView(&self, layout.rect(picture).inner) }
        for pane in PaneID.allCases where !pane.isPicture {
            var list = lists[pane]
            let rows = layout.listRows(pane)
            if pane.isList {
                let n = rowCount(pane)
                list.cursor = n == 0 ? 0 : min(max(0, list.cursor), n - 1)
                // A pane a picture hides keeps its scroll for when it shows again.
                if layout.rect(pane).width == 0 && !layout.tooSmall { lists[pane] = list; continue }
                if list.cursor < list.scroll { list.scroll = list.cursor }
                if list.cursor >= list.scroll + rows { list.scroll = list.cursor - rows + 1 }
                list.scroll = max(0, min(list.scroll, max(0, n - rows)))
            } else if list.scroll > 0, case .text(let text) = pane.spec.content {
                // Only a scrolled text pane can be past its end; measuring its lines on
                // every event would lay it out twice per keystroke.
                let lines = text.lines(self, layout.tooSmall ? 1 : layout.rect(pane).inner.width).count
                list.scroll = max(0, min(list.scroll, lines - rows))
            }
            lists[pane] = list
        }
    }
}
