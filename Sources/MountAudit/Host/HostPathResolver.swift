/// Works out where a target mount's files live in the host's tree.
///
/// For a target mount whose filesystem (major:minor) the host also has mounted, the host
/// side is the visible host mount of that device whose root is the longest prefix of the
/// target's root (ties: lowest mount ID), joined with the rest of the target's root. That
/// is the host directory a bind mount exposes, whatever it is called in the container.
///
/// Host mounts are indexed by device and root, so a lookup walks up the target's root one
/// component at a time instead of scanning every host mount of the device: a node with
/// thousands of binds from one disk stays linear.
public struct HostPathResolver: Sendable {
  private struct Key: Hashable {
    var device: DeviceNumber
    var root: ByteString
  }

  /// What one device and root resolve to: the first host mount and path, and every distinct
  /// host path.
  struct Resolution: Sendable {
    var first: (hostMount: MountEntry, path: ByteString)?
    var paths: [ByteString]
  }

  private let mountsByKey: [Key: [MountEntry]]
  /// The lengths of the host mounts' roots: only a directory of one of these lengths can be
  /// a host mount's root.
  private let rootLengths: PathLengths

  /// Indexes the visible mounts of the host's tree.
  public init(host: MountTree) {
    var index: [Key: [MountEntry]] = [:]
    for entry in host.visibleEntries {
      index[Key(device: entry.device, root: entry.root), default: []].append(entry)
    }
    for (key, entries) in index where entries.count > 1 {
      index[key] = entries.sorted { $0.id < $1.id }
    }
    mountsByKey = index
    rootLengths = PathLengths(index.keys.lazy.map(\.root))
  }

  /// The host mount that exposes `entry`'s filesystem root, and the host-side path.
  public func resolve(_ entry: MountEntry) -> (hostMount: MountEntry, path: ByteString)? {
    var found: (MountEntry, ByteString)?
    visitCandidates(of: entry) { candidate, path in
      found = (candidate, path)
      return false
    }
    return found
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
    return resolution(of: entry).paths
  }

  /// Everything `resolve` and `hostPaths` answer about `entry`, in one walk.
  func resolution(of entry: MountEntry) -> Resolution {
    var resolution = Resolution(first: nil, paths: [])
    // A host may mount one filesystem thousands of times (a peer group of binds): the
    // repeats are found with a set, not by scanning the paths found so far.
    var seen: Set<ByteString> = []
    visitCandidates(of: entry) { candidate, path in
      if resolution.first == nil { resolution.first = (candidate, path) }
      if seen.insert(path).inserted { resolution.paths.append(path) }
      return true
    }
    return resolution
  }

  /// Calls `visit` with each host mount of `entry`'s device whose root contains the
  /// entry's root, longest root first (ties by mount ID), until `visit` returns false.
  private func visitCandidates(
    of entry: MountEntry, _ visit: (MountEntry, ByteString) -> Bool
  ) {
    let root = entry.root
    var ancestors = root.ancestorLengths
    var length: Int? = root.bytes.count
    while let current = length {
      length = ancestors.next()
      guard rootLengths.contains(current) else { continue }
      let prefix = root.prefix(length: current)
      for candidate in mountsByKey[Key(device: entry.device, root: prefix)] ?? [] {
        let rest = root.remainder(below: prefix)
        if !visit(candidate, candidate.mountPoint.appending(remainder: rest)) { return }
      }
    }
  }
}
