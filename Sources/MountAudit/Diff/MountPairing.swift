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
  public init(_ before: MountTree, _ after: MountTree, by matching: MountMatching) {
    self.matching = matching
    afterIndex = Array(repeating: nil, count: before.entries.count)
    beforeIndex = Array(repeating: nil, count: after.entries.count)
    switch matching {
    case .mountID: pairByID(before.entries, after.entries)
    case .mountPoint:
      pairByMountPoint(before.entries, after.entries)
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

  /// Whether a recycled ID could be hiding a different mount: a mount keeps its
  /// filesystem, root and source when it moves, and its mount point otherwise.
  private static func isSameMount(_ first: MountEntry, _ second: MountEntry) -> Bool {
    if first.mountPoint == second.mountPoint { return true }
    return first.device == second.device && first.root == second.root
      && first.filesystemType == second.filesystemType && first.source == second.source
  }

  private mutating func pairByMountPoint(_ before: [MountEntry], _ after: [MountEntry]) {
    let beforeKeys = Self.stackKeys(before)
    let afterKeys = Self.stackKeys(after)
    var indexByKey: [StackKey: Int] = [:]
    indexByKey.reserveCapacity(after.count)
    for (index, key) in afterKeys.enumerated() { indexByKey[key] = index }
    for (index, key) in beforeKeys.enumerated() {
      guard let candidate = indexByKey[key] else { continue }
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
    var seen: [ByteString: Int] = [:]
    seen.reserveCapacity(entries.count)
    return entries.map { entry in
      let position = seen[entry.mountPoint, default: 0]
      seen[entry.mountPoint] = position + 1
      return StackKey(mountPoint: entry.mountPoint, position: position)
    }
  }
}
