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
    case .tree(let target, let format, let source):
      let tree = MountTree(try MountTableReader(source: source).load(target).table)
      if let reason = tree.table.fallbackReason { Output.error("\(target): \(reason)") }
      for problem in tree.table.problems {
        Output.error("\(target): line \(problem.line): \(problem.problem)")
      }
      switch format {
      case .text: Output.stream { TreeTextReport(tree).write($0) }
      case .json: Output.write(TreeJSONReport(tree).document.serialized())
      }
      return ExitStatus.clean
    case .snapshot(let pid, let host, let source):
      Output.write(
        try Snapshot.capture(pid: pid, host: host, source: source).document.serialized())
      return ExitStatus.clean
    case .diff(let options):
      return try DiffCommand(options: options).run()
    case .audit(let options):
      let request = AuditRequest(
        target: options.target, host: options.host,
        profile: Profile.named(options.profile) ?? .standard)
      let report = try Auditor(reader: MountTableReader(source: options.source)).audit(request)
      switch options.format {
      case .text: Output.write(AuditTextReport(report, usesColor: Output.usesColor).text)
      case .json: Output.write(AuditJSONReport(report).document.serialized())
      }
      return report.hasFindings(atOrAbove: options.failOn)
        ? ExitStatus.findings : ExitStatus.clean
    }
  }
}
