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
