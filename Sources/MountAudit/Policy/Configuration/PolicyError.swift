/// What is wrong with a policy file: the file, the JSON path of the bad value and what was
/// expected there.
///
/// Its description is the line mountaudit prints:
/// `policy.json: $.exceptions[2].reason: expected a non-empty string`. JSON paths start at
/// `$`, index arrays from 0 and write keys that are not plain names in brackets
/// (`$.rules[0]`, `$['$schema']`).
public struct PolicyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The policy file, as given on the command line.
  public var file: String
  /// The JSON path of the bad value; `nil` when the file is not JSON at all.
  public var path: String?
  /// What was expected there, or why the file is not JSON.
  public var problem: String

  /// Creates an error.
  public init(file: String, path: String?, problem: String) {
    self.file = file
    self.path = path
    self.problem = problem
  }

  /// `file: path: problem`, or `file: problem` without a path.
  public var description: String {
    guard let path else { return "\(file): \(problem)" }
    return "\(file): \(path): \(problem)"
  }
}

/// Builds JSON paths for `PolicyError`.
enum JSONPath {
  /// The path of member `key` of the object at `path`: `$.rules`, `$['$schema']`.
  static func member(_ key: String, of path: String) -> String {
    let isName =
      key.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
      && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    if isName { return "\(path).\(key)" }
    let quoted = key.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "'", with: "\\'")
    return "\(path)['\(quoted)']"
  }

  /// The path of element `index` of the array at `path`: `$.exceptions[2]`.
  static func element(_ index: Int, of path: String) -> String {
    "\(path)[\(index)]"
  }
}
