/// What a cell means, not how it looks: the backend maps each role to colours
/// where the terminal has them, and always to attributes (bold, reverse,
/// underline, dim) so that monochrome terminals and NO_COLOR stay readable.
public enum Role: UInt8, CaseIterable, Sendable {
    case normal
    /// Secondary text: dates of context, hints, placeholders.
    case muted
    case border
    /// The border of the focused pane.
    case borderFocused
    case title
    /// The title of the focused pane (drawn reversed, with a marker).
    case titleFocused
    /// Column headers inside a pane.
    case header
    /// The cursor row of an unfocused pane.
    case selected
    /// The cursor row of the focused pane.
    case selectedFocused
    /// Rows related to the selection elsewhere (a deal's parties and events).
    case related
    /// A search match.
    case match
    /// The quoted words inside their sentence in the detail pane.
    case quote
    /// Labels in the detail pane.
    case label
    /// Partners active in the filter.
    case filtered
    case statusBar
    /// Keys named in the status bar and help.
    case key
    case error
    /// Amounts and other figures.
    case figure
    /// The mark of a draft record, not yet reviewed.
    case draft
    /// The words selected in the document view, to become a quote or a record.
    case selection
    /// A linked record in Detail (Enter opens it): underlined without colour.
    case link
}
