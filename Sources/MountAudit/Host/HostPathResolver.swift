/// Works out where a target mount's files live in the host's tree.
///
/// For a target mount whose filesystem (major:minor) the host also has mounted, the host
/// side is the visible host mount of that device whose root is the longest prefix of the
/// target's root (ties: lowest mount ID), joined with the rest of the target's root. That
/// is the host directory a bind mount exposes, whatever it is called in the container.
public struct HostPathResolver: Sendable {
  private let candidatesByDevice: [DeviceNumber: [MountEntry]]

  /// Indexes the visible mounts of the host's tree.
  public init(host: MountTree) {
    var byDevice: [DeviceNumber: [MountEntry]] = [:]
    for entry in host.visibleEntries {
      byDevice[entry.device, default: []].append(entry)
    }
    for (device, entries) in byDevice {
      byDevice[device] = entries.sorted {
        ($0.root.bytes.count, $1.id) > ($1.root.bytes.count, $0.id)
      }
    }
    candidatesByDevice = byDevice
  }

  /// Every host path through which the host reaches `entry`'s files: the host-side path of
  /// `resolve` first, then those through the other visible host mounts of the filesystem
  /// whose roots contain the entry's root, without repeats.
  ///
  /// One host-side path can hide where the files really live when the host itself has a
  /// bind of them: kubelet mounts a pod's `subPath` at `.../volume-subpaths/...` with the
  /// resolved directory as its root, so a subPath that followed a symlink to `/etc`
  /// (CVE-2017-1002101) resolves to the subpath mount, and only the host's `/` shows `/etc`.
  public func hostPaths(of entry: MountEntry) -> [ByteString] {
    var paths: [ByteString] = []
    for candidate in candidatesByDevice[entry.device] ?? []
    where entry.root.isAtOrBelow(candidate.root) {
      let path = candidate.mountPoint.appending(
        remainder: entry.root.remainder(below: candidate.root))
      if !paths.contains(path) { paths.append(path) }
    }
    return paths
  }

  /// The host mount that exposes `entry`'s filesystem root, and the host-side path.
  public func resolve(_ entry: MountEntry) -> (hostMount: MountEntry, path: ByteString)? {
    guard let candidates = candidatesByDevice[entry.device] else { return nil }
    for candidate in candidates where entry.root.isAtOrBelow(candidate.root) {
      let rest = entry.root.remainder(below: candidate.root)
      return (candidate, candidate.mountPoint.appending(remainder: rest))
    }
    return nil
  }
}
