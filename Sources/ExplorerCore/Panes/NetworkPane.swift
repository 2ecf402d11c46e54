import DealModel

/// The network of partners: the partner at its centre, its counterparties and the
/// deals between them (`Pictures/`). It takes the place of the top row's panes.
enum NetworkPane {
    static let spec = PaneSpec(title: "Network", info: info, content: .picture(PictureContent(
        draw: { s, rect, focused, grid in NetworkView.draw(s, in: rect, focused: focused, into: &grid) },
        click: { s, row, _ in
            guard let m = NetworkModel.of(s), !m.rows.isEmpty else { return }
            s.network.row = min(m.rows.count - 1, s.network.scroll + row)
            s.network.stop = m.landing(s.network.row, from: .node1)
            NetworkMode.selectItem(&s)
        },
        keepInView: keepInView)))

    /// "OpenAI · 6 links · one step" in the frame.
    static func info(_ s: AppState) -> String {
        guard let m = NetworkModel.of(s) else { return "" }
        let links = m.groups.count
        return "\(s.catalog.partners[m.centre].name) · \(links) link\(links == 1 ? "" : "s") · "
            + (s.network.depth > 1 ? "two steps (- one)" : "one step (+ two)") + (m.cut ? " · first \(NetworkModel.rowLimit) rows" : "")
    }

    /// What Detail shows from the network: the partner or the deals under the cursor.
    static func subject(_ s: AppState) -> DetailSubject? {
        guard let m = NetworkModel.of(s) else { return nil }
        switch m.item(row: s.network.row, stop: s.network.stop, s.catalog) {
        case .partner(let p)?: return .record(.partner(p))
        case .deals(let deals, let title)?: return deals.count == 1 ? .record(.deal(deals[0])) : .deals(deals, title: title)
        case nil: return nil
        }
    }

    /// The cursor on a row that exists, at a stop the row has, and in view.
    static func keepInView(_ s: inout AppState, _ inner: Rect) {
        guard let m = NetworkModel.of(s) else { return }
        let n = m.rows.count
        s.network.row = n == 0 ? 0 : min(max(0, s.network.row), n - 1)
        if n == 0 {
            s.network.stop = .centre
        } else if s.network.stop != .centre && !m.stops(s.network.row).contains(s.network.stop) {
            s.network.stop = m.landing(s.network.row, from: s.network.stop)
        }
        let rows = max(1, inner.height)
        var scroll = s.network.scroll
        if n > 0 && s.network.stop != .centre {
            if s.network.row < scroll { scroll = s.network.row }
            if s.network.row >= scroll + rows { scroll = s.network.row - rows + 1 }
        }
        s.network.scroll = max(0, min(scroll, max(0, n - rows)))
    }
}
