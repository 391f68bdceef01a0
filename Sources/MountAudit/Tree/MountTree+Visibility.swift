extension MountTree {
  /// Works out which mounts are visible.
  ///
  /// A mount is hidden when a mount is stacked on it (a child at the same mount point), or
  /// when a sibling listed after it sits at its mount point or above it (mounted later over
  /// that path). A mount is visible when it is not hidden and its parent is visible. Roots
  /// count as siblings of each other.
  static func visibility(entries: [MountEntry], roots: [Int], children: [[Int]]) -> [Bool] {
    var hidden = [Bool](repeating: false, count: entries.count)
    markHiddenSiblings(roots, entries: entries, hidden: &hidden)
    for (parent, group) in children.enumerated() {
      markHiddenSiblings(group, entries: entries, hidden: &hidden)
      for child in group where entries[child].mountPoint == entries[parent].mountPoint {
        hidden[parent] = true
      }
    }

    var visible = [Bool](repeating: false, count: entries.count)
    var pending = roots
    while let index = pending.popLast() {
      visible[index] = !hidden[index]
      guard visible[index] else { continue }
      pending.append(contentsOf: children[index])
    }
    return visible
  }

  /// Marks each mount of a sibling group that a later sibling covers.
  private static func markHiddenSiblings(
    _ group: [Int], entries: [MountEntry], hidden: inout [Bool]
  ) {
    guard group.count > 1 else { return }
    var lastAtMountPoint: [ByteString: Int] = [:]
    lastAtMountPoint.reserveCapacity(group.count)
    for index in group { lastAtMountPoint[entries[index].mountPoint] = index }
    for index in group {
      var path = entries[index].mountPoint
      while true {
        if let cover = lastAtMountPoint[path], cover > index {
          hidden[index] = true
          break
        }
        guard let parentPath = path.parentPath else { break }
        path = parentPath
      }
    }
  }
}

extension ByteString {
  /// The path one component up (`/a` for `/a/b`, `/` for `/a`), or `nil` for `/` and for
  /// strings that are not absolute paths.
  var parentPath: ByteString? {
    guard bytes.count > 1, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else {
      return nil
    }
    return slash == 0 ? "/" : ByteString(Array(bytes[..<slash]))
  }
}
