import Testing

@testable import MountAudit

/// The parent/child structure of the mount tree, for the odd shapes real tables contain.
@Suite("MountTree")
struct MountTreeTests {
  /// A line for a tmpfs mount with the given IDs and mount point.
  static func mount(_ id: UInt32, _ parent: UInt32, _ mountPoint: String) -> String {
    "\(id) \(parent) 0:\(id % 1000) / \(mountPoint) rw - tmpfs tmpfs rw"
  }

  /// The mount IDs of `indices`.
  static func ids(_ tree: MountTree, _ indices: [Int]) -> [UInt32] {
    indices.map { tree.entries[$0].id }
  }

  /// Every step of a walk as (mount ID, depth).
  static func walk(_ tree: MountTree) -> [(id: UInt32, depth: Int)] {
    var steps: [(id: UInt32, depth: Int)] = []
    tree.walk { steps.append((tree.entries[$0.index].id, $0.depth)) }
    return steps
  }

  /// Checks that a walk visits every mount exactly once, each after its parent.
  static func expectWalkCoversEveryMountOnce(_ tree: MountTree) {
    var seen = [Int](repeating: 0, count: tree.entries.count)
    var position = [Int](repeating: -1, count: tree.entries.count)
    var order = 0
    tree.walk { step in
      seen[step.index] += 1
      position[step.index] = order
      order += 1
    }
    #expect(seen.allSatisfy { $0 == 1 })
    for (index, parent) in tree.parents.enumerated() {
      guard let parent else { continue }
      #expect(position[parent] < position[index])
    }
  }

  @Test("a plain table has one root and children in input order")
  func plainTable() throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/proc"), Self.mount(3, 1, "/dev"),
        Self.mount(4, 3, "/dev/pts"), Self.mount(5, 1, "/sys"),
      ].joined(separator: "\n"))

    #expect(Self.ids(tree, tree.roots) == [1])
    #expect(tree.children.map { Self.ids(tree, $0) } == [[2, 3, 5], [], [4], [], []])
    #expect(tree.parents == [nil, 0, 0, 2, 0])
    #expect(Self.walk(tree).map(\.id) == [1, 2, 3, 4, 5])
    #expect(Self.walk(tree).map(\.depth) == [0, 1, 1, 2, 1])
  }

  @Test("a root's parent may be outside the table, and there may be several roots")
  func rootsOutsideTable() throws {
    let tree = MountTree(
      try Fixtures.table("external/util-linux/findmnt/mountinfo-nonroot.mountinfo"))

    #expect(Self.ids(tree, tree.roots) == [15, 16, 17, 40, 41, 45, 47])
    #expect(tree.roots.allSatisfy { tree.entries[$0].parentID == 20 })
    #expect(Self.ids(tree, tree.children[tree.roots[0]]) == [35, 37])
    Self.expectWalkCoversEveryMountOnce(tree)
  }

  @Test("children listed before their parents are attached to them")
  func childrenBeforeParents() throws {
    let tree = try Tables.tree(
      [
        Self.mount(4, 3, "/dev/pts"), Self.mount(2, 1, "/proc"), Self.mount(3, 1, "/dev"),
        Self.mount(1, 0, "/"),
      ].joined(separator: "\n"))

    #expect(Self.ids(tree, tree.roots) == [1])
    #expect(Self.ids(tree, tree.children[3]) == [2, 3])
    #expect(Self.ids(tree, tree.children[2]) == [4])
    #expect(Self.walk(tree).map(\.id) == [1, 2, 3, 4])
    #expect(Self.walk(tree).map(\.depth) == [0, 1, 1, 2])
  }

  @Test("a systemd-nspawn table with IDs out of order builds as findmnt shows it")
  func messyTable() throws {
    let tree = MountTree(
      try Fixtures.table("external/util-linux/findmnt/mountinfo-messy.mountinfo"))
    let proc = try #require(tree.entries.firstIndex { $0.id == 231 })
    let procSys = try #require(tree.entries.firstIndex { $0.id == 232 })

    #expect(Self.ids(tree, tree.roots) == [220])
    #expect(Self.ids(tree, tree.children[proc]) == [232, 233, 106, 107])
    #expect(Self.ids(tree, tree.children[procSys]) == [105])
    #expect(Self.walk(tree).count == 29)
    #expect(Self.walk(tree).map(\.depth).max() == 3)
    Self.expectWalkCoversEveryMountOnce(tree)
  }

  @Test("with duplicate IDs the first line with the ID is the parent of its children")
  func duplicateIDs() throws {
    // The reader refuses a repeated ID; a table built otherwise may still hold one.
    let tree = MountTree(
      try Tables.tableKeepingRepeatedIDs(
        [
          Self.mount(1, 0, "/"), Self.mount(5, 1, "/a"), Self.mount(5, 1, "/b"),
          Self.mount(6, 5, "/a/c"),
        ].joined(separator: "\n")))

    #expect(tree.parents == [nil, 0, 0, 1])
    #expect(tree.children == [[1, 2], [3], [], []])
    #expect(Self.walk(tree).map(\.id) == [1, 5, 6, 5])
    Self.expectWalkCoversEveryMountOnce(tree)
  }

  @Test("a mount with ID 0 is the parent of mounts naming parent 0")
  func mountIDZero() throws {
    let tree = try Tables.tree(
      [Self.mount(7, 0, "/a"), Self.mount(0, 9, "/"), Self.mount(8, 0, "/b")]
        .joined(separator: "\n"))

    #expect(tree.parents == [1, nil, 1])
    #expect(Self.ids(tree, tree.roots) == [0])
    #expect(Self.walk(tree).map(\.id) == [0, 7, 8])
  }

  @Test("a parent ID 0 without a mount 0 makes a root")
  func parentZeroOutsideTable() throws {
    let tree = MountTree(try Fixtures.table("external/procfs/proc-26231.mountinfo"))

    #expect(Self.ids(tree, tree.roots) == [21, 1398, 1128])
    #expect(Self.ids(tree, tree.children[2]) == [16, 17, 194, 177])
    Self.expectWalkCoversEveryMountOnce(tree)
  }

  @Test("a mount that is its own parent is a root")
  func selfParent() throws {
    let tree = try Tables.tree(
      [Self.mount(1, 1, "/"), Self.mount(2, 1, "/a")].joined(separator: "\n"))

    #expect(tree.parents == [nil, 0])
    #expect(Self.walk(tree).map(\.id) == [1, 2])
  }

  @Test(
    "a parent cycle is broken at its first line and every mount is walked once",
    arguments: [
      // Two mounts naming each other.
      ([(2, 3, "/a"), (3, 2, "/a/b")], [2], [2, 3]),
      // Three mounts in a ring, listed out of ring order, with a mount hanging off it.
      (
        [(12, 11, "/x/y"), (10, 12, "/x"), (11, 10, "/x/y/z"), (13, 11, "/q")], [12],
        [12, 10, 11, 13]
      ),
      // A cycle next to a normal tree.
      ([(1, 0, "/"), (2, 1, "/a"), (5, 6, "/c"), (6, 5, "/c/d")], [1, 5], [1, 2, 5, 6]),
    ] as [([(UInt32, UInt32, String)], [UInt32], [UInt32])])
  func cycles(mounts: [(UInt32, UInt32, String)], roots: [UInt32], walk: [UInt32]) throws {
    let tree = try Tables.tree(
      mounts.map { Self.mount($0.0, $0.1, $0.2) }.joined(separator: "\n"))

    #expect(Self.ids(tree, tree.roots) == roots)
    #expect(Self.walk(tree).map(\.id) == walk)
    Self.expectWalkCoversEveryMountOnce(tree)
  }

  @Test("the walk marks the last sibling at each level for drawing")
  func lastAtLevel() throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/a"), Self.mount(3, 2, "/a/b"),
        Self.mount(4, 1, "/c"),
      ].joined(separator: "\n"))
    var marks: [[Bool]] = []
    tree.walk { marks.append($0.isLastAtLevel) }

    #expect(marks == [[true], [true, false], [true, false, true], [true, true]])
  }
}
