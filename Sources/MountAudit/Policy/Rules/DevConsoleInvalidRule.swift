/// `dev.console-invalid`: `/dev/console` is bound from anything but a pty of the
/// container's devpts.
///
/// With a terminal, runtimes bind the container's console pty (a node `/<n>` of the devpts
/// at `/dev/pts`) to `/dev/console`. A bind of anything else is the host's console from a
/// devtmpfs, or, as in CVE-2025-52565, whatever the container made the runtime's target
/// resolve to: a procfs file such as `core_pattern`, left writable at `/dev/console`.
///
/// - Default severity: error.
/// - Exceptions: nothing mounted at `/dev/console` (a container without a terminal) is not
///   reported.
/// - Blind spots: a pty of the right devpts is accepted by its name; whether it is the
///   console the runtime allocated is not visible in mountinfo.
struct DevConsoleInvalidRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.console-invalid", severity: .error,
    summary: "/dev/console is bound from anything but a pty of the container's devpts",
    explanation: """
      When something is mounted at /dev/console, it must be a pty (root /N) of the devpts mounted \
      at the container's /dev/pts, with the same device number. Anything else fires: the host's \
      console from a devtmpfs, a host pty, a procfs file, a file of the image. Nothing at \
      /dev/console (a container without a terminal) is fine.
      """,
    rationale: """
      With a terminal, runtimes bind the container's console pty to /dev/console. Anything else \
      there is the host's console, or whatever the container tricked the runtime into binding: in \
      CVE-2025-52565 a container redirected runc's /dev/console bind so that a procfs file such as \
      /proc/sys/kernel/core_pattern was left writable at /dev/console, a way to run a program as \
      root on the host.
      """,
    remediation: "Upgrade the runtime to a release fixed for CVE-2025-52565 and recreate the "
      + "container; never bind the host's /dev/console.",
    references: [
      "OCI runtime spec: Linux container configuration, default devices",
      "CVE-2025-52565",
    ],
    blindSpots: [
      """
      A pty of the right devpts is accepted by its name; whether it is the console the runtime \
      allocated is not visible.
      """
    ])

  func check(_ context: AuditContext) -> [Finding] {
    guard let console = context.target.visibleMount(at: "/dev/console") else { return [] }
    let devpts = context.target.visibleMount(at: "/dev/pts")
      .flatMap { $0.filesystemType == "devpts" ? $0.device : nil }
    if console.filesystemType == "devpts", console.device == devpts,
      Self.isPty(console.root)
    {
      return []
    }
    let expected =
      devpts.map { "a pty of the container's devpts (\($0))" }
      ?? "a pty of the container's devpts (none is mounted at /dev/pts)"
    let message =
      "'/dev/console' is bound from \(console.filesystemType) '\(console.root)' "
      + "(\(console.device)), not \(expected)"
    return [finding(message, mount: console, in: context)]
  }

  /// Whether a devpts root names a pty: `/` followed by decimal digits.
  static func isPty(_ root: ByteString) -> Bool {
    let digits = root.bytes.dropFirst()
    return root.bytes.first == UInt8(ascii: "/") && !digits.isEmpty
      && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }
}
