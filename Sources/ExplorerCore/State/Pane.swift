/// The four panes, in focus order.
public enum Pane: Int, CaseIterable, Sendable {
    case partners, deals, timeline, detail

    public var title: String {
        switch self {
        case .partners: "Partners"
        case .deals: "Deals"
        case .timeline: "Timeline"
        case .detail: "Detail"
        }
    }
}
