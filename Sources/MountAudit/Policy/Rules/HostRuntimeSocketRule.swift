/// `host.runtime-socket`: a container runtime's API socket is exposed in the container.
///
/// Whoever can talk to the Docker, containerd, CRI-O, podman or BuildKit API can start a
/// privileged container with the host's `/` mounted: a one-step escape, with no bug needed.
/// A mount is reported when
/// - its mount point is named like a runtime socket (`docker.sock`, `containerd.sock`,
///   `containerd.sock.ttrpc`, `crio.sock`, `podman.sock`, `buildkitd.sock`,
///   `cri-dockerd.sock`, `dockershim.sock`), whatever its host side is called; or
/// - one of its host paths (`AuditContext.hostPaths(of:)`, with `/var/run` read as `/run`)
///   is such a file, so that a socket bound in under an innocent name is caught; or lies at
///   or below `/run/containerd/s/` (containerd's shim sockets); or is exactly a directory
///   that holds runtime sockets: `/run`, `/run/docker`, `/run/containerd`, `/run/crio`,
///   `/run/podman` or `/run/user/<uid>`; or
/// - one of its host paths is a socket the policy's `runtimeSockets` names, or a directory
///   above one (compared component by component, with `/var/run` read as `/run` and also
///   as written: host `/srv` holds `/srv/api/dockerd.sock`, host `/srv/api2` does not).
///
/// - Default severity: error.
/// - Exceptions: the container's own root filesystem, whose host side is its bundle.
/// - Blind spots: a socket under another name in another directory (a custom
///   `dockerd -H unix:///srv/api.sock`) is not recognised, nor a directory other than the
///   ones above that happens to hold a socket; a TCP API endpoint is out of reach of a
///   mount table (name such a socket in the policy's `runtimeSockets`). Without a host
///   table only the mount point's name is judged, never the policy's sockets. The
///   directory check is exact: a subdirectory such as `/run/docker/plugins` is left to
///   `host.bind`.
struct HostRuntimeSocketRule: Rule {
  let metadata = RuleMetadata(
    id: "host.runtime-socket", severity: .error,
    summary: "a container runtime's API socket is exposed",
    explanation: """
      Fires for a visible mount whose mount point is named like a runtime API socket (docker.sock, \
      containerd.sock, containerd.sock.ttrpc, crio.sock, podman.sock, buildkitd.sock, \
      cri-dockerd.sock, dockershim.sock), or whose host-side path, worked out from the host's \
      table, is such a socket under any name, lies under /run/containerd/s/ (containerd's shim \
      sockets), or is one of the directories that hold them: /run, /run/docker, /run/containerd, \
      /run/crio, /run/podman or /run/user/UID (/var/run counts as /run). The container's own root \
      filesystem and null-device masks are not reported.
      """,
    rationale: """
      Whoever can talk to a runtime's API can ask it for a new privileged container with the \
      host's / mounted, and so has root on the host, with no kernel or runtime bug needed. A \
      directory of sockets gives the sockets in it, and a socket bound in under an innocent name \
      is still the socket.
      """,
    remediation: "Remove the socket mount. A workload that must drive a runtime should go "
      + "through an authorising proxy that allows only the calls it needs.",
    references: [
      "CIS Docker Benchmark: Ensure that the Docker socket is not mounted inside any containers"
    ],
    blindSpots: [
      """
      A socket of another name in another directory (dockerd -H unix:///srv/api.sock) is not \
      recognised, nor an unlisted directory that holds one; a subdirectory such as \
      /run/docker/plugins is only a host.bind note.
      """,
      "A runtime API served over TCP is out of reach of a mount table.",
      "Without a host table only the mount point's name is judged.",
    ])

  /// A runtime socket, or a directory of them, reached through a mount.
  struct Exposure: Hashable, Sendable {
    /// The host path that matched, or the resolver's host-side path when only the mount
    /// point's name did; `nil` when the mount has no known host side.
    var hostPath: ByteString?
    /// What the path is, for messages: `docker API socket`.
    var kind: String
  }

  /// What each socket file name is.
  static let socketKinds: [ByteString: String] = [
    "docker.sock": "docker API socket",
    "containerd.sock": "containerd API socket",
    "containerd.sock.ttrpc": "containerd ttrpc socket",
    "crio.sock": "cri-o API socket",
    "podman.sock": "podman API socket",
    "buildkitd.sock": "buildkit API socket",
    "cri-dockerd.sock": "cri-dockerd API socket",
    "dockershim.sock": "dockershim API socket",
  ]

  /// The host directories that hold runtime sockets, besides `/run/user/<uid>`.
  static let socketDirectories: Set<ByteString> = [
    "/run", "/run/docker", "/run/containerd", "/run/crio", "/run/podman",
  ]

  func check(_ context: AuditContext) -> [Finding] {
    return context.visibleMounts.compactMap { mount in
      guard let exposure = Self.exposure(of: mount, in: context) else { return nil }
      let message: String
      if let path = exposure.hostPath {
        message = "'\(mount.mountPoint)' exposes the host's '\(path)' (\(exposure.kind))"
      } else {
        message =
          "'\(mount.mountPoint)' is named like the \(exposure.kind); its host side is unknown"
      }
      return finding(message, mount: mount, in: context)
    }
  }

  /// The runtime socket `mount` exposes, if any.
  static func exposure(of mount: MountEntry, in context: AuditContext) -> Exposure? {
    // The container's null device bound at a socket path is a mask, not a socket.
    guard !ExpectedHostMounts.isContainerRoot(mount), !context.isNullDevice(mount) else {
      return nil
    }
    if let exposure = context.hostSideVerdict(of: mount).socket { return exposure }
    if let kind = socketKind(named: mount.mountPoint) {
      return Exposure(hostPath: context.hostPaths(of: mount).first, kind: kind)
    }
    return nil
  }

  /// The kind of socket `path`'s last component names, if it is one of `socketKinds`.
  private static func socketKind(named path: ByteString) -> String? {
    // Every name ends in `.sock` or `.sock.ttrpc`, so most paths are ruled out before their
    // last component is copied out and looked up.
    let bytes = path.bytes
    guard
      bytes.suffix(5).elementsEqual(".sock".utf8)
        || bytes.suffix(11).elementsEqual(".sock.ttrpc".utf8)
    else { return nil }
    return socketKinds[path.lastComponent]
  }

  /// The first of a mount's host paths that is a runtime socket (built in or the
  /// profile's) or a directory of them; `HostSideVerdict` keeps it per filesystem and root.
  static func exposure(amongHostPaths paths: [ByteString], profile: Profile) -> Exposure? {
    for path in paths {
      let canonical = path.withoutDeletedMarker.canonicalHostPath
      if let kind = kind(ofHostPath: canonical)
        ?? kind(ofHostPath: canonical, policySockets: profile.runtimeSockets)
      {
        return Exposure(hostPath: path, kind: kind)
      }
    }
    return nil
  }

  /// What a canonical host path is, if it is a runtime socket or a directory of them.
  private static func kind(ofHostPath path: ByteString) -> String? {
    if let kind = socketKind(named: path) { return kind }
    if path.isAtOrBelow(containerdShimSockets) { return "containerd shim socket" }
    if socketDirectories.contains(path) || isUserRuntimeDirectory(path) {
      return "directory of runtime sockets"
    }
    return nil
  }

  /// What a canonical host path is, if it is one of the policy's sockets or a directory
  /// above one.
  private static func kind(ofHostPath path: ByteString, policySockets: [ByteString])
    -> String?
  {
    if let socket = policySockets.first(where: { $0.canonicalHostPath == path }) {
      return "runtime socket '\(socket)' of the policy"
    }
    if let socket = policySockets.first(where: { path.holds($0) }) {
      return "directory holding the runtime socket '\(socket)' of the policy"
    }
    return nil
  }

  /// Whether `path` is `/run/user/<uid>`, where rootless runtimes keep their sockets.
  private static func isUserRuntimeDirectory(_ path: ByteString) -> Bool {
    // Checked on the bytes, without splitting: this runs for every host path of every mount.
    let prefix = userRuntimeDirectoryPrefix
    guard path.bytes.count > prefix.count, path.bytes.starts(with: prefix) else { return false }
    var uid = path.bytes[prefix.count...]
    if uid.last == UInt8(ascii: "/") { uid = uid.dropLast() }
    return !uid.isEmpty && uid.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  private static let userRuntimeDirectoryPrefix = Array("/run/user/".utf8)
  private static let containerdShimSockets: ByteString = "/run/containerd/s"
}
