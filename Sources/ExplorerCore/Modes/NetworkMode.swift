import DealModel

/// The network picture's keys: the cursor goes from row to row and along a row
/// (centre, edge, node, second edge, second node); the partner under it is
/// selected in every pane, an edge's deals show in Detail.
enum NetworkMode {
    static let keys = KeyTable(
        NormalMode.pictureFocus
          + KeyTable.scrolling(group: "Network", down: "next row", up: "previous row", top: "first row", bottom: "last row")
          + [
            KeyBinding([.char("h"), .left], .left, "toward the centre: edge, node, the centre", group: "Network"),
            KeyBinding([.char("l"), .right], .right, "away from the centre: edge, node, the rows under it", group: "Network"),
            KeyBinding([.enter], .activate, "filter by the partner (an edge: by both ends; a hub: by its parties)", group: "Network"),
            KeyBinding([.char("o")], .recentre, "centre the network on the partner under the cursor", group: "Network"),
            KeyBinding([.char("+"), .char("=")], .zoomIn, "one step further: the counterparties' counterparties", group: "Network"),
            KeyBinding([.char("-")], .zoomOut, "back to one step", group: "Network"),
            KeyBinding([.char("w"), .escape], .toggleNetwork, "close the network", group: "Network"),
            NormalMode.clearFilter,
            NormalMode.pictures[1],
          ] + NormalMode.copying + NormalMode.other,
        notes: ["◆ is a hub: deals of three or more parties (one round of funding from several investors), drawn once. "
                + "Edges say the kinds of their deals and how many (×2); Detail lists them."])

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let m = NetworkModel.of(state) else { return NormalMode.shared(command, &state) }
        let page = max(1, Layout(state).rect(.network).inner.height)
        let n = m.rows.count
        func go(row: Int) {
            guard n > 0 else { return }
            state.network.row = min(max(0, row), n - 1)
            state.network.stop = m.landing(state.network.row, from: state.network.stop)
            selectItem(&state)
        }
        switch command {
        case .moveDown: go(row: state.network.row + 1)
        case .moveUp: go(row: state.network.row - 1)
        case .pageDown: go(row: state.network.row + page)
        case .pageUp: go(row: state.network.row - page)
        case .halfPageDown: go(row: state.network.row + max(1, page / 2))
        case .halfPageUp: go(row: state.network.row - max(1, page / 2))
        case .top: go(row: 0)
        case .bottom: go(row: n - 1)
        case .left, .right:
            guard let (row, stop) = m.step(state.network.row, state.network.stop, outward: command == .right) else { return [] }
            state.network.row = row
            state.network.stop = stop
            selectItem(&state)
        case .activate: filter(by: m.partners(row: state.network.row, stop: state.network.stop), &state)
        case .recentre:
            guard case .partner(let p)? = m.item(row: state.network.row, stop: state.network.stop, state.catalog) else {
                state.message = "o centres the network on a partner: move to one"
                return []
            }
            state.centreNetwork(on: p)
        case .zoomIn, .zoomOut:
            state.network.depth = command == .zoomIn ? 2 : 1
            // Rows change: the cursor goes back to the first node.
            state.network.row = 0
            state.network.stop = .node1
            state.network.scroll = 0
            selectItem(&state)
        default: return NormalMode.shared(command, &state)
        }
        return []
    }

    /// The partner under the cursor is selected in the Partners pane, an edge's
    /// first deal in the Deals pane; Detail shows what the cursor is on.
    static func selectItem(_ state: inout AppState) {
        guard let m = NetworkModel.of(state) else { return }
        switch m.item(row: state.network.row, stop: state.network.stop, state.catalog) {
        case .partner(let p)?: state.lists[.partners].cursor = state.row(ofPartner: p)
        case .deals(let deals, _)?:
            if let row = deals.first.flatMap({ state.visibleDeals.firstIndex(of: $0) }) { state.lists[.deals].cursor = row }
        case nil: break
        }
        state.detailSource = .network
        state.lists[.detail].scroll = 0
    }

    /// Enter: one partner is toggled in the filter; several (an edge, a hub) are
    /// all put in it.
    static func filter(by partners: [Int], _ state: inout AppState) {
        let ids = partners.map { state.catalog.partners[$0].id }
        if ids.count == 1, let at = state.filter.firstIndex(of: ids[0]) {
            state.filter.remove(at: at)
        } else {
            state.filter += ids.filter { !state.filter.contains($0) }
        }
        state.applyFilter()
    }
}

extension AppState {
    /// The network about a partner, the cursor on its first node.
    mutating func centreNetwork(on p: Int) {
        network.centre = p
        network.row = 0
        network.stop = .node1
        network.scroll = 0
        NetworkMode.selectItem(&self)
    }

    /// The partner the selection points at: the partner itself, a deal's or an
    /// event's first partner, or the Partners pane's cursor.
    var partnerOfSelection: Int? {
        switch detailRecord {
        case .partner(let p)?: return p
        case .deal(let d)?: return catalog.partnersOfDeal[d].first
        case .event(let e)?: return catalog.partnersOfEvent[e].first
        case nil: return selectedPartner
        }
    }
}
