/// The mounts of a table arranged as the kernel sees them: parents, children, and which
/// mounts processes can see.
///
/// Built in linear time (plus a sort per group of siblings) from an index of mount IDs,
/// never by rescanning the table per mount. Odd shapes that real tables contain are
/// handled: roots whose parent is outside the table, children listed before parents,
/// mounts stacked on one mount point, duplicate IDs (the first line with an ID is the
/// parent of its children), a mount with ID 0, and parent cycles (broken at the mount that
/// comes first in the input, which becomes a root).
public struct MountTree: Sendable {
  /// The table the tree was built from.
  public let table: MountTable
  /// Indices into `entries` of the mounts without a parent in the table, in input order.
  public let roots: [Int]
  /// For each mount, the indices of its children in input order.
  public let children: [[Int]]
  /// For each mount, the index of its parent, or `nil` for a root.
  public let parents: [Int?]
  /// For each mount, whether processes in the namespace can see it: it is not hidden
  /// under a mount stacked on top of it (or on one of its ancestors' mount points).
  public let isVisible: [Bool]
  /// The visible mount at each mount point, made when first asked for: rules look up a few
  /// paths, while `tree` and `diff` need none.
  let visibleByMountPoint: VisibleMountIndex
  /// The visible mounts in input order, worked out once: every rule walks them.
  public let visibleEntries: [MountEntry]

  /// The mounts in input order.
  public var entries: [MountEntry] { table.entries }

  /// Builds the tree of `table`.
  public init(_ table: MountTable) {
    self.table = table
    let entries = table.entries
    var firstIndexByID: [UInt32: Int] = [:]
    firstIndexByID.reserveCapacity(entries.count)
    for (index, entry) in entries.enumerated() where firstIndexByID[entry.id] == nil {
      firstIndexByID[entry.id] = index
    }
    var parents: [Int?] = entries.indices.map { index in
      guard let parent = firstIndexByID[entries[index].parentID], parent != index else {
        return nil
      }
      return parent
    }
    Self.breakCycles(in: &parents, count: entries.count)
    var children = [[Int]](repeating: [], count: entries.count)
    var roots: [Int] = []
    for index in entries.indices {
      if let parent = parents[index] {
        children[parent].append(index)
      } else {
        roots.append(index)
      }
    }
    self.parents = parents
    self.children = children
    self.roots = roots
    let visible = Self.visibility(entries: entries, roots: roots, children: children)
    self.isVisible = visible
    self.visibleByMountPoint = VisibleMountIndex()
    self.visibleEntries = entries.indices.filter { visible[$0] }.map { entries[$0] }
  }

  /// The mount processes see at exactly `mountPoint`, if one is mounted there.
  public func visibleMount(at mountPoint: ByteString) -> MountEntry? {
    visibleIndex()[mountPoint].map { entries[$0] }
  }

  /// The visible mount that serves `path`: the one whose mount point is the longest
  /// prefix of it.
  public func visibleMount(containing path: ByteString) -> MountEntry? {
    let index = visibleIndex()
    var candidate = path
    while true {
      if let found = index[candidate] { return entries[found] }
      guard let slash = candidate.bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
      if slash == 0 {
        if candidate.bytes.count == 1 { return nil }
        candidate = "/"
      } else {
        candidate = ByteString(Array(candidate.bytes[..<slash]))
      }
    }
  }

  /// Makes the first mount of every parent cycle a root, so that every walk up ends.
  private static func breakCycles(in parents: inout [Int?], count: Int) {
    // 0 unvisited, 1 on the current walk, 2 known to reach a root.
    var state = [UInt8](repeating: 0, count: count)
    for start in 0..<count where state[start] == 0 {
      var walk: [Int] = []
      var current: Int? = start
      while let index = current, state[index] == 0 {
        state[index] = 1
        walk.append(index)
        current = parents[index]
      }
      if let index = current, state[index] == 1 {
        // The walk closed a cycle: every walk member from `index` on is in it.
        let cycle = walk[walk.firstIndex(of: index)!...]
        parents[cycle.min()!] = nil
      }
      for index in walk { state[index] = 2 }
    }
  }
}
