import Testing

@testable import MountAudit

@Suite("FindingLines")
struct FindingLinesTests {
  static let table = """
    1 0 8:1 / / rw - ext4 /dev/sda1 rw
    2 1 0:5 / /proc rw - proc proc rw
    3 1 8:1 /etc /data rw - ext4 /dev/sda1 rw
    3 1 8:1 /srv /again rw - ext4 /dev/sda1 rw
    """

  static func report(_ findings: [Finding]) throws -> AuditReport {
    var report = AuditReport(
      target: .file(path: "t"), targetNamespace: nil, mountCount: 4,
      host: HostReference(origin: nil), profile: .standard, skipped: [], findings: findings)
    report.targetTree = MountTree(try Tables.tableKeepingRepeatedIDs(Self.table))
    return report
  }

  static func finding(id: UInt32? = nil, path: ByteString? = nil, line: Int? = nil) -> Finding {
    Finding(
      rule: "x.y", severity: .note, mountID: id, mountPoint: path, message: "m",
      remediation: "r", line: line)
  }

  @Test("a finding about a mount has its mount's line, even under a repeated ID")
  func mountLine() throws {
    let lines = FindingLines(try Self.report([]))
    #expect(lines.line(of: Self.finding(id: 2, path: "/proc")) == 2)
    #expect(lines.line(of: Self.finding(id: 3, path: "/again")) == 4)
    #expect(lines.line(of: Self.finding(id: 3, path: "/data")) == 3)
  }

  @Test("a path with no mount of its own has the line of the mount serving it")
  func servingMount() throws {
    let lines = FindingLines(try Self.report([]))
    #expect(lines.line(of: Self.finding(path: "/proc/kcore")) == 2)
    #expect(lines.line(of: Self.finding(path: "/sys/firmware")) == 1)
  }

  @Test("an input line is kept; the whole table and a report without a tree have none")
  func noMount() throws {
    let lines = FindingLines(try Self.report([]))
    #expect(lines.line(of: Self.finding(line: 7)) == 7)
    #expect(lines.line(of: Self.finding()) == nil)
    var bare = try Self.report([])
    bare.targetTree = nil
    #expect(FindingLines(bare).line(of: Self.finding(id: 2, path: "/proc")) == nil)
  }

  @Test("an audit keeps its tree, so its findings point at their lines")
  func auditorKeepsTree() throws {
    let report = try Auditor().audit(
      AuditRequest(
        target: .file(path: Fixtures.root.path + "/runc/docker-sock/container.mountinfo"),
        host: .file(path: Fixtures.root.path + "/runc/docker-sock/host.mountinfo")))
    let socket = try #require(report.findings.first { $0.rule == "host.runtime-socket" })
    let line = try #require(FindingLines(report).line(of: socket))
    let entry = try #require(report.targetTree?.entries.first { $0.line == line })
    #expect(entry.mountPoint == socket.mountPoint)
  }
}
