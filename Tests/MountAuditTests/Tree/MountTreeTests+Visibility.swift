import Testing

@testable import MountAudit

/// Which mounts processes can see: stacked mounts, shadowed subtrees and path lookups.
extension MountTreeTests {
  /// The IDs of the visible mounts, in input order.
  static func visibleIDs(_ tree: MountTree) -> [UInt32] {
    tree.visibleEntries.map(\.id)
  }

  @Test("of mounts stacked on one mount point only the top one is visible")
  func stackedMounts() throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/dev"), Self.mount(3, 2, "/dev/shm"),
        Self.mount(4, 3, "/dev/shm"), Self.mount(5, 4, "/dev/shm"),
      ].joined(separator: "\n"))

    #expect(tree.isVisible == [true, true, false, false, true])
    #expect(tree.visibleMount(at: "/dev/shm")?.id == 5)
    #expect(tree.visibleMount(containing: "/dev/shm/file")?.id == 5)
  }

  @Test("a mount stacked on the root hides the one below and keeps its own children")
  func stackedRoot() throws {
    let tree = try Tables.tree(
      [
        "1 1 0:1 / / rw - rootfs rootfs rw", Self.mount(20, 1, "/"), Self.mount(21, 20, "/proc"),
      ].joined(separator: "\n"))

    #expect(Self.visibleIDs(tree) == [20, 21])
    #expect(tree.visibleMount(at: "/")?.id == 20)
    #expect(tree.visibleMount(containing: "/proc/1")?.id == 21)
  }

  @Test(
    "mounts below a covered mount are hidden, whether listed before or after the cover",
    arguments: [
      [(1, 0, "/"), (2, 1, "/mnt"), (3, 2, "/mnt/sub"), (4, 2, "/mnt"), (6, 4, "/mnt/new")],
      [(1, 0, "/"), (2, 1, "/mnt"), (4, 2, "/mnt"), (3, 2, "/mnt/sub"), (6, 4, "/mnt/new")],
    ] as [[(UInt32, UInt32, String)]])
  func belowCoveredMount(mounts: [(UInt32, UInt32, String)]) throws {
    let tree = try Tables.tree(
      mounts.map { Self.mount($0.0, $0.1, $0.2) }.joined(separator: "\n"))

    #expect(Set(Self.visibleIDs(tree)) == [1, 4, 6])
    #expect(tree.visibleMount(at: "/mnt")?.id == 4)
    #expect(tree.visibleMount(at: "/mnt/sub") == nil)
    #expect(tree.visibleMount(containing: "/mnt/sub/file")?.id == 4)
    #expect(tree.visibleMount(at: "/mnt/new")?.id == 6)
  }

  @Test("mounts below a hidden mount are hidden too")
  func belowHiddenMount() throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/data"), Self.mount(3, 2, "/data/a"),
        Self.mount(4, 3, "/data/a/b"), Self.mount(5, 2, "/data"),
      ].joined(separator: "\n"))

    #expect(Self.visibleIDs(tree) == [1, 5])
    #expect(tree.visibleMount(at: "/data/a") == nil)
    #expect(tree.visibleMount(at: "/data/a/b") == nil)
    #expect(tree.visibleMount(containing: "/data/a/b/c")?.id == 5)
  }

  @Test("a later sibling mounted over an ancestor path hides an earlier sibling's subtree")
  func laterSiblingOverAncestor() throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/a/b"), Self.mount(3, 2, "/a/b/c"),
        Self.mount(4, 1, "/a"), Self.mount(5, 1, "/ab"),
      ].joined(separator: "\n"))

    #expect(Self.visibleIDs(tree) == [1, 4, 5])
    #expect(tree.visibleMount(at: "/a/b") == nil)
    #expect(tree.visibleMount(at: "/a/b/c") == nil)
    #expect(tree.visibleMount(containing: "/a/b/c/d")?.id == 4)
    #expect(tree.visibleMount(at: "/ab")?.id == 5)
  }

  /// Path lookup crosses into a mount at `/a` before it could reach a mount on the
  /// underlying `/a/b`, whichever was mounted first.
  @Test("a sibling below an earlier sibling's mount point is hidden")
  func siblingBelowEarlierSibling() throws {
    let tree = try Tables.tree(
      [Self.mount(1, 0, "/"), Self.mount(2, 1, "/a"), Self.mount(3, 1, "/a/b")]
        .joined(separator: "\n"))

    #expect(Self.visibleIDs(tree) == [1, 2])
    #expect(tree.visibleMount(containing: "/a/b/c")?.id == 2)
  }

  @Test("of two siblings on one mount point the later one is visible")
  func siblingsOnOneMountPoint() throws {
    let tree = MountTree(try Fixtures.table("external/procfs/proc-26231.mountinfo"))
    let older = try #require(tree.entries.firstIndex { $0.id == 194 })
    let newer = try #require(tree.entries.firstIndex { $0.id == 177 })

    #expect(!tree.isVisible[older])
    #expect(tree.isVisible[newer])
  }

  @Test("systemd's automount points are hidden under the filesystems mounted on them")
  func automountPoints() throws {
    let tree = MountTree(try Fixtures.table("external/util-linux/findmnt/mountinfo.mountinfo"))
    let hidden = tree.entries.indices.filter { !tree.isVisible[$0] }.map { tree.entries[$0].id }

    #expect(hidden == [33, 35, 36])
    #expect(tree.visibleMount(at: "/dev/hugepages")?.filesystemType == "hugetlbfs")
    #expect(tree.visibleMount(at: "/dev/mqueue")?.filesystemType == "mqueue")
    #expect(tree.visibleMount(at: "/proc/sys/fs/binfmt_misc")?.filesystemType == "binfmt_misc")
    #expect(tree.visibleEntries.count == 29)
  }

  /// systemd-nspawn bound boot_id on `/proc`, then bound `/proc/sys` read-only over itself
  /// with its submounts: the read-only copy is the one processes reach.
  @Test("the boot_id bind reached through /proc/sys is the visible one")
  func shadowedBootID() throws {
    let tree = MountTree(
      try Fixtures.table("external/util-linux/findmnt/mountinfo-messy.mountinfo"))
    let bootID = try #require(tree.visibleMount(at: "/proc/sys/kernel/random/boot_id"))

    #expect(bootID.id == 105)
    #expect(bootID.isReadOnly)
    let shadowed = try #require(tree.entries.firstIndex { $0.id == 106 })
    #expect(!tree.isVisible[shadowed])
    #expect(tree.visibleEntries.count == 28)
  }

  @Test("in a captured privileged container the top of each /dev stack is visible")
  func privilegedContainer() throws {
    let tree = MountTree(try Fixtures.table("runc/privileged/container.mountinfo"))
    let shm = try #require(tree.visibleMount(at: "/dev/shm"))
    let pts = try #require(tree.visibleMount(at: "/dev/pts"))

    #expect(shm.source == "shm")
    #expect(shm.mountOptions == ["rw", "nosuid", "nodev", "noexec", "relatime"])
    #expect(pts.superOptions == "rw,gid=5,mode=620,ptmxmode=666")
    #expect(tree.entries.filter { $0.mountPoint == "/dev/shm" }.count == 3)
    #expect(tree.visibleEntries.filter { $0.mountPoint == "/dev/shm" }.count == 1)
    #expect(tree.visibleEntries.filter { $0.mountPoint == "/dev/pts" }.count == 1)
  }

  @Test("roots are siblings: a later root on the same mount point covers an earlier one")
  func rootsAsSiblings() throws {
    let stacked = try Tables.tree(
      [Self.mount(5, 1, "/x"), Self.mount(6, 2, "/x"), Self.mount(7, 3, "/y")]
        .joined(separator: "\n"))
    #expect(Self.visibleIDs(stacked) == [6, 7])

    let btrfs = MountTree(
      try Fixtures.table("external/util-linux/libmount/mountinfo_btrfs.mountinfo"))
    #expect(btrfs.roots.count == 8)
    #expect(Self.visibleIDs(btrfs).filter { $0 >= 20 } == [20, 21, 22, 23, 24, 25])
  }

  // MARK: Lookups

  @Test(
    "visibleMount(containing:) finds the mount whose mount point is the longest prefix",
    arguments: [
      ("/", 1), ("/dev", 2), ("/dev/", 2), ("/dev/pts/0", 3), ("/devices", 1), ("/dev/ptsx", 2),
      ("/proc/self/mountinfo", 4), ("/proc-x", 1),
    ] as [(ByteString, UInt32)])
  func containingLookup(path: ByteString, id: UInt32) throws {
    let tree = try Tables.tree(
      [
        Self.mount(1, 0, "/"), Self.mount(2, 1, "/dev"), Self.mount(3, 2, "/dev/pts"),
        Self.mount(4, 1, "/proc"),
      ].joined(separator: "\n"))
    #expect(tree.visibleMount(containing: path)?.id == id)
  }

  @Test("lookups outside every mount find nothing")
  func lookupsWithoutMatch() throws {
    let tree = MountTree(
      try Fixtures.table("external/util-linux/findmnt/mountinfo-nonroot.mountinfo"))

    #expect(tree.visibleMount(at: "/") == nil)
    #expect(tree.visibleMount(containing: "/etc/passwd") == nil)
    #expect(tree.visibleMount(containing: "") == nil)
    #expect(tree.visibleMount(containing: "relative/path") == nil)
    #expect(tree.visibleMount(containing: "/sys/fs/cgroup/cpu/tasks")?.id == 25)
    #expect(tree.visibleMount(at: "/home/kzak/.gvfs")?.id == 44)
  }

  @Test("visible entries keep input order")
  func visibleEntriesOrder() throws {
    let tree = try Tables.tree(
      [
        Self.mount(9, 1, "/b"), Self.mount(1, 0, "/"), Self.mount(3, 1, "/a"),
        Self.mount(4, 1, "/a"),
      ].joined(separator: "\n"))
    #expect(Self.visibleIDs(tree) == [9, 1, 4])
  }
}
