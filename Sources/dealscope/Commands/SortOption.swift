import ArgumentParser
import DealModel
import TerminalText

/// `--sort COLUMN[:desc]` of the listing commands: a column of theirs, ascending
/// unless `:desc` (`:asc` is accepted too). Records without a value in the column
/// (no date, no amount) are listed last either way; ties keep the usual order.
struct SortOption<Column: RawRepresentable & CaseIterable>: ParsableArguments where Column.RawValue == String {
    @Option(name: .long, help: ArgumentHelp("Sort by a column, ascending, or descending with :desc: \(Column.allCases.map(\.rawValue).joined(separator: ", ")).",
                                            valueName: "column[:desc]"))
    var sort: String?

    /// The column and direction, or a usage error naming the closest column.
    func parsed() throws -> (Column, descending: Bool)? {
        guard let sort else { return nil }
        let parts = sort.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        let names = Column.allCases.map(\.rawValue)
        guard let name = parts.first, let column = Column(rawValue: name) else {
            let near = Suggest.closest(to: parts.first ?? "", among: names)
            Out.error("dealscope: --sort: unknown column \"\(Sanitizer.line(parts.first ?? ""))\"" + (near.map { " (did you mean \($0)?)" } ?? "")
                      + "; columns: " + names.joined(separator: ", "))
            throw ExitCode(Exit.usage)
        }
        guard parts.count == 1 || ["asc", "desc"].contains(parts[1]) else {
            Out.error("dealscope: --sort: \"\(Sanitizer.line(parts[1]))\" is not a direction; write \(name):asc or \(name):desc")
            throw ExitCode(Exit.usage)
        }
        return (column, parts.count == 2 && parts[1] == "desc")
    }

    /// The rows in the order asked for (as given when no --sort).
    func apply(_ rows: [Int], _ order: (Column) -> RecordOrder) throws -> [Int] {
        guard let (column, descending) = try parsed() else { return rows }
        return order(column).sorted(rows, descending: descending)
    }
}
