import Foundation
import Testing

/// The real `dealscope` binary in a real terminal (tmux, 120 × 40, TERM=xterm-256color).
/// These tests use the binary, they do not build it (see `Binary`).
/// Serialized: each test has its own tmux session, but the machine is small and
/// the timing of one should not depend on another.
@Suite(.serialized, .enabled(if: Tmux.isInstalled, "tmux is not installed"))
struct EndToEndTests {
    static let paneTitles = ["Partners", "Deals", "Timeline", "Detail"]
    /// The bundled data on screen: the panes also show while data loads (a busy
    /// machine can take longer than the 30 ms after which the loading screen
    /// shows), and keys other than q wait for the data.
    static let loaded = paneTitles + ["All partners · 12 of 12 deals"]
}
