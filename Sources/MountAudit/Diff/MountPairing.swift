/// Which mount of one table is which mount of the other: indices into each tree's
/// entries, matched one to one.
public struct MountPairing: Sendable {
  /// How the mounts were matched.
  public let matching: MountMatching
  /// For each mount of the first table, the index of its match in the second, if any.
  public var afterIndex: [Int?]
  /// For each mount of the second table, the index of its match in the first, if any.
  public var beforeIndex: [Int?]

  /// Matches the mounts of `before` and `after` the way `matching` says.
  ///
  /// `normalizedMountPoints`, when a normalization rewrote them, pair the mounts that the
  /// mount points as read leave unpaired: read names first, so that normalizing many mount
  /// points to one name (every container's `.../<id>/rootfs`) cannot pair unrelated mounts.
  public init(
    _ before: MountTree, _ after: MountTree, by matching: MountMatching,
    normalizedMountPoints: (before: [ByteString], after: [ByteString])? = nil
  ) {
    self.matching = matching
    afterIndex = Array(repeating: nil, count: before.entries.count)
    beforeIndex = Array(repeating: nil, count: after.entries.count)
    switch matching {
    case .mountID: pairByID(before.entries, after.entries)
    case .mountPoint:
      pairByMountPoint(before.entries.map(\.mountPoint), after.entries.map(\.mountPoint))
      if let normalizedMountPoints {
        pairByMountPoint(normalizedMountPoints.before, normalizedMountPoints.after)
      }
      pairMoves(before.entries, after.entries)
    }
  }

  private mutating func pairByID(_ before: [MountEntry], _ after: [MountEntry]) {
    // Duplicate IDs (only in damaged tables) pair up in input order.
    var indicesByID: [UInt32: [Int]] = [:]
    indicesByID.reserveCapacity(after.count)
    for (index, entry) in after.enumerated() { indicesByID[entry.id, default: []].append(index) }
    for (index, entry) in before.enumerated() {
      guard let candidates = indicesByID[entry.id],
        let candidate = candidates.first(where: {
          beforeIndex[$0] == nil && Self.isSameMount(entry, after[$0])
        })
      else { continue }
      afterIndex[index] = candidate
      beforeIndex[candidate] = index
    }
  }

  /// Whether two mounts with one ID are one mount: a mount keeps its filesystem (type and
  /// device) for life, and its root and source when it moves. A moved mount of a
  /// pseudo-filesystem with an anonymous device and a generic source (`tmpfs` from
  /// `tmpfs`) cannot be told from a new one, since the kernel recycles both the ID and the
  /// device: that counts as a removal and an addition.
  private static func isSameMount(_ first: MountEntry, _ second: MountEntry) -> Bool {
    guard first.device == second.device, first.filesystemType == second.filesystemType else {
      return false
    }
    if first.mountPoint == second.mountPoint { return true }
    guard first.root == second.root, first.source == second.source else { return false }
    let isGeneric =
      first.device.major == 0
      && (first.source.isEmpty || first.source == "none"
        || first.source.bytes == Array(first.filesystemType.utf8)
        || first.filesystemType.hasPrefix(first.source.lossyText))
    return !isGeneric
  }

  /// Pairs the mounts not paired yet by mount point and position in the stack of the
  /// unpaired mounts there.
  private mutating func pairByMountPoint(_ before: [ByteString], _ after: [ByteString]) {
    let beforeKeys = Self.stackKeys(before, including: afterIndex.map { $0 == nil })
    let afterKeys = Self.stackKeys(after, including: beforeIndex.map { $0 == nil })
    var indexByKey: [StackKey: Int] = [:]
    indexByKey.reserveCapacity(after.count)
    for (index, key) in afterKeys.enumerated() {
      if let key { indexByKey[key] = index }
    }
    for (index, key) in beforeKeys.enumerated() {
      guard let key, let candidate = indexByKey[key] else { continue }
      afterIndex[index] = candidate
      beforeIndex[candidate] = index
    }
  }

  /// Pairs a mount left over on each side that keeps its ID, filesystem, root and source
  /// at another mount point: a move, in a table read twice without its namespace's identity.
  private mutating func pairMoves(_ before: [MountEntry], _ after: [MountEntry]) {
    var leftoversByID: [UInt32: [Int]] = [:]
    for (index, entry) in after.enumerated() where beforeIndex[index] == nil {
      leftoversByID[entry.id, default: []].append(index)
    }
    guard !leftoversByID.isEmpty else { return }
    for (index, entry) in before.enumerated() where afterIndex[index] == nil {
      guard let candidates = leftoversByID[entry.id],
        let candidate = candidates.first(where: {
          beforeIndex[$0] == nil && Self.isSameMount(entry, after[$0])
        })
      else { continue }
      afterIndex[index] = candidate
      beforeIndex[candidate] = index
    }
  }

  /// A mount point and a position in the stack of mounts on it (0 for the first one the
  /// table lists there).
  struct StackKey: Hashable {
    var mountPoint: ByteString
    var position: Int
  }

  /// Each mount's stack key, in input order.
  static func stackKeys(_ entries: [MountEntry]) -> [StackKey] {
    stackKeys(entries.map(\.mountPoint), including: nil).map { $0! }
  }

  /// The stack key of each mount point that `including` selects (all when `nil`), counting
  /// positions among the selected ones only.
  private static func stackKeys(
    _ mountPoints: [ByteString], including: [Bool]?
  ) -> [StackKey?] {
    var seen: [ByteString: Int] = [:]
    seen.reserveCapacity(mountPoints.count)
    return mountPoints.enumerated().map { index, mountPoint in
      if let including, !including[index] { return nil }
      let position = seen[mountPoint, default: 0]
      seen[mountPoint] = position + 1
      return StackKey(mountPoint: mountPoint, position: position)
    }
  }
}
