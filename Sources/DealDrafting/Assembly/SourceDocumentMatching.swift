import DealModel

/// The loader's quote matching (DealModel's `SourceDocument`), answered as UTF-8
/// offsets of the document.
struct SourceDocumentMatching {
    let document: SourceDocument

    init(text: String) {
        document = SourceDocument(id: "draft", title: nil, date: nil, path: "", text: text)
    }

    func matches(_ quotes: [String]) -> [[Range<Int>]] {
        let u = document.text.utf8
        return document.matches(ofAll: quotes).map { ranges in
            ranges.map { u.distance(from: u.startIndex, to: $0.lowerBound)..<u.distance(from: u.startIndex, to: $0.upperBound) }
        }
    }
}
