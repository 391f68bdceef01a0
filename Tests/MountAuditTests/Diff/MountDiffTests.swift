import Testing

@testable import MountAudit

@Suite("MountDiff")
struct MountDiffTests {
  private func diff(
    _ before: String, _ after: String, matching: MatchingChoice = .automatic,
    ignoring: Set<DiffField> = []
  ) throws -> MountDiff {
    let first = try Tables.tree(before)
    let second = try Tables.tree(after)
    return MountDiff(
      first, second, matching: MountDiff.matching(for: matching, first, second),
      ignoring: ignoring)
  }

  @Test("a move keeps the mount ID and is reported as a mount point change")
  func move() throws {
    let result = try diff(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      47 20 0:38 / /mnt/sounds rw - cifs //host/bar rw
      """,
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      47 20 0:38 / /mnt/music rw - cifs //host/bar rw
      """)
    #expect(result.matching == .mountPoint)
    #expect(result.changes.count == 1)
    let change = try #require(result.changes.first)
    #expect(change.kind == .changed)
    #expect(
      change.fields == [FieldChange(field: .mountPoint, old: "/mnt/sounds", new: "/mnt/music")])
  }

  @Test("a recycled mount ID naming another mount is a removal and an addition")
  func recycledID() throws {
    let result = try diff(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      47 20 0:38 / /a rw - tmpfs tmpfs rw
      """,
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      47 20 0:39 / /b rw - tmpfs tmpfs rw
      """)
    #expect(result.changes.map(\.kind) == [.removed, .added])
    #expect(result.changes.map(\.entry.mountPoint) == ["/a", "/b"])
  }

  @Test("options are compared as sets: which were added and which removed")
  func optionSets() throws {
    let result = try diff(
      "20 1 8:1 / / rw,noatime,nosuid - ext4 /dev/sda1 rw,errors=remount-ro",
      "20 1 8:1 / / nosuid,ro,noatime - ext4 /dev/sda1 ro,errors=remount-ro")
    let fields = try #require(result.changes.first).fields
    #expect(fields.map(\.field) == [.options, .superOptions])
    #expect(fields[0].added == ["ro"])
    #expect(fields[0].removed == ["rw"])
    #expect(fields[1].old == "rw,errors=remount-ro")
    #expect(fields[1].new == "ro,errors=remount-ro")
  }

  @Test("two starts of one container with other IDs, peer groups and devices diff as equal")
  func renumberedTablesAreEqual() throws {
    let result = try diff(
      """
      700 650 0:60 / / rw - overlay overlay rw
      701 700 0:64 / /proc rw - proc proc rw
      702 701 0:64 /bus /proc/bus ro - proc proc rw
      703 700 8:1 /srv/a /a rw shared:5 - ext4 /dev/sda1 rw
      704 700 8:1 /srv/b /b rw shared:5 - ext4 /dev/sda1 rw
      705 700 8:1 /srv/c /c rw master:9 - ext4 /dev/sda1 rw
      """,
      """
      900 850 0:71 / / rw - overlay overlay rw
      901 900 0:75 / /proc rw - proc proc rw
      902 901 0:75 /bus /proc/bus ro - proc proc rw
      903 900 8:1 /srv/a /a rw shared:44 - ext4 /dev/sda1 rw
      904 900 8:1 /srv/b /b rw shared:44 - ext4 /dev/sda1 rw
      905 900 8:1 /srv/c /c rw master:3 - ext4 /dev/sda1 rw
      """)
    #expect(result.matching == .mountPoint)
    #expect(result.changes.isEmpty)
    #expect(result.unchangedCount == 6)
  }

  @Test("a peer group that splits is a propagation change naming the lost peer")
  func peerGroupSplit() throws {
    let result = try diff(
      """
      700 650 0:60 / / rw - overlay overlay rw
      703 700 8:1 /srv/a /a rw shared:5 - ext4 /dev/sda1 rw
      704 700 8:1 /srv/b /b rw shared:5 - ext4 /dev/sda1 rw
      """,
      """
      900 850 0:71 / / rw - overlay overlay rw
      903 900 8:1 /srv/a /a rw shared:44 - ext4 /dev/sda1 rw
      904 900 8:1 /srv/b /b rw shared:45 - ext4 /dev/sda1 rw
      """)
    #expect(result.changes.map(\.entry.mountPoint) == ["/a", "/b"])
    let field = try #require(result.changes.first?.fields.first)
    #expect(field.field == .propagation)
    #expect(field.old == "shared:5")
    #expect(field.new == "shared:44")
    #expect(field.detail == "no longer peers with '/b'")
  }

  @Test("a mount that became a slave, and one whose filesystem changed, are reported")
  func propagationKindAndDevice() throws {
    let result = try diff(
      """
      700 650 0:60 / / rw - overlay overlay rw
      701 700 0:64 / /proc rw - proc proc rw
      702 701 0:64 /bus /proc/bus ro - proc proc rw
      """,
      """
      900 850 0:71 / / rw master:1 - overlay overlay rw
      901 900 0:75 / /proc rw - proc proc rw
      902 901 0:76 /bus /proc/bus ro - proc proc rw
      """)
    #expect(result.changes.map(\.entry.mountPoint) == ["/", "/proc", "/proc/bus"])
    #expect(
      result.changes[0].fields == [
        FieldChange(
          field: .propagation, old: "private", new: "master:1",
          detail: "receives from a peer group outside the table")
      ])
    #expect(result.changes[1].fields.map(\.field) == [.device])
    #expect(result.changes[1].fields[0].detail == "no longer on the same filesystem as '/proc/bus'")
  }

  @Test("within one namespace, one ID on another filesystem is a new mount, not a change")
  func newFilesystemWithinOneNamespace() throws {
    let first = try Tables.tree(
      """
      68 46 8:1 /rootfs / ro - ext4 /dev/vda rw
      69 68 0:41 / /proc rw - proc proc rw
      """)
    let second = try Tables.tree(
      """
      68 46 8:1 /rootfs / ro - ext4 /dev/vda rw
      69 68 0:22 / /proc rw - proc proc rw
      """)
    #expect(MountDiff(first, second, matching: .mountPoint).changes.isEmpty)
    let result = MountDiff(first, second, matching: .mountID)
    #expect(result.changes.map(\.kind) == [.removed, .added])
    #expect(result.changes.map(\.entry.mountPoint) == ["/proc", "/proc"])
  }

  @Test("a tmpfs unmounted and another mounted elsewhere is no move, though ID and device recur")
  func genericRemountIsNoMove() throws {
    let result = try diff(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      45 20 0:50 / /tmp rw - tmpfs tmpfs rw
      """,
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      45 20 0:50 / /etc rw - tmpfs tmpfs rw
      """)
    #expect(result.changes.map(\.kind) == [.added, .removed])
    #expect(result.changes.map(\.entry.mountPoint) == ["/etc", "/tmp"])
  }

  @Test("normalized mount points pair only the mounts the read names leave unpaired")
  func normalizedPairing() throws {
    let first = try Tables.table(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      30 20 0:30 / /run/c/aaaa/rootfs rw - overlay overlay rw
      31 20 0:31 / /run/c/bbbb/rootfs rw - overlay overlay rw
      """)
    let second = try Tables.table(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      31 20 0:31 / /run/c/bbbb/rootfs rw - overlay overlay rw
      32 20 0:32 / /run/c/cccc/rootfs ro - overlay overlay rw
      """)
    let normalization = try TableNormalization(parsing: #"s/\/c\/[a-z]+/\/c\/ID/"#)
    let result = MountDiff(
      MountTree(first), MountTree(second), matching: .mountPoint, normalization: normalization)
    #expect(result.changes.count == 1)
    #expect(result.changes.first?.before?.id == 30)
    #expect(result.changes.first?.after?.id == 32)
    #expect(result.changes.first?.fields.map(\.field) == [.options])
  }

  @Test("ignored fields are left out of the comparison")
  func ignoredFields() throws {
    let result = try diff(
      "20 1 8:1 / / rw - ext4 /dev/sda1 rw",
      "20 1 8:1 / / ro - ext4 /dev/sdb1 rw", ignoring: [.options, .source])
    #expect(result.changes.isEmpty)
  }

  @Test("mounts stacked on one mount point are matched by their position in the stack")
  func stackedMounts() throws {
    let result = try diff(
      """
      700 650 0:60 / / rw - overlay overlay rw
      701 700 0:20 / /dev/pts rw - devpts devpts rw
      702 701 0:21 / /dev/pts rw - devpts devpts rw,ptmxmode=000
      """,
      """
      800 650 0:61 / / rw - overlay overlay rw
      801 800 0:30 / /dev/pts rw - devpts devpts rw
      802 801 0:31 / /dev/pts rw - devpts devpts rw,ptmxmode=666
      """)
    #expect(result.changes.count == 1)
    #expect(result.changes[0].stackPosition == 1)
    #expect(result.changes[0].fields.map(\.field) == [.superOptions])
  }

  @Test("a mount that became hidden under another is a shadowing change")
  func shadowing() throws {
    let result = try diff(
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      30 20 0:30 / /data rw - tmpfs tmpfs rw
      31 30 0:31 / /data/x rw - tmpfs tmpfs rw
      """,
      """
      20 1 8:1 / / rw - ext4 /dev/sda1 rw
      30 20 0:30 / /data rw - tmpfs tmpfs rw
      31 30 0:31 / /data/x rw - tmpfs tmpfs rw
      32 30 0:32 / /data rw - tmpfs tmpfs rw
      """)
    #expect(result.changes.map(\.kind) == [.changed, .added, .changed])
    #expect(
      result.changes[0].fields == [FieldChange(field: .shadowing, old: "visible", new: "hidden")])
  }

  @Test("across namespaces, a mount in a peer group of the other table is named")
  func crossTablePeerGroup() throws {
    let result = try diff(
      """
      22 1 8:2 / / rw shared:1 - ext4 /dev/sda2 rw
      661 22 0:72 / /var/cache/gadget rw shared:411 - tmpfs tmpfs rw
      """,
      """
      700 650 0:60 / / rw - overlay overlay rw
      731 700 0:72 / /cache/gadget rw shared:411 - tmpfs tmpfs rw
      """)
    let added = try #require(result.changes.first { $0.kind == .added })
    #expect(
      added.notes == [
        "peer group 411 also holds the first table's '/var/cache/gadget' (mount 661): "
          + "read on one machine at one time, mounts propagate between the two"
      ])
  }
}
