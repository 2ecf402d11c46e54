import DealModel
import ExplorerCore

// Temporary screen dump while the benchmark is written.
let args = Array(CommandLine.arguments.dropFirst())
let size = (args.first ?? "120x40").split(separator: "x").compactMap { Int($0) }
let catalog = try DatasetLoader.load(path: nil)
var state = Explorer.start(catalog: catalog, width: size[0], height: size[1])
for k in args.dropFirst() {
    for c in k { _ = Explorer.update(&state, .key(.char(c))) }
}
print(Explorer.render(state).text)
