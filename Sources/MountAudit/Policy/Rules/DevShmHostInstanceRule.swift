/// `dev.shm-host-instance`: the container's `/dev/shm` is the host's `/dev/shm`.
///
/// POSIX shared memory and semaphores live in `/dev/shm`. Sharing the host's instance
/// (what `--ipc=host` does) lets the container read and write the shared memory of host
/// processes and leave files that outlive it.
///
/// - Default severity: warning.
/// - Exceptions: none; a `/dev/shm` shared deliberately between the containers of a pod,
///   or the tmpfs Docker and podman mount for the container in their state directory, is a
///   different superblock from the host's and is not reported.
/// - Blind spots: needs the host's table; without it the rule is skipped. Only the
///   host's visible `/dev/shm` is the reference, and only the container's visible
///   `/dev/shm` is judged; the host's `/dev/shm` bound elsewhere is `host.bind`'s.
///   System V shared memory belongs to the IPC namespace and is not seen in mountinfo.
struct DevShmHostInstanceRule: Rule {
  let metadata = RuleMetadata(
    id: "dev.shm-host-instance", severity: .warning,
    summary: "/dev/shm is the host's /dev/shm superblock",
    explanation: """
      Fires when the visible mount at the container's /dev/shm has the device number of the host's \
      visible /dev/shm: the same tmpfs. A /dev/shm shared on purpose between the containers of a \
      pod, or the tmpfs Docker and podman mount for the container in their state directory, is \
      another superblock and is not reported.
      """,
    rationale: """
      POSIX shared memory and semaphores live in /dev/shm. Sharing the host's, which --ipc=host \
      brings, lets the container read and change the shared memory of host processes and leave \
      files that outlive it.
      """,
    remediation: "Do not share the host's IPC namespace or bind the host's /dev/shm; let the "
      + "runtime mount a private tmpfs at /dev/shm.",
    references: [
      "OCI runtime spec: Linux container configuration, namespaces (ipc)",
      "CIS Docker Benchmark: Ensure that the host's IPC namespace is not shared",
    ],
    blindSpots: [
      "Needs the host's table; without it the rule is skipped.",
      """
      Only the container's visible /dev/shm is compared, with the host's visible /dev/shm; the \
      host's /dev/shm bound elsewhere is a host.bind note.
      """,
      "System V shared memory belongs to the IPC namespace and does not show in mountinfo.",
    ],
    requirements: [.hostTable])

  func check(_ context: AuditContext) -> [Finding] {
    guard let hostShm = context.host?.visibleMount(at: "/dev/shm"),
      let shm = context.target.visibleMount(at: "/dev/shm"),
      shm.device == hostShm.device
    else { return [] }
    let message =
      "\(shm.filesystemType) at '/dev/shm' is the host's /dev/shm "
      + "(\(shm.device), root '\(shm.root)')"
    return [finding(message, mount: shm, in: context)]
  }
}
