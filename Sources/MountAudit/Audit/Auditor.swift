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

  /// Audits the request's target; throws only when the audit cannot run.
  public func audit(_ request: AuditRequest) throws(AuditError) -> AuditReport {
    var targetNamespace: NamespaceIdentity?
    var notes: [String] = []
    if case .process(let pid) = request.target {
      do {
        targetNamespace = try NamespaceIdentity.ofProcess(pid)
      } catch .cannotRead(_, let errno) where errno == 2 {
        throw .noSuchProcess(pid: pid)
      } catch {
        notes.append(
          "the mount namespace of PID \(pid) is unreadable (\(error.reason)); "
            + "namespace.host was not checked")
      }
    }

    let target = try reader.read(request.target)
    var host = try hostReference(for: request)
    host.notes.insert(contentsOf: notes, at: 0)
    let hostTable = try host.origin.map { origin throws(AuditError) in try reader.read(origin) }

    var namespaces: NamespacePair?
    if let targetNamespace, let hostNamespace = host.namespace {
      namespaces = NamespacePair(
        target: targetNamespace, host: hostNamespace,
        hostDescription: host.namespacePath ?? "host")
    }
    let isLive = if case .process = request.target { true } else { false }
    let context = AuditContext(
      target: MountTree(target), host: hostTable.map(MountTree.init),
      namespaces: namespaces,
      kernelPaths: isLive ? KernelPaths.probe(request.profile.kernelPathsToProbe) : nil,
      profile: request.profile)
    let outcome = engine.evaluate(context)
    return AuditReport(
      target: request.target, targetNamespace: targetNamespace,
      mountCount: target.entries.count, host: host, profile: request.profile,
      skipped: outcome.skipped, findings: outcome.findings)
  }

  /// Chooses the host table and namespace, falling back where the system refuses.
  private func hostReference(for request: AuditRequest) throws(AuditError) -> HostReference {
    switch request.host {
    case .file(let path):
      return HostReference(origin: .file(path: path))
    case .process(let pid):
      var reference = HostReference(origin: .process(pid: pid))
      do {
        reference.namespace = try NamespaceIdentity.ofProcess(pid)
        reference.namespacePath = "/proc/\(pid)/ns/mnt"
      } catch .cannotRead(_, let errno) where errno == 2 {
        throw .noSuchProcess(pid: pid)
      } catch {
        reference.notes.append(
          "/proc/\(pid)/ns/mnt is unreadable (\(error.reason)); namespace.host was not checked")
      }
      return reference
    case .automatic:
      guard case .process = request.target else { return HostReference(origin: nil) }
      return automaticHost()
    }
  }

  /// PID 1 where readable; otherwise the auditor's own namespace, said in the notes.
  private func automaticHost() -> HostReference {
    var reference = HostReference(origin: .process(pid: 1))
    if !SystemCall.isReadable(TableOrigin.process(pid: 1).path) {
      reference.origin = .process(pid: Int32(SystemCall.ownPID))
      reference.notes.append(
        "/proc/1/mountinfo is unreadable; the host table is mountaudit's own "
          + "(/proc/self/mountinfo)")
    }
    do {
      reference.namespace = try NamespaceIdentity.ofProcess(1)
      reference.namespacePath = "/proc/1/ns/mnt"
    } catch {
      reference.namespace = try? NamespaceIdentity.ofProcess(nil)
      reference.namespacePath = "/proc/self/ns/mnt"
      reference.notes.append(
        "/proc/1/ns/mnt is unreadable (\(error.reason)); the host namespace is mountaudit's own "
          + "(/proc/self/ns/mnt)")
    }
    return reference
  }
}
