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
    case .tree(let target, let format):
      let tree = MountTree(try MountTableReader().load(target).table)
      for problem in tree.table.problems {
        Output.error("\(target): line \(problem.line): \(problem.problem)")
      }
      switch format {
      case .text: Output.stream { TreeTextReport(tree).write($0) }
      case .json: Output.write(TreeJSONReport(tree).document.serialized())
      }
      return ExitStatus.clean
    case .snapshot(let pid, let host):
      Output.write(try Snapshot.capture(pid: pid, host: host).document.serialized())
      return ExitStatus.clean
    case .diff(let options):
      return try DiffCommand(options: options).run()
    case .audit(let options):
      let request = AuditRequest(
        target: options.target, host: options.host,
        profile: Profile.named(options.profile) ?? .standard)
      let report = try Auditor().audit(request)
      Output.write(Self.render(report, options))
      guard let threshold = options.failOn else { return ExitStatus.clean }
      return report.hasFindings(atOrAbove: threshold) ? ExitStatus.findings : ExitStatus.clean
    }
  }

  /// The audit report in the format asked for.
  static func render(_ report: AuditReport, _ options: AuditOptions) -> [UInt8] {
    switch options.format {
    case .text:
      let text = AuditTextReport(
        report, usesColor: Output.usesColor, listsFindings: options.listsFindings)
      return Array(text.text.utf8)
    case .json:
      return AuditJSONReport(report, listsFindings: options.listsFindings).document.serialized()
    case .sarif:
      return AuditSARIFReport(report).document.serialized()
    case .junit:
      return Array(AuditJUnitReport(report, failureThreshold: options.failOn).text.utf8)
    }
  }
}
