extension MountTree {
  /// Works out which mounts are visible.
  ///
  /// A mount is covered when a mount is stacked on it (a child at the same mount point),
  /// and overmounted when a sibling listed after it sits at its mount point, or any sibling
  /// sits above it (path lookup enters that sibling first, whichever was mounted first).
  /// Roots count as siblings of each other, but only a later root overmounts: their real
  /// parents are not in the table. A mount is reachable when it is not overmounted and its
  /// parent is reachable and, unless the mount is the one stacked on the parent, not
  /// covered. Visible means reachable and not covered.
  static func visibility(entries: [MountEntry], roots: [Int], children: [[Int]]) -> [Bool] {
    var overmounted = [Bool](repeating: false, count: entries.count)
    var covered = [Bool](repeating: false, count: entries.count)
    markHiddenSiblings(roots, entries: entries, areRoots: true, hidden: &overmounted)
    for (parent, group) in children.enumerated() {
      markHiddenSiblings(group, entries: entries, hidden: &overmounted)
      for child in group where entries[child].mountPoint == entries[parent].mountPoint {
        covered[parent] = true
      }
    }

    var visible = [Bool](repeating: false, count: entries.count)
    var pending = roots.filter { !overmounted[$0] }
    while let index = pending.popLast() {
      visible[index] = !covered[index]
      for child in children[index] where !overmounted[child] {
        let isStacked = entries[child].mountPoint == entries[index].mountPoint
        if isStacked || !covered[index] { pending.append(child) }
      }
    }
    return visible
  }

  /// Marks each mount of a sibling group that another sibling hides: a later one at the
  /// same mount point, or one at a path above it (among roots, only a later one).
  private static func markHiddenSiblings(
    _ group: [Int], entries: [MountEntry], areRoots: Bool = false, hidden: inout [Bool]
  ) {
    guard group.count > 1 else { return }
    var lastAtMountPoint: [ByteString: Int] = [:]
    lastAtMountPoint.reserveCapacity(group.count)
    var shortest = Int.max
    var lengths = PathLengths([ByteString]())
    // Groups list their mounts in table order, so a repeated mount point hides the one
    // before it.
    for index in group {
      let mountPoint = entries[index].mountPoint
      if let earlier = lastAtMountPoint.updateValue(index, forKey: mountPoint) {
        hidden[earlier] = true
      }
      shortest = min(shortest, mountPoint.bytes.count)
      lengths.insert(mountPoint)
    }
    // Then each mount is hidden by a later sibling on a directory above it (or, among
    // siblings that are not roots, by any sibling there).
    for index in group where !hidden[index] {
      let path = entries[index].mountPoint
      var ancestors = path.ancestorLengths
      var length = ancestors.next()
      // A path shorter than every sibling's mount point covers nothing: stop there rather
      // than walking up to `/` (siblings usually share a long prefix, their parent's).
      while let current = length, current >= shortest {
        if lengths.contains(current), let cover = lastAtMountPoint[path.prefix(length: current)],
          cover > index || !areRoots
        {
          hidden[index] = true
          break
        }
        length = ancestors.next()
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
