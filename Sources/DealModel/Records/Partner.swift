/// An organisation that is a party to at least one relationship in the documents.
public struct Partner: Sendable, Identifiable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let products: [Product]
    public let note: String?
    public internal(set) var evidence: [Evidence]
    public let origin: SourceLocation

    /// Every name the partner can be asked for by: name, aliases and products.
    public var allNames: [String] { [name] + aliases + products.map(\.name) }
}

/// A product or platform owned by a partner (a cloud, a chatbot, an operating system).
public struct Product: Sendable {
    public let name: String
    public internal(set) var evidence: [Evidence]
}
