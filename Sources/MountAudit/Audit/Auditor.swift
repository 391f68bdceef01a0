/// Runs an audit from start to end: reads the target and the host reference, builds the
/// trees, and evaluates the policy.
public struct Auditor: Sendable {
  /// The reader for every table.
  public var reader: MountTableReader
  /// The policy engine.
  public var engine: PolicyEngine

  /// Creates an auditor.
  public init(reader: MountTableReader = MountTableReader(), engine: PolicyEngine = PolicyEngine())
  {
    self.reader = reader
    self.engine = engine
  }

  /// How long a read of a live table may take before the report says it was slow.
  static let slowRead = 1.0

  /// Audits the request's target; throws only when the audit cannot run.
  public func audit(_ request: AuditRequest) throws(AuditError) -> AuditReport {
    evaluate(try gather(request), profile: request.profile)
  }

  /// Reads what an audit of the request judges: from `/proc` for a PID, from the file or
  /// snapshot otherwise. A snapshot brings its own host reference unless the request names
  /// one.
  ///
  /// `probing` lists the masked and read-only paths whose existence a live audit checks on
  /// the kernel (the request's profile's by default; a snapshot probes every profile's).
  public func gather(
    _ request: AuditRequest, probing: [ByteString]? = nil
  ) throws(AuditError) -> AuditInputs {
    guard case .process(let pid) = request.target else {
      let loaded = try reader.load(request.target)
      if let snapshot = loaded.snapshot, request.host == .automatic {
        let inputs = try snapshot.auditInputs(reader: reader, origin: request.target)
        try Self.requireIntact(inputs.hostTable)
        return inputs
      }
      let host = try hostReference(for: request)
      let hostTable = try host.origin.map { origin throws(AuditError) in
        try reader.load(origin).table
      }
      try Self.requireIntact(hostTable)
      // A snapshot keeps its target's namespaces when another host is named.
      return AuditInputs(
        target: loaded.table, targetNamespace: loaded.snapshot?.targetNamespace,
        targetNetworkNamespace: loaded.snapshot?.targetNetworkNamespace, host: host,
        hostTable: hostTable, snapshot: loaded.snapshot?.summary)
    }

    // Everything read of the target (namespace links, table) is read while it is pinned.
    let handle = try ProcessHandle(pid: pid)
    var targetNamespace: NamespaceIdentity?
    var targetNetworkNamespace: NamespaceIdentity?
    var notes: [String] = []
    let target = try handle.reading { () throws(AuditError) in
      do throws(AuditError) {
        targetNamespace = try NamespaceIdentity.ofProcess(pid)
      } catch .cannotRead(_, let errno) where errno == 2 {
        throw .noSuchProcess(pid: pid)
      } catch {
        notes.append(
          "the mount namespace of PID \(pid) is unreadable (\(error.reason)); "
            + "namespace.host was not checked")
      }
      do throws(AuditError) {
        targetNetworkNamespace = try NamespaceIdentity.ofProcess(pid, kind: .network)
      } catch {
        notes.append(
          "the network namespace of PID \(pid) is unreadable (\(error.reason)); whether it "
            + "is the host's was not checked")
      }
      let start = SystemCall.monotonicSeconds()
      let table = try reader.read(request.target)
      let elapsed = SystemCall.monotonicSeconds() - start
      if reader.source == .statmount, let reason = table.fallbackReason { notes.append(reason) }
      if let note = Self.slowReadNote(seconds: elapsed, of: request.target, table: table) {
        notes.append(note)
      }
      return table
    }

    var host = try hostReference(for: request)
    host.notes.insert(contentsOf: notes, at: 0)
    let hostTable = try host.origin.map { origin throws(AuditError) in
      try hostReader.load(origin).table
    }
    try Self.requireIntact(hostTable)
    return AuditInputs(
      target: target, targetNamespace: targetNamespace,
      targetNetworkNamespace: targetNetworkNamespace, host: host, hostTable: hostTable,
      kernelPaths: KernelPaths.probe(probing ?? request.profile.kernelPathsToProbe))
  }

  /// The reader of host tables: the target's, but always from mountinfo. The host
  /// reference is often PID 1, whose namespace link some hosts hide even from root (which
  /// statmount needs), and a host is not the slave namespace whose mountinfo is slow.
  var hostReader: MountTableReader {
    var hostReader = reader
    hostReader.source = .mountinfo
    return hostReader
  }

  /// The note for a live read of `table` that took at least `slowRead` seconds, else
  /// `nil`. It suggests statmount only where statmount could have given the table.
  static func slowReadNote(seconds: Double, of target: TableOrigin, table: MountTable) -> String? {
    guard seconds >= slowRead else { return nil }
    let rounded = (seconds * 10).rounded() / 10
    let statmount = table.isFromStatmount
    let what =
      statmount ? "reading the mounts of \(target) with statmount" : "reading \(target.path)"
    let advice =
      statmount || table.fallbackReason != nil
      ? "" : ", and --source statmount may read it faster as root"
    return "\(what) took \(rounded) s (the kernel lists a slave of a large peer group "
      + "slowly)\(advice); --timeout bounds a run"
  }

  /// Judges gathered inputs against the baseline as `profile` adjusts it.
  public func evaluate(_ inputs: AuditInputs, profile: Profile) -> AuditReport {
    var namespaces: NamespacePair?
    if let target = inputs.targetNamespace, let host = inputs.host.namespace {
      namespaces = NamespacePair(
        target: target, host: host, hostDescription: inputs.host.namespacePath ?? "host")
    }
    var networkNamespaces: NamespacePair?
    if let target = inputs.targetNetworkNamespace, let host = inputs.host.networkNamespace {
      networkNamespaces = NamespacePair(
        target: target, host: host,
        hostDescription: inputs.host.networkNamespacePath ?? "host")
    }
    let context = AuditContext(
      target: MountTree(inputs.target), host: inputs.hostTable.map(MountTree.init),
      namespaces: namespaces, networkNamespaces: networkNamespaces,
      kernelPaths: inputs.kernelPaths, profile: profile)
    let outcome = engine.evaluate(context)
    var report = AuditReport(
      target: inputs.target.origin, targetNamespace: inputs.targetNamespace,
      mountCount: inputs.target.entries.count, host: inputs.host, profile: profile,
      skipped: outcome.skipped, findings: outcome.findings, snapshot: inputs.snapshot,
      excepted: outcome.excepted)
    report.targetTree = context.target
    return report
  }

  /// Refuses a host table with lines that could not be read: host-side paths through the
  /// mounts on them are unknown, so leaks through them (a socket, host `/`) would pass
  /// unreported, and a report that cannot see them must not look complete.
  static func requireIntact(_ table: MountTable?) throws(AuditError) {
    guard let table, let first = table.problems.first else { return }
    throw .damagedHostTable(input: table.origin.description, first: first)
  }

  /// Chooses the host table and namespace, falling back where the system refuses.
  private func hostReference(for request: AuditRequest) throws(AuditError) -> HostReference {
    switch request.host {
    case .file(let path):
      return HostReference(origin: .file(path: path))
    case .process(let pid):
      var reference = HostReference(origin: .process(pid: pid))
      do {
        reference.namespace = try ProcessHandle(pid: pid).reading {
          () throws(AuditError) -> NamespaceIdentity in
          do throws(AuditError) {
            return try NamespaceIdentity.ofProcess(pid)
          } catch .cannotRead(_, let errno) where errno == 2 {
            throw .noSuchProcess(pid: pid)
          }
        }
        reference.namespacePath = "/proc/\(pid)/ns/mnt"
      } catch .noSuchProcess(let pid) {
        throw .noSuchProcess(pid: pid)
      } catch .processExited(let pid) {
        throw .processExited(pid: pid)
      } catch {
        reference.notes.append(
          "/proc/\(pid)/ns/mnt is unreadable (\(error.reason)); namespace.host was not checked")
      }
      let networkLink = NamespaceKind.network.linkPath(of: pid)
      do {
        reference.networkNamespace = try NamespaceIdentity.ofProcess(pid, kind: .network)
        reference.networkNamespacePath = networkLink
      } catch {
        reference.notes.append(
          "\(networkLink) is unreadable (\(error.reason)); whether the target shares the "
            + "host's network namespace was not checked")
      }
      return reference
    case .automatic:
      guard case .process = request.target else { return HostReference(origin: nil) }
      return automaticHost()
    }
  }

  /// PID 1 where readable; otherwise the auditor's own table and namespaces, said in the
  /// notes.
  private func automaticHost() -> HostReference {
    var reference = HostReference(origin: .process(pid: 1))
    if !SystemCall.isReadable(TableOrigin.process(pid: 1).path) {
      reference.origin = .process(pid: Int32(SystemCall.ownPID))
      reference.notes.append(
        "/proc/1/mountinfo is unreadable; the host table is mountaudit's own "
          + "(/proc/self/mountinfo)")
    }
    (reference.namespace, reference.namespacePath) = Self.automaticHostNamespace(
      .mount, called: "the host namespace", notes: &reference.notes)
    (reference.networkNamespace, reference.networkNamespacePath) =
      Self.automaticHostNamespace(
        .network, called: "the host network namespace", notes: &reference.notes)
    return reference
  }

  /// PID 1's namespace of `kind` and its link where readable; otherwise the auditor's own,
  /// with a note naming the fallback (`called` is how the note names the namespace).
  private static func automaticHostNamespace(
    _ kind: NamespaceKind, called: String, notes: inout [String]
  ) -> (NamespaceIdentity?, String) {
    do {
      return (try NamespaceIdentity.ofProcess(1, kind: kind), kind.linkPath(of: 1))
    } catch {
      let own = kind.linkPath(of: nil)
      notes.append(
        "\(kind.linkPath(of: 1)) is unreadable (\(error.reason)); \(called) is mountaudit's "
          + "own (\(own))")
      return (try? NamespaceIdentity.ofProcess(nil, kind: kind), own)
    }
  }
}
