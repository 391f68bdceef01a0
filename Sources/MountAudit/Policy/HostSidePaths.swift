/// Every host path through which the host reaches a target mount's files, for the rules that
/// judge mounts by where they come from (`host.runtime-socket`, `host.sensitive-path`,
/// `host.bind`).
///
/// `AuditContext.hostPath(of:)` gives one host-side path: through the host mount whose root
/// is the longest prefix of the target's root. That hides where the files really live when
/// the host itself has a bind of them: kubelet mounts a pod's `subPath` at
/// `/var/lib/kubelet/pods/<uid>/volume-subpaths/...` with the resolved directory as its
/// root, so a subPath that followed a symlink to `/etc` (CVE-2017-1002101) resolves to the
/// innocent-looking subpath mount. Judging every visible host mount of the same filesystem
/// whose root contains the target's root also finds `/etc` through the host's `/`.
struct HostSidePaths {
  private let context: AuditContext
  private let hostMountsByDevice: [DeviceNumber: [MountEntry]]

  /// Indexes the visible host mounts of `context` by filesystem.
  init(_ context: AuditContext) {
    self.context = context
    var byDevice: [DeviceNumber: [MountEntry]] = [:]
    for entry in context.host?.visibleEntries ?? [] {
      byDevice[entry.device, default: []].append(entry)
    }
    hostMountsByDevice = byDevice
  }

  /// The host paths of `mount`'s files: the resolver's host-side path first, then every
  /// other one, without repeats; empty when the host does not have the filesystem mounted.
  func paths(of mount: MountEntry) -> [ByteString] {
    guard let primary = context.hostPath(of: mount) else { return [] }
    var paths = [primary]
    for hostMount in hostMountsByDevice[mount.device] ?? []
    where mount.root.isAtOrBelow(hostMount.root) {
      let rest = mount.root.remainder(below: hostMount.root)
      let path = hostMount.mountPoint.appending(remainder: rest)
      if !paths.contains(path) { paths.append(path) }
    }
    return paths
  }
}

extension ByteString {
  /// The path with the host's aliases folded onto one spelling, for comparing with the
  /// policy's path lists: `/var/run` is `/run`, and `/lib/modules` is `/usr/lib/modules`
  /// (Debian's merged `/usr` makes them one directory; on other hosts they are still the
  /// same kind of content).
  var canonicalHostPath: ByteString {
    let aliases: [(alias: ByteString, canonical: ByteString)] = [
      ("/var/run", "/run"), ("/lib/modules", "/usr/lib/modules"),
    ]
    for (alias, canonical) in aliases where isAtOrBelow(alias) {
      return canonical.appending(remainder: remainder(below: alias))
    }
    return self
  }
}
