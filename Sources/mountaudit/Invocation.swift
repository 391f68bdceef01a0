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
  /// `mountaudit explain RULE`
  case explain(rule: String, format: OutputFormat)
  /// `mountaudit policy show PROFILE`
  case showPolicy(profile: String)
  /// `--help`, optionally for one command.
  case help(command: String?)
  /// `--version`
  case version
}

/// The options of `mountaudit audit`.
struct AuditOptions: Equatable {
  var target: TableOrigin
  var host: HostChoice = .automatic
  var format: AuditFormat = .text
  /// `--fail-on`: the lowest severity that makes the exit status 1; `nil` for `never`.
  var failOn: Severity? = .error
  /// `--summary-only`: counts without the list of findings (text and JSON).
  var listsFindings = true
  var profile: String = Profile.standard.name
  /// `--policy FILE`: a policy file, which names its own base profile.
  var policyFile: String?
  var source: LiveTableSource = .auto
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
  var policyFile: String?
  var source: LiveTableSource = .auto
}

/// The report formats of `tree` and `diff`.
enum OutputFormat: String, Equatable, CaseIterable {
  case text
  case json
}

/// The report formats of `audit`: those of every command, and the formats other tools read.
enum AuditFormat: String, Equatable, CaseIterable {
  case text
  case json
  /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
  case sarif
  /// JUnit XML, for CI systems that show test reports.
  case junit
}

/// A command line that cannot be run; exits 64.
struct UsageError: Error, Equatable {
  var message: String
}
