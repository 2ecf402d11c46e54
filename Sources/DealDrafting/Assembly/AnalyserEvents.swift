/// Events that are not a deal's, and the order of undated events.
extension Analyser {
    /// "Tailspin was spun out of Woodgrove Bank's research group in 2021": a sentence no
    /// deal was read from, with an organisation, a date and a verb of something
    /// happening, is an event of its own.
    mutating func makeFactEvents() {
        for (s, sentence) in text.sentences.enumerated() where !sentence.headline && !usedSentences.contains(s) {
            let r = sentence.tokens
            guard let verb = r.first(where: { text.hits.has(.eventVerb, at: $0) }) else { continue }
            // Who it happened to: the organisation named last before the verb, and those
            // right after it ("spun out of Woodgrove Bank").
            let orgs = names.mentions.filter { $0.kind == .organisation && r.contains($0.lo) }
            let involved = (orgs.last { $0.hi <= verb }.map { [$0] } ?? []) + orgs.filter { $0.lo > verb && $0.lo - verb <= 4 }
            guard let firstOrg = involved.first else { continue }
            var partners: [Int] = []
            for m in involved where !partners.contains(m.entity) { partners.append(m.entity) }
            var seen: [DraftDate] = []
            for d in dates where r.contains(d.lo) {
                guard let date = d.date, !seen.contains(date) else { continue }
                seen.append(date)
                let lo = min(firstOrg.lo, verb, d.lo), hi = max(firstOrg.hi, verb + 1, d.hi)
                out.events.append(AnalysedArticle.Event(title: title(of: r), deal: nil, date: date, partners: partners,
                                                        mark: mark("event.dated-fact", lo, hi), quotes: [quote(sentence: s)]))
                eventAnchors.append([verb])
            }
        }
    }

    /// A sentence cut to a title's length at a word's end.
    private func title(of r: Range<Int>) -> String {
        var end = r.upperBound
        while end > r.lowerBound + 1 && text.tokens[end - 1].kind == .punct { end -= 1 }
        var cut = end
        while cut > r.lowerBound + 1 && text.tokens[cut - 1].end - text.tokens[r.lowerBound].start > 90 { cut -= 1 }
        var lo = r.lowerBound
        while lo < cut - 1 && text.tokens[lo].kind == .punct { lo += 1 }
        let s = text.string(lo, cut)
        return cut < end ? s + " …" : s
    }

    /// Undated events take an order from their sentence: "At the same time" ties one to
    /// the event before it; "after" and "follows" put it after (or, read the other way,
    /// before) another event of the same sentence. Any other undated event happened
    /// before the article reported it.
    mutating func orderEvents() {
        let sentenceOfEvent = eventAnchors.map { $0.map { Int(text.sentenceOf[$0]) } }
        for e in out.events.indices where out.events[e].date == nil {
            let anchors = eventAnchors[e]
            guard let first = anchors.min() else { continue }
            let s = Int(text.sentenceOf[first])
            let r = text.sentences[s].tokens
            var opening = r.lowerBound
            while opening < r.upperBound && text.tokens[opening].kind == .punct { opening += 1 }
            if text.hits.has(.orderWith, at: opening),
               let previous = out.events.indices.filter({ $0 != e && (sentenceOfEvent[$0].min() ?? Int.max) < s }).max(by: { (eventAnchors[$0].min() ?? 0) < (eventAnchors[$1].min() ?? 0) }) {
                out.events[e].order = (.with, .event(previous))
                continue
            }
            for i in r {
                let after = text.hits.has(.orderAfter, at: i)
                guard after || text.hits.has(.orderBefore, at: i) else { continue }
                let mine = anchors.filter { r.contains($0) }
                guard let here = mine.first else { break }
                let other = out.events.indices.first { o in o != e && eventAnchors[o].contains { r.contains($0) && ($0 < i) != (here < i) } }
                guard let o = other else { continue }
                // Said once: the other event already places itself against this one.
                if case .event(e)? = out.events[o].order?.anchor { break }
                // "E after O" when E is named before the word; "O after E" otherwise.
                let eFirst = here < i
                let relation: DraftOrder.Relation = (after == eFirst) ? .after : .before
                out.events[e].order = (relation, .event(o))
                break
            }
            if out.events[e].order == nil { out.events[e].order = (.before, .document) }
        }
        // An order that points at an undated event pointing back would be a cycle.
        for e in out.events.indices {
            if case .event(let o)? = out.events[e].order?.anchor, case .event(let back)? = out.events[o].order?.anchor, back == e {
                out.events[e].order = (.before, .document)
            }
        }
    }
}
