/// Every action the explorer can take, named so the key map, the help screen and
/// the tests speak of the same thing.
public enum Command: String, CaseIterable, Sendable {
    case focusNext, focusPrevious, focusPartners, focusDeals, focusTimeline, focusDetail
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case activate, toggleFilter, clearFilter
    case nextEvent, previousEvent, nextYear, previousYear
    case commandLine, search, nextMatch, previousMatch
    case viewDocument, help, toggleMouse, quit, cancel
}
