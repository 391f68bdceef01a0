import Testing

@testable import MountAudit

/// A generated table of 100,000 mounts: wide sibling groups, children listed before their
/// parents, and a chain of 10,000 mounts stacked on one mount point.
extension MountTreeTests {
  static let directoryCount = 2_093
  static let leavesPerDirectory = 42
  static let chainLength = 10_000
  static let chainBase: UInt32 = 1_000_000

  static func directoryID(_ directory: Int) -> UInt32 { UInt32(2 + directory) }

  static func leafID(_ directory: Int, _ leaf: Int) -> UInt32 {
    UInt32(100_000 + directory * leavesPerDirectory + leaf)
  }

  /// Leaves first, then their directories, then the root, then the stacked chain.
  static func largeTable() -> [UInt8] {
    var text = ""
    text.reserveCapacity(8 << 20)
    for directory in 0..<directoryCount {
      for leaf in 0..<leavesPerDirectory {
        text += "\(leafID(directory, leaf)) \(directoryID(directory)) 0:\(leaf) / "
        text += "/m/d\(directory)/e\(leaf) rw,nosuid - tmpfs tmpfs rw\n"
      }
    }
    for directory in 0..<directoryCount {
      text +=
        "\(directoryID(directory)) 1 0:1 /d\(directory) /m/d\(directory) rw - ext4 /dev/a rw\n"
    }
    text += "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
    for link in 0..<UInt32(chainLength) {
      let parent = link == 0 ? 1 : chainBase + link - 1
      text += "\(chainBase + link) \(parent) 0:2 / /stack rw shared:\(link) - tmpfs t rw\n"
    }
    return Array(text.utf8)
  }

  @Test("a 100,000-mount table builds, with a 10,000-deep stack walked without recursion")
  func largeTree() throws {
    let tree = try Tables.tree(bytes: Self.largeTable())
    let mountCount = 100_000
    let root = Self.directoryCount * Self.leavesPerDirectory + Self.directoryCount

    #expect(tree.entries.count == mountCount)
    #expect(tree.table.problems == [])
    #expect(tree.roots == [root])
    #expect(tree.entries[root].id == 1)
    #expect(tree.children[root].count == Self.directoryCount + 1)
    let directories = tree.children[root].dropLast()
    #expect(directories.allSatisfy { tree.children[$0].count == Self.leavesPerDirectory })
    #expect(tree.children[root].last.map { tree.entries[$0].id } == Self.chainBase)

    var visits = [UInt8](repeating: 0, count: mountCount)
    var deepest = (depth: 0, id: UInt32(0))
    tree.walk { step in
      visits[step.index] += 1
      if step.depth > deepest.depth { deepest = (step.depth, tree.entries[step.index].id) }
    }
    #expect(visits.allSatisfy { $0 == 1 })
    #expect(deepest.depth == Self.chainLength)
    #expect(deepest.id == Self.chainBase + UInt32(Self.chainLength - 1))

    let leafCount = Self.directoryCount * Self.leavesPerDirectory
    #expect(tree.isVisible.filter { $0 }.count == 1 + Self.directoryCount + leafCount + 1)
    #expect(tree.visibleMount(at: "/stack")?.id == Self.chainBase + UInt32(Self.chainLength - 1))
    #expect(tree.visibleMount(containing: "/m/d7/e3/file")?.id == Self.leafID(7, 3))
    #expect(tree.visibleMount(containing: "/m/d2092")?.id == Self.directoryID(2_092))
  }

  /// Each mount point is one component below its parent's (paths grow to 4 KB).
  @Test("a chain of 2,000 nested mount points is visible down to its bottom")
  func deepNesting() throws {
    let depth: UInt32 = 2_000
    var text = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
    var mountPoint = ""
    for link in 0..<depth {
      mountPoint += "/n"
      text += "\(link + 2) \(link + 1) 0:\(link % 256) / \(mountPoint) rw - tmpfs tmpfs rw\n"
    }
    let tree = try Tables.tree(bytes: Array(text.utf8))

    var depths: [Int] = []
    tree.walk { depths.append($0.depth) }
    #expect(depths == Array(0...Int(depth)))
    #expect(tree.isVisible.allSatisfy { $0 })
    #expect(tree.visibleMount(containing: ByteString(mountPoint + "/file"))?.id == depth + 1)
  }
}
