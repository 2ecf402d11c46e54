import DealDrafting
import DealModel

#if canImport(Glibc)
import Glibc
#endif

// dealscope-draft-bench: scores drafts against hand-made gold, and measures speed.
//   dealscope-draft-bench score [DIR]      the quality table (default Tests/Fixtures/draft)
//   dealscope-draft-bench dump FILE…       a draft as text (to see what the rules did)
//   dealscope-draft-bench speed [N]        N articles of about 5 KB (default 10,000)
// Build with `swift build -c release --product dealscope-draft-bench` for speed figures.

let args = Array(CommandLine.arguments.dropFirst())
let lexicon: Lexicon
do { lexicon = try Lexicon.standard() } catch { print(error); exit(1) }
let drafter = Drafter(lexicon: lexicon)

switch args.first {
case "dump":
    let articles = args.dropFirst().map { path -> Article in
        do { return try Article.read(path: path) } catch { print(error); exit(1) }
    }
    for d in drafter.draft(articles: articles) { print(dump(d)) }
case "speed":
    runSpeed(count: args.count > 1 ? Int(args[1]) ?? 10_000 : 10_000)
default:
    runScore(directory: args.count > 1 ? args[1] : nil)
}
