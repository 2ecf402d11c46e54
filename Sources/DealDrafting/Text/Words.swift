/// Keys of the few plain English words the rules test for directly (the rest of the
/// vocabulary is in `Assets/draft/`).
enum Words {
    static let a = WordHash.of("a"), an = WordHash.of("an"), the = WordHash.of("the")
    static let and = WordHash.of("and"), or = WordHash.of("or"), of = WordHash.of("of")
    static let its = WordHash.of("its"), next = WordHash.of("next"), half = WordHash.of("half")
    static let between = WordHash.of("between"), based = WordHash.of("based")
}
