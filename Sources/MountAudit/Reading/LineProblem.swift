/// What is wrong with a line that is not a well-formed mountinfo line.
public enum LineProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// The line has fewer fields than a mountinfo line needs before the separator.
  case tooFewFields(count: Int)
  /// No field is exactly `-` after the six leading fields.
  case missingSeparator
  /// Fewer than three fields (type, source, super options) follow the separator.
  case tooFewFieldsAfterSeparator(count: Int)
  /// A mount ID or parent ID is not a decimal number within the kernel's range.
  case invalidID(field: String, value: String)
  /// Field 3 is not `major:minor` with decimal numbers.
  case invalidDevice(value: String)
  /// A field that cannot be empty is empty.
  case emptyField(field: String)
  /// A field holds a raw tab, which the kernel always prints as `\011`.
  case rawTab(field: String)
  /// The line contains a NUL byte, which the kernel never prints.
  case containsNUL
  /// The line ends with a carriage return, which the kernel never prints there: a saved
  /// table with CRLF line endings.
  case carriageReturn
  /// The line is empty.
  case emptyLine
  /// libmount's mountinfo parser rejected a line that passed the structural check.
  case rejectedByLibmount
  /// The line's mount ID is already an earlier line's: a namespace numbers its mounts
  /// uniquely, so one of the two lines is not what the kernel printed.
  case repeatedID(id: UInt32, firstLine: Int)

  /// One lowercase phrase saying what is wrong, quoting the value involved.
  public var description: String {
    switch self {
    case .tooFewFields(let count):
      "expected at least 7 fields, found \(count)"
    case .missingSeparator:
      "no ' - ' separator after the optional fields"
    case .tooFewFieldsAfterSeparator(let count):
      "expected filesystem type, source and super options after ' - ', found \(count) field"
        + (count == 1 ? "" : "s")
    case .invalidID(let field, let value):
      "\(field) '\(value)' is not a number between 0 and 2147483647"
    case .invalidDevice(let value):
      "device '\(value)' is not major:minor"
    case .emptyField(let field):
      "\(field) is empty"
    case .rawTab(let field):
      "\(field) contains a raw tab (the kernel prints \\011)"
    case .containsNUL:
      "line contains a NUL byte"
    case .carriageReturn:
      "line ends with a carriage return (CRLF line endings; convert the file with dos2unix)"
    case .emptyLine:
      "empty line"
    case .rejectedByLibmount:
      "libmount could not parse the line"
    case .repeatedID(let id, let firstLine):
      "mount ID \(id) is already on line \(firstLine) (each mount of a table has its own ID)"
    }
  }
}

/// A line of the input that was not read as a mount, with its 1-based line number.
public struct ParseProblem: Hashable, Sendable {
  /// The 1-based line number in the input.
  public var line: Int
  /// What is wrong with the line.
  public var problem: LineProblem

  /// Creates a problem report for a line.
  public init(line: Int, problem: LineProblem) {
    self.line = line
    self.problem = problem
  }
}
