/// The panes, in focus order (Tab, and the number keys 1, 2, …), and the registry
/// of what each one is. Adding a pane: a file with its `PaneSpec`, a case and its
/// line here, and its place in `Layout`. The pictures (network, chart) take the
/// place of the list panes above Detail while one is open.
public enum PaneID: Int, CaseIterable, Sendable {
    case partners, deals, timeline, detail, network, chart

    var spec: PaneSpec {
        switch self {
        case .partners: PartnersPane.spec
        case .deals: DealsPane.spec
        case .timeline: TimelinePane.spec
        case .detail: DetailPane.spec
        case .network: NetworkPane.spec
        case .chart: ChartPane.spec
        }
    }

    public var title: String { spec.title }
    /// The number shown in its frame and pressed to focus it.
    public var number: Int { rawValue + 1 }
    var list: ListContent? { spec.list }
    public var isList: Bool { list != nil }
    var picture: PictureContent? { spec.picture }
    public var isPicture: Bool { picture != nil }

    /// The panes that list rows, in focus order (search visits them in this order).
    static let lists = allCases.filter(\.isList)
}
