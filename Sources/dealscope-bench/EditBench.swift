import DealModel

/// `--edits` (with `--data FILE`): what one edit costs on a dataset of that size —
/// opening the session, then accepts and undos, each rebuilt through the careful
/// loader — and, beside it, the parts of a rebuild: writing the file's text and
/// loading that text.
func editBench(path: String, rounds: Int) {
    var t0 = now()
    var session: EditSession
    do { session = try EditSession.open(path: path, cache: nil) } catch { print("cannot edit \(path): \(error.message)"); return }
    print(pad("open the session", 32) + fmt(now() - t0))
    t0 = now()
    let text = session.files[0].text()
    print(pad("write the file's text", 32) + fmt(now() - t0) + " (\(text.count / 1_000_000) MB)")
    t0 = now()
    _ = DatasetLoader.check(json: text, file: path, directory: FilePaths.directory(of: path))
    print(pad("load that text", 32) + fmt(now() - t0))
    let c = session.catalog
    // Records to edit: the drafts among the deals, else notes set on the first deals.
    var times: [Double] = []
    for i in 0..<min(rounds, c.deals.count) {
        let key = RecordKey(.deals, c.deals.id(i))
        t0 = now()
        do {
            let edit = try session.set(key, field: "note", to: .string("checked \(i)"))
            try session.apply(edit)
        } catch { print("edit refused: \(error.message)"); return }
        times.append(now() - t0)
    }
    print(pad("an edit (set a deal's note)", 32) + pad(fmt(median(times)), 12) + fmt(times.max() ?? 0))
    t0 = now()
    _ = session.undo()
    print(pad("undo", 32) + fmt(now() - t0))
}
