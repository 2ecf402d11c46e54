/// A deal, agreement, arrangement or amendment between partners.
public struct Deal: Sendable, Identifiable {
    public let id: String
    public let title: String
    public let kind: DealKind
    public let status: DealStatus
    public let parties: [Party]
    public let date: PartialDate?
    public let value: Amount?
    public let amends: String?
    public let products: [String]
    public let note: String?
    public internal(set) var evidence: [Evidence]
    public let origin: SourceLocation

    public var partnerIDs: [String] { parties.map(\.partner) }
}

public struct Party: Sendable, Hashable {
    public let partner: String
    public let role: String?
}

public enum DealKind: String, Sendable, CaseIterable, Comparable {
    case strategicPartnership = "strategic-partnership"
    case licence
    case intellectualProperty = "intellectual-property"
    case cloud
    case modelHosting = "model-hosting"
    case investment
    case productIntegration = "product-integration"
    case framework
    case amendment

    /// Short label for narrow columns.
    public var label: String {
        switch self {
        case .strategicPartnership: "partnership"
        case .licence: "licence"
        case .intellectualProperty: "IP"
        case .cloud: "cloud"
        case .modelHosting: "hosting"
        case .investment: "investment"
        case .productIntegration: "integration"
        case .framework: "framework"
        case .amendment: "amendment"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum DealStatus: String, Sendable, CaseIterable {
    case inEffect = "in-effect"
    case unchanged, announced, disclosed, stated, reported, rumoured, ended
}
