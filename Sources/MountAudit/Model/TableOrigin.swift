/// Where a mount table is read from: a live process, a saved file, or standard input.
public enum TableOrigin: Hashable, Sendable, CustomStringConvertible {
  /// `/proc/<pid>/mountinfo` of a running process.
  case process(pid: Int32)
  /// A saved mountinfo file.
  case file(path: String)
  /// Standard input.
  case standardInput

  /// Interprets a command-line TARGET: all digits is a PID, `-` is standard input, anything
  /// else (including `./1234`) is a file path. Returns `nil` for a PID out of range.
  public init?(argument: String) {
    if argument == "-" {
      self = .standardInput
    } else if !argument.isEmpty, argument.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
      guard let pid = Int32(argument), pid > 0 else { return nil }
      self = .process(pid: pid)
    } else {
      self = .file(path: argument)
    }
  }

  /// The file the table is read from (`/dev/stdin` for standard input).
  public var path: String {
    switch self {
    case .process(let pid): "/proc/\(pid)/mountinfo"
    case .file(let path): path
    case .standardInput: "/dev/stdin"
    }
  }

  /// How messages name the input: `PID 42`, the file's path, or `stdin`.
  public var description: String {
    switch self {
    case .process(let pid): "PID \(pid)"
    case .file(let path): path
    case .standardInput: "stdin"
    }
  }
}
