// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dealscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dealscope", targets: ["dealscope"]),
        .library(name: "DealModel", targets: ["DealModel"]),
        .library(name: "DealDrafting", targets: ["DealDrafting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Records, loading, validation, quote anchoring, timeline, queries and exports. No terminal
        // code: TerminalText only for the one sanitizer, which CSV and Markdown exports use.
        // Release builds drop the run-time exclusivity checks in its loader's hot loops
        // (about a tenth of a million-deal load); debug builds and the tests keep them.
        .target(name: "DealModel", dependencies: ["TerminalText"], swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Drafts datasets from article text by transparent rules (`Assets/draft/`). A module of
        // its own: it builds and rebuilds without recompiling the loader, and its names
        // cannot clash with DealModel's (which has an internal `DealDraft`).
        .target(name: "DealDrafting", dependencies: ["DealModel"]),
        // The one sanitizer for data text, and display-column measurement.
        .target(name: "TerminalText"),
        // Pure-Swift explorer: state, key tables per mode, panes as data, update, views into a cell grid.
        .target(name: "ExplorerCore", dependencies: ["DealModel", "TerminalText"]),
        // ncursesw, seen through a small shim header.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Paints the grid with ncurses; turns keys, mouse and resizes into events.
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "ExplorerCore"]),
        .executableTarget(
            name: "dealscope",
            dependencies: [
                "DealModel", "DealDrafting", "TerminalText", "ExplorerCore", "NcursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Prints speed and size figures; not part of the test run.
        .executableTarget(name: "dealscope-bench", dependencies: ["DealModel", "ExplorerCore"]),
        // Scores drafts against gold annotations and measures drafting speed (not a test).
        .executableTarget(name: "dealscope-draft-bench", dependencies: ["DealDrafting", "DealModel"]),
        // Writes synthetic datasets of any size, deterministically (benchmarks, fuzz seeds).
        .executableTarget(name: "dealscope-gen", dependencies: ["DealModel"]),
        .testTarget(name: "DealModelTests", dependencies: ["DealModel", "TerminalText"]),
        .testTarget(name: "DealDraftingTests", dependencies: ["DealDrafting", "DealModel"]),
        .testTarget(name: "ExplorerCoreTests", dependencies: ["ExplorerCore", "DealModel", "TerminalText"], exclude: ["Snapshots"]),
        .testTarget(name: "NcursesBackendTests", dependencies: ["NcursesBackend", "ExplorerCore"]),
        // Runs the built dealscope; the explorer's exports are compared with the command's.
        .testTarget(name: "CLITests", dependencies: ["DealModel", "ExplorerCore"]),
        // Runs the built dealscope in tmux; `swift build` must run before `swift test`.
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
