import Glibc
import MountAudit

/// Runs each command and chooses its exit status.
enum Commands {
  static func run(_ invocation: Invocation) throws(AuditError) -> Int32 {
    switch invocation {
    case .version:
      Output.write("mountaudit \(Version.current)\n")
      return ExitStatus.clean
    case .help(let command):
      Output.write(HelpText.text(for: command))
      return ExitStatus.clean
    case .rules:
      Output.write(RulesListing.text())
      return ExitStatus.clean
    case .explain(let id, let format):
      guard let rule = RuleRegistry.rule(id: id) else { return ExitStatus.usage }
      let explanation = RuleExplanation(rule)
      switch format {
      case .text: Output.write(explanation.text)
      case .json: Output.write(explanation.document.serialized())
      }
      return ExitStatus.clean
    case .showPolicy(let name):
      Output.write((Profile.named(name) ?? .standard).policyDocument.serialized())
      return ExitStatus.clean
    case .tree(let target, let format, let source):
      let tree = MountTree(try MountTableReader(source: source).load(target).table)
      if source == .statmount, let reason = tree.table.fallbackReason {
        Output.error("\(target): \(reason)")
      }
      for problem in tree.table.problems {
        Output.error("\(target): line \(problem.line): \(problem.problem)")
      }
      switch format {
      case .text: TreeTextReport(tree).write(inChunks: { Output.write($0) })
      case .json: TreeJSONReport(tree).streamed.write(inChunks: { Output.write($0) })
      }
      ProcessLifetime.keep(tree)
      return ExitStatus.clean
    case .snapshot(let pid, let host, let source):
      Output.write(try Snapshot.capture(pid: pid, host: host, source: source).document)
      return ExitStatus.clean
    case .diff(let options):
      return try DiffCommand(options: options).run()
    case .audit(let options):
      let request = AuditRequest(
        target: options.target, host: options.host,
        profile: try profile(named: options.profile, policyFile: options.policyFile))
      let report = try Auditor(reader: MountTableReader(source: options.source)).audit(request)
      Self.write(report, options)
      ProcessLifetime.keep(report)
      guard let threshold = options.failOn else { return ExitStatus.clean }
      return report.hasFindings(atOrAbove: threshold) ? ExitStatus.findings : ExitStatus.clean
    }
  }

  /// Writes the audit report in the format asked for.
  static func write(_ report: AuditReport, _ options: AuditOptions) {
    switch options.format {
    case .text:
      AuditTextReport(report, usesColor: Output.usesColor, listsFindings: options.listsFindings)
        .write(inChunks: { Output.write($0) })
    case .json:
      Output.write(AuditJSONReport(report, listsFindings: options.listsFindings).streamed)
    case .sarif:
      Output.write(AuditSARIFReport(report).document)
    case .junit:
      Output.write(AuditJUnitReport(report, failureThreshold: options.failOn).text)
    }
  }

  /// The policy file's profile when one is given (it names its own base), otherwise the
  /// built-in profile `name`.
  static func profile(named name: String, policyFile: String?) throws(AuditError) -> Profile {
    if let policyFile { return try Profile(policyFile: policyFile) }
    return Profile.named(name) ?? .standard
  }
}
