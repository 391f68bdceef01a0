extension MountTree {
  /// One step of a depth-first walk: a mount, its depth, and whether it is the last of its
  /// siblings at each level from the top (for drawing tree lines).
  public struct WalkStep {
    /// The mount's index in `entries`.
    public var index: Int
    /// 0 for a root.
    public var depth: Int
    /// For each level from the top down to this mount, whether the mount on the path at
    /// that level is the last among its siblings.
    public var isLastAtLevel: [Bool]
  }

  /// Visits every mount depth first, parents before children, siblings in input order.
  ///
  /// Iterative, so a table of any depth cannot overflow the stack; the path of
  /// `isLastAtLevel` flags is shared between steps and grows and shrinks with the walk, so a
  /// step costs the same at any depth (a chain of 100,000 stacked mounts stays linear).
  public func walk(_ visit: (WalkStep) -> Void) {
    var isLastAtLevel: [Bool] = []
    // Each frame: the sibling list being walked and the position of the next sibling.
    var frames: [(siblings: [Int], next: Int)] = [(roots, 0)]
    while let frame = frames.last {
      guard frame.next < frame.siblings.count else {
        frames.removeLast()
        if !isLastAtLevel.isEmpty { isLastAtLevel.removeLast() }
        continue
      }
      let index = frame.siblings[frame.next]
      frames[frames.count - 1].next += 1
      let depth = frames.count - 1
      isLastAtLevel.removeSubrange(depth...)
      isLastAtLevel.append(frame.next == frame.siblings.count - 1)
      visit(WalkStep(index: index, depth: depth, isLastAtLevel: isLastAtLevel))
      if !children[index].isEmpty { frames.append((children[index], 0)) }
    }
  }
}
