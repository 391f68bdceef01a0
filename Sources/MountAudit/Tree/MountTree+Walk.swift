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
  /// Iterative, so a table of any depth cannot overflow the stack.
  public func walk(_ visit: (WalkStep) -> Void) {
    var pending: [WalkStep] = roots.reversed().enumerated().map { offset, index in
      WalkStep(index: index, depth: 0, isLastAtLevel: [offset == 0])
    }
    while let step = pending.popLast() {
      visit(step)
      let group = children[step.index]
      for (offset, child) in group.enumerated().reversed() {
        pending.append(
          WalkStep(
            index: child, depth: step.depth + 1,
            isLastAtLevel: step.isLastAtLevel + [offset == group.count - 1]))
      }
    }
  }
}
