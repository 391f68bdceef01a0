import MountAudit

/// Turns `CommandLine.arguments` (without the program name) into an `Invocation`.
///
/// Commands: `audit` (the default), `tree`, `diff`, `snapshot`, `rules`, `explain`, `policy`.
/// Options may come before or after TARGET, as `--name value` or `--name=value`; `--` ends
/// the options.
struct ArgumentParser {
  static let commands = [
    "audit", "tree", "diff", "snapshot", "rules", "explain", "policy", "help",
  ]

  /// Options that take a value.
  static let valued: Set = [
    "--host", "--host-pid", "--format", "--fail-on", "--profile", "--ignore", "--normalize",
    "--match", "--container", "--timeout", "--policy", "--source",
  ]
  /// Options that stand alone.
  static let flags: Set = ["--audit", "--summary-only"]

  var arguments: [String]

  /// `--timeout SECONDS`, when given: the run's time limit, a whole number from 1 to
  /// 86400. Checked by itself so that the limit can be armed before anything is read.
  func timeout() throws(UsageError) -> UInt32? {
    var value: String?
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument == "--timeout", index + 1 < arguments.count {
        value = arguments[index + 1]
      } else if argument.hasPrefix("--timeout=") {
        value = String(argument.dropFirst("--timeout=".count))
      }
    }
    guard let value else { return nil }
    guard let seconds = UInt32(value), (1...86_400).contains(seconds) else {
      throw UsageError(
        message: "invalid value '\(value)' for '--timeout': expected whole seconds, 1 to 86400")
    }
    return seconds
  }

  func parse() throws(UsageError) -> Invocation {
    var remaining = arguments[...]
    if remaining.contains("--version") {
      guard remaining.count == 1 else {
        throw UsageError(message: "'--version' takes no other argument")
      }
      return .version
    }
    var command = "audit"
    if let first = remaining.first, Self.commands.contains(first) {
      command = first
      remaining = remaining.dropFirst()
    }
    if command == "help" {
      guard remaining.count <= 1, remaining.allSatisfy(Self.commands.contains) else {
        let names = Self.commands.filter { $0 != "help" }.joined(separator: ", ")
        throw UsageError(message: "'help' takes one command: \(names)")
      }
      return .help(command: remaining.first)
    }
    if remaining.contains("--help") || remaining.contains("-h") {
      return .help(command: arguments.first.flatMap { Self.commands.contains($0) ? $0 : nil })
    }

    let (options, positionals) = try Self.split(remaining)
    switch command {
    case "rules":
      try Self.expect(positionals, count: 0, command: command)
      try Self.reject(options, allowed: [], command: command)
      return .rules
    case "explain":
      try Self.reject(options, allowed: ["--format"], command: command)
      return .explain(
        rule: try Self.ruleID(positionals), format: try Self.format(options["--format"]))
    case "tree":
      try Self.reject(options, allowed: ["--format", "--timeout", "--source"], command: command)
      let target = try Self.target(positionals, command: command)
      return .tree(
        target: target, format: try Self.format(options["--format"]),
        source: try Self.source(options["--source"], for: [target]))
    case "diff":
      return .diff(try Self.diff(options, positionals))
    case "policy":
      return try Self.policy(options, positionals)
    case "snapshot":
      try Self.reject(
        options, allowed: ["--host", "--host-pid", "--timeout", "--source"], command: command)
      guard !positionals.isEmpty else {
        throw UsageError(message: "'snapshot' needs the PID of a running process")
      }
      guard case .process(let pid) = try Self.target(positionals, command: command) else {
        throw UsageError(message: "'snapshot' takes a PID: it captures a running process")
      }
      return .snapshot(
        pid: pid, host: try Self.host(file: options["--host"], pid: options["--host-pid"]),
        source: try Self.source(options["--source"], for: [.process(pid: pid)]))
    default:
      try Self.reject(
        options,
        allowed: [
          "--host", "--host-pid", "--format", "--fail-on", "--profile", "--policy", "--timeout",
          "--summary-only", "--source",
        ],
        command: command)
      var audit = AuditOptions(target: try Self.target(positionals, command: command))
      audit.source = try Self.source(options["--source"], for: [audit.target])
      audit.format = try Self.auditFormat(options["--format"])
      audit.host = try Self.host(file: options["--host"], pid: options["--host-pid"])
      if let failOn = options["--fail-on"] { audit.failOn = try Self.failOn(failOn) }
      if options["--summary-only"] != nil {
        guard audit.format == .text || audit.format == .json else {
          throw UsageError(
            message: "'--summary-only' applies to text and json reports, not to '--format "
              + "\(audit.format.rawValue)' (its readers need every result)")
        }
        audit.listsFindings = false
      }
      if let profile = options["--profile"] { audit.profile = try Self.profileName(profile) }
      audit.policyFile = try Self.policyFile(options)
      return .audit(audit)
    }
  }

  /// Separates `--name value` options and flags (given the value `""`) from positional
  /// arguments.
  private static func split(
    _ arguments: ArraySlice<String>
  ) throws(UsageError) -> ([String: String], [String]) {
    var options: [String: String] = [:]
    var positionals: [String] = []
    var index = arguments.startIndex
    var optionsEnded = false
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      var name = argument
      var value: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      }
      if flags.contains(name) {
        guard value == nil else {
          throw UsageError(message: "option '\(name)' takes no value")
        }
        value = ""
      } else if !valued.contains(name) {
        throw UsageError(message: "unknown option '\(name)'")
      }
      if value == nil {
        guard index < arguments.endIndex else {
          throw UsageError(message: "missing value for '\(name)'")
        }
        value = arguments[index]
        index += 1
      }
      guard options[name] == nil else {
        throw UsageError(message: "'\(name)' given more than once")
      }
      options[name] = value
    }
    return (options, positionals)
  }

  static func profileName(_ profile: String) throws(UsageError) -> String {
    guard Profile.named(profile) != nil else {
      let names = Profile.builtIn.map(\.name).joined(separator: ", ")
      throw UsageError(message: "unknown profile '\(profile)': expected one of \(names)")
    }
    return profile
  }

  /// The one rule ID `explain` takes, checked against the registry.
  static func ruleID(_ positionals: [String]) throws(UsageError) -> String {
    guard let id = positionals.first else {
      throw UsageError(message: "'explain' needs a rule ID: 'mountaudit rules' lists them")
    }
    try expect(positionals, count: 1, command: "explain")
    guard RuleRegistry.rule(id: id) != nil else {
      let hint = RuleRegistry.suggestion(for: id).map { " (did you mean '\($0)'?)" } ?? ""
      throw UsageError(
        message: "unknown rule '\(id)'\(hint): 'mountaudit rules' lists every rule")
    }
    return id
  }

  static func reject(
    _ options: [String: String], allowed: Set<String>, command: String
  ) throws(UsageError) {
    if let name = options.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw UsageError(message: "option '\(name)' does not apply to '\(command)'")
    }
  }

  static func expect(
    _ positionals: [String], count: Int, command: String
  ) throws(UsageError) {
    if positionals.count > count {
      throw UsageError(message: "unexpected argument '\(positionals[count])' for '\(command)'")
    }
  }

  private static func target(
    _ positionals: [String], command: String
  ) throws(UsageError) -> TableOrigin {
    guard let argument = positionals.first, !argument.isEmpty else {
      throw UsageError(message: "missing TARGET (a PID, a mountinfo file, or - for stdin)")
    }
    try expect(positionals, count: 1, command: command)
    return try origin(argument)
  }

  static func origin(_ argument: String) throws(UsageError) -> TableOrigin {
    guard let origin = TableOrigin(argument: argument) else {
      throw UsageError(message: "invalid PID '\(argument)'")
    }
    return origin
  }

  /// The `--format` of `tree` and `diff`: text or json.
  static func format(_ value: String?) throws(UsageError) -> OutputFormat {
    guard let value else { return .text }
    guard let format = OutputFormat(rawValue: value) else {
      if AuditFormat(rawValue: value) != nil {
        throw UsageError(message: "'--format \(value)' applies to audit only")
      }
      throw UsageError(message: "invalid value '\(value)' for '--format': expected text or json")
    }
    return format
  }

  /// The `--format` of `audit`: text, json, sarif or junit.
  static func auditFormat(_ value: String?) throws(UsageError) -> AuditFormat {
    guard let value else { return .text }
    guard let format = AuditFormat(rawValue: value) else {
      throw UsageError(
        message: "invalid value '\(value)' for '--format': expected text, json, sarif or junit")
    }
    return format
  }

  /// `--fail-on`: a severity, or `never` (`nil`: no finding changes the exit status).
  static func failOn(_ value: String) throws(UsageError) -> Severity? {
    if value == "never" { return nil }
    guard let severity = Severity(rawValue: value) else {
      throw UsageError(
        message: "invalid value '\(value)' for '--fail-on': expected error, warning, note or never")
    }
    return severity
  }

  /// `--source mountinfo|statmount`, which only a live process's table can take.
  static func source(
    _ value: String?, for targets: [TableOrigin?]
  ) throws(UsageError) -> LiveTableSource {
    guard let value else { return .auto }
    guard let source = LiveTableSource(rawValue: value) else {
      throw UsageError(
        message:
          "invalid value '\(value)' for '--source': expected auto, mountinfo or statmount")
    }
    if source == .statmount,
      let other = targets.compactMap({ $0 }).first(where: {
        if case .process = $0 { false } else { true }
      })
    {
      throw UsageError(
        message: "'--source statmount' reads running processes; '\(other)' is not a PID")
    }
    return source
  }

  static func host(file: String?, pid: String?) throws(UsageError) -> HostChoice {
    switch (file, pid) {
    case (nil, nil):
      return .automatic
    case (let file?, nil):
      if file == "-" {
        throw UsageError(
          message: "'--host' takes a file: standard input (-) is only for the table audited")
      }
      return .file(path: file)
    case (nil, let pid?):
      guard case .process(let number)? = TableOrigin(argument: pid) else {
        throw UsageError(message: "invalid value '\(pid)' for '--host-pid': expected a PID")
      }
      return .process(pid: number)
    case (.some, .some):
      throw UsageError(message: "'--host' and '--host-pid' cannot be used together")
    }
  }
}
