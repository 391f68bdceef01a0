import Synchronization

/// The index of a tree's visible mounts by mount point, built on first use and kept.
final class VisibleMountIndex: Sendable {
  private let index = Mutex<[ByteString: Int]?>(nil)

  /// The index, built from `tree` the first time it is asked for.
  func get(for tree: MountTree) -> [ByteString: Int] {
    index.withLock { index in
      if let index { return index }
      var built: [ByteString: Int] = [:]
      built.reserveCapacity(tree.visibleEntries.count)
      for position in tree.entries.indices where tree.isVisible[position] {
        built[tree.entries[position].mountPoint] = position
      }
      index = built
      return built
    }
  }
}

extension MountTree {
  /// The position in `entries` of the visible mount at each mount point.
  func visibleIndex() -> [ByteString: Int] {
    visibleByMountPoint.get(for: self)
  }
}
