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
    remediation: "Run the workload in its own mount namespace (CLONE_NEWNS), as every OCI "
      + "runtime does by default.",
    references: ["OCI runtime spec: Linux container configuration, namespaces (mount)"],
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
