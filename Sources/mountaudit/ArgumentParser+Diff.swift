import MountAudit

extension ArgumentParser {
  /// `mountaudit diff A B [--format F] [--ignore FIELD,...] [--normalize RULES]
  /// [--match auto|mount-id|mount-point] [--container TABLE]
  /// [--audit [--host FILE | --host-pid N] [--profile P | --policy FILE]]`
  static func diff(
    _ options: [String: String], _ positionals: [String]
  ) throws(UsageError) -> DiffOptions {
    try reject(
      options,
      allowed: [
        "--format", "--ignore", "--normalize", "--match", "--audit", "--host", "--host-pid",
        "--profile", "--policy", "--container", "--timeout", "--source",
      ], command: "diff")
    guard positionals.count >= 2 else {
      throw UsageError(
        message: "'diff' needs two tables: A and B (each a PID, a mountinfo file, a snapshot or -)"
      )
    }
    try expect(positionals, count: 2, command: "diff")
    if positionals[0] == "-" && positionals[1] == "-" {
      throw UsageError(message: "only one of A and B can be - (standard input)")
    }
    var diff = DiffOptions(
      before: try origin(positionals[0]), after: try origin(positionals[1]))
    diff.format = try format(options["--format"])
    diff.comparesAudits = options["--audit"] != nil
    if diff.comparesAudits {
      for name in ["--ignore", "--normalize", "--match", "--container"] where options[name] != nil {
        throw UsageError(message: "option '\(name)' does not apply to 'diff --audit'")
      }
    } else {
      for name in ["--host", "--host-pid", "--profile", "--policy"] where options[name] != nil {
        throw UsageError(message: "option '\(name)' applies to 'diff' only with '--audit'")
      }
    }
    diff.host = try host(file: options["--host"], pid: options["--host-pid"])
    if let profile = options["--profile"] { diff.profile = try profileName(profile) }
    diff.policyFile = try policyFile(options)
    if let list = options["--ignore"] { diff.ignored = try ignoredFields(list) }
    if let rules = options["--normalize"] {
      do {
        diff.normalization = try TableNormalization(parsing: rules)
      } catch {
        throw UsageError(message: "invalid value '\(rules)' for '--normalize': \(error.message)")
      }
    }
    if let container = options["--container"] { diff.container = try origin(container) }
    diff.source = try source(
      options["--source"], for: [diff.before, diff.after, diff.container])
    if let match = options["--match"] {
      guard let choice = MatchingChoice(rawValue: match) else {
        throw UsageError(
          message:
            "invalid value '\(match)' for '--match': expected auto, mount-id or mount-point")
      }
      diff.matching = choice
    }
    return diff
  }

  private static func ignoredFields(_ list: String) throws(UsageError) -> Set<DiffField> {
    var fields: Set<DiffField> = []
    for name in list.split(separator: ",", omittingEmptySubsequences: false) {
      guard let field = DiffField(rawValue: String(name)) else {
        let names = DiffField.allCases.map(\.rawValue).joined(separator: ", ")
        throw UsageError(
          message: "invalid field '\(name)' for '--ignore': expected one of \(names)")
      }
      fields.insert(field)
    }
    return fields
  }
}
