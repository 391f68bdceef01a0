import MountAudit

/// What the command line asks for, after parsing.
enum Invocation: Equatable {
  /// `mountaudit [audit] TARGET ...`
  case audit(AuditOptions)
  /// `mountaudit tree TARGET ...`
  case tree(target: TableOrigin, format: OutputFormat, source: LiveTableSource)
  /// `mountaudit diff A B ...`
  case diff(DiffOptions)
  /// `mountaudit snapshot PID ...`
  case snapshot(pid: Int32, host: HostChoice, source: LiveTableSource)
  /// `mountaudit rules`
  case rules
  /// `--help`, optionally for one command.
  case help(command: String?)
  /// `--version`
  case version
}

/// The options of `mountaudit audit`.
struct AuditOptions: Equatable {
  var target: TableOrigin
  var host: HostChoice = .automatic
  var format: OutputFormat = .text
  var failOn: Severity = .error
  var profile: String = Profile.standard.name
  var source: LiveTableSource = .mountinfo
}

/// The options of `mountaudit diff`.
struct DiffOptions: Equatable {
  var before: TableOrigin
  var after: TableOrigin
  var format: OutputFormat = .text
  var ignored: Set<DiffField> = []
  var normalization = TableNormalization()
  var matching: MatchingChoice = .automatic
  /// `--container`: a container's table whose propagated mounts the diff traces.
  var container: TableOrigin?
  /// `--audit`: compare the findings of the two audits instead of the tables.
  var comparesAudits = false
  var host: HostChoice = .automatic
  var profile: String = Profile.standard.name
  var source: LiveTableSource = .mountinfo
}

/// The report formats.
enum OutputFormat: String, Equatable, CaseIterable {
  case text
  case json
}

/// A command line that cannot be run; exits 64.
struct UsageError: Error, Equatable {
  var message: String
}
