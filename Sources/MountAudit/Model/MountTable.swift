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
  /// Why a live table asked of statmount(2) was read from mountinfo instead, when it was.
  public var fallbackReason: String?

  /// Creates a table from its parts.
  public init(entries: [MountEntry], problems: [ParseProblem] = [], origin: TableOrigin) {
    self.entries = entries
    self.problems = problems
    self.origin = origin
  }

  /// Whether `reader` read this live table with statmount(2) (it asked for it, and did
  /// not fall back to mountinfo).
  public func isFromStatmount(_ reader: MountTableReader) -> Bool {
    guard case .process = origin else { return false }
    return reader.source == .statmount && fallbackReason == nil
  }
}
