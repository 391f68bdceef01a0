/// A mount table as read from one input: its mounts in input order and the lines that
/// could not be read as mounts.
public struct MountTable: Sendable {
  /// The mounts in the order the input lists them.
  public var entries: [MountEntry]
  /// Lines that were not well-formed mountinfo lines, in line order.
  public var problems: [ParseProblem]
  /// Where the table came from.
  public var origin: TableOrigin
  /// The input exactly as read, when the reader was asked to keep it (for snapshots).
  public var text: [UInt8]?
  /// Why a live table asked of statmount(2) was read from mountinfo instead, when it was
  /// because statmount would have given another table.
  public var fallbackReason: String?
  /// Whether this live table was read with statmount(2) rather than from mountinfo.
  public var isFromStatmount = false

  /// Creates a table from its parts.
  public init(entries: [MountEntry], problems: [ParseProblem] = [], origin: TableOrigin) {
    self.entries = entries
    self.problems = problems
    self.origin = origin
  }
}
