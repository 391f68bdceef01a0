import MountAudit

/// `mountaudit diff A B`: compares two mount tables, or with `--audit` their audits, and
/// exits like diff(1): 0 no differences, 1 differences (2 and 64 are decided by the caller).
struct DiffCommand {
  var options: DiffOptions

  func run() throws(AuditError) -> Int32 {
    if options.comparesAudits { return try runAudits() }
    let reader = MountTableReader(source: options.source)
    let before = try Self.read(options.before, reader: reader)
    let after = try Self.read(options.after, reader: reader)
    let beforeTree = MountTree(before.table)
    let afterTree = MountTree(after.table)
    let matching = MountDiff.matching(
      for: options.matching, beforeTree, afterTree,
      namespaces: (before.namespace, after.namespace))
    let diff = MountDiff(
      beforeTree, afterTree, matching: matching, ignoring: options.ignored,
      normalization: options.normalization)
    var trace: (container: MountTree, result: PropagationTrace)?
    if let origin = options.container {
      let loaded = try Self.read(origin, reader: reader)
      let container = MountTree(loaded.table)
      trace = (
        container,
        PropagationTrace(diff, container: container, state: Self.state(of: origin, loaded))
      )
    }
    let names = options.normalization.names
    switch options.format {
    case .text:
      DiffTextReport(
        diff, normalizations: names, usesColor: Output.usesColor, trace: trace?.result
      ).write(inChunks: { Output.write($0) })
    case .json:
      Output.write(
        DiffJSONReport(diff, normalizations: names, trace: trace).document)
    }
    ProcessLifetime.keep((diff, trace))
    // Lines left out of A, B or the traced container (named on stderr) leave the comparison
    // incomplete: that is trouble, as in diff(1), whatever the readable lines say.
    let tables = [before.table, after.table] + (trace.map { [$0.container.table] } ?? [])
    if tables.contains(where: { !$0.problems.isEmpty }) { return ExitStatus.cannotRun }
    let isLeftBehind = trace?.result.leftBehind.isEmpty == false
    return diff.hasDifferences || isLeftBehind ? ExitStatus.findings : ExitStatus.clean
  }

  private func runAudits() throws(AuditError) -> Int32 {
    let profile = try Commands.profile(named: options.profile, policyFile: options.policyFile)
    let auditor = Auditor(reader: MountTableReader(source: options.source))
    let before = try auditor.audit(
      AuditRequest(target: options.before, host: options.host, profile: profile))
    let after = try auditor.audit(
      AuditRequest(target: options.after, host: options.host, profile: profile))
    let diff = AuditDiff(before, after)
    switch options.format {
    case .text: Output.write(AuditDiffTextReport(diff, usesColor: Output.usesColor).text)
    case .json: Output.write(AuditDiffJSONReport(diff).document)
    }
    ProcessLifetime.keep(diff)
    return diff.hasDifferences ? ExitStatus.findings : ExitStatus.clean
  }

  /// Whether the traced container still runs: a PID does; a snapshot's process does while
  /// its PID still has the snapshot's mount namespace; a saved table cannot say.
  private static func state(
    of origin: TableOrigin, _ loaded: LoadedTable
  ) -> PropagationTrace.ContainerState {
    if case .process = origin { return .running }
    guard let snapshot = loaded.snapshot, let namespace = snapshot.targetNamespace else {
      return .unknown
    }
    let pid = snapshot.summary.pid
    if (try? NamespaceIdentity.ofProcess(pid)) == namespace { return .running }
    return .gone(description: "the container's process (PID \(pid)) exited")
  }

  /// Reads a table and the identity of its mount namespace: a live process's, or the one a
  /// snapshot recorded; lines left out are named on stderr.
  private static func read(
    _ origin: TableOrigin, reader: MountTableReader
  ) throws(AuditError) -> LoadedTable {
    let loaded = try reader.load(origin)
    if reader.source == .statmount, let reason = loaded.table.fallbackReason {
      Output.error("\(origin): \(reason)")
    }
    for problem in loaded.table.problems {
      Output.error("\(origin): line \(problem.line): \(problem.problem)")
    }
    return loaded
  }
}
