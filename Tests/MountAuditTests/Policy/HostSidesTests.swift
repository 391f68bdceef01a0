import Testing

@testable import MountAudit

@Suite("Host sides of a library caller's entries")
struct HostSidesTests {
  /// A target whose entries number their lines as a library caller may: negative, huge,
  /// repeated. Each mount still gets its own host side, and nothing traps or allocates by
  /// the size of a line number.
  @Test func linesNumberedAnyWayStillGetTheirOwnHostSide() throws {
    let host = try Tables.tree(
      """
      22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
      30 22 259:3 / /srv rw,relatime shared:2 - ext4 /dev/sda3 rw
      """)
    let read = try Tables.table(
      """
      700 650 0:60 / / rw,relatime - overlay overlay rw
      740 700 259:2 /etc /host-etc ro,relatime - ext4 /dev/sda2 rw
      741 700 259:3 /data /data rw,relatime - ext4 /dev/sda3 rw
      742 700 259:2 /home /home rw,relatime - ext4 /dev/sda2 rw
      """)
    var entries = read.entries
    for (index, line) in [-1, Int.max, 7, 7].enumerated() { entries[index].line = line }
    let target = MountTree(MountTable(entries: entries, origin: read.origin))
    let context = AuditContext(target: target, host: host)

    let hostPaths = target.entries.map { context.hostPath(of: $0) }
    #expect(hostPaths == [nil, "/etc", "/srv/data", "/home"])
  }
}
