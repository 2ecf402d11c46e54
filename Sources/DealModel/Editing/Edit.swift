/// The three lists of records in a dataset file.
public enum RecordList: String, CaseIterable, Sendable, Hashable {
    case partners, deals, events

    /// The order of a record's keys.
    var order: DatasetLayout.Order {
        switch self {
        case .partners: .partner
        case .deals: .deal
        case .events: .event
        }
    }

    /// The word a message uses for one record of the list.
    public var noun: String {
        switch self {
        case .partners: "partner"
        case .deals: "deal"
        case .events: "event"
        }
    }
}

/// A record of the editable dataset: its list and id.
public struct RecordKey: Hashable, Sendable, CustomStringConvertible {
    public let list: RecordList
    public let id: String

    public init(_ list: RecordList, _ id: String) {
        self.list = list
        self.id = id
    }

    public var description: String { "\(list.noun) \"\(id)\"" }
}

/// One record of one file replaced: inserted when `old` is nil, removed when `new` is
/// nil. Every edit, however large (a merge touches many records), is a list of these,
/// so undo is the list reversed with old and new swapped, and the journal replays it
/// only where each `old` is still what the file holds.
public struct Change: Hashable, Sendable {
    public var file: Int
    public var list: RecordList
    public var index: Int
    public var old: JSONTree?
    public var new: JSONTree?

    public init(file: Int, list: RecordList, index: Int, old: JSONTree?, new: JSONTree?) {
        self.file = file
        self.list = list
        self.index = index
        // In declaration order, as the files hold them (`EditableFile`).
        self.old = old?.canonical(list.order)
        self.new = new?.canonical(list.order)
    }

    public var inverse: Change { Change(file: file, list: list, index: index, old: new, new: old) }
}

/// What a person did, as the changes it made to the files: undone by its inverse.
public struct Edit: Hashable, Sendable {
    /// For the status line and the undo message ("accept deal "x"").
    public var label: String
    public var changes: [Change]

    public init(_ label: String, _ changes: [Change]) {
        self.label = label
        self.changes = changes
    }

    public var inverse: Edit { Edit(label, changes.reversed().map(\.inverse)) }
}

/// Why an edit cannot be made: the loader's own problems with the result, or a change
/// that does not fit the records it was made for (a journal of another version).
public struct EditRefusal: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let problems: [DataProblem]

    public init(_ message: String, problems: [DataProblem] = []) {
        self.message = message
        self.problems = problems
    }

    public var description: String { message }
}
