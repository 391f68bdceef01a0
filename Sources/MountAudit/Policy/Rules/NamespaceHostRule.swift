/// `namespace.host`: the target is in the host's mount namespace.
///
/// Checks the identity of `/proc/<pid>/ns/mnt` against the host reference's (PID 1, or the
/// auditor's own namespace where PID 1's link is unreadable). A process in the host's mount
/// namespace is not isolated at all: every other rule would be judging the host's table.
///
/// - Default severity: error.
/// - Exceptions: none.
/// - Blind spots: needs a live PID; offline tables carry no namespace identity, so the rule
///   is listed as skipped. When the auditor itself runs inside a container and falls back to
///   its own namespace, "host" means the auditor's namespace.
struct NamespaceHostRule: Rule {
  let metadata = RuleMetadata(
    id: "namespace.host", severity: .error,
    summary: "the target is in the host's mount namespace",
    explanation: """
      Compares the target's mount namespace (the /proc/PID/ns/mnt link) with the host reference's: \
      PID 1's, or mountaudit's own where PID 1's link is unreadable (the report then says so). It \
      fires when the two are the same namespace. A snapshot records both identities, so an audit \
      of a snapshot runs this check too.
      """,
    rationale: """
      A process in the host's mount namespace is not contained as far as files go: it sees every \
      host mount, and every mount or unmount it makes happens on the host. Every other rule then \
      judges the host's own table, and their findings say little about isolation.
      """,
    remediation: "Run the workload in its own mount namespace (CLONE_NEWNS), as every OCI "
      + "runtime does by default.",
    references: [
      "OCI runtime spec: Linux container configuration, namespaces (mount)"
    ],
    blindSpots: [
      """
      A plain mountinfo file carries no namespace identity, so the rule is skipped for files \
      (not for snapshots).
      """,
      """
      The host is the namespace of PID 1, or of mountaudit itself where PID 1's link is \
      unreadable: run from inside a container, mountaudit compares with that container, not with \
      the real host.
      """,
    ],
    requirements: [.liveNamespace])

  func check(_ context: AuditContext) -> [Finding] {
    guard let namespaces = context.namespaces, namespaces.isShared else { return [] }
    let root = context.target.visibleMount(at: "/")
    let message =
      "mount namespace \(namespaces.target) is the host's (\(namespaces.hostDescription))"
    if let root { return [finding(message, mount: root, in: context)] }
    return [finding(message, path: nil)]
  }
}
