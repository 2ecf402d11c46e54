/// How far a load has come, for a progress indicator.
public struct LoadProgress: Sendable, Equatable {
    /// What the loader is doing: "reading", "parsing", "locating quotes"…
    public let phase: String
    /// 0 to 1.
    public let fraction: Double

    public init(phase: String, fraction: Double) {
        self.phase = phase
        self.fraction = fraction
    }
}

public typealias ProgressHandler = @Sendable (LoadProgress) -> Void
