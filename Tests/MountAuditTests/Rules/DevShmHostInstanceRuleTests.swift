import Testing

@testable import MountAudit

@Suite("dev.shm-host-instance")
struct DevShmHostInstanceRuleTests {
  let rule = DevShmHostInstanceRule()

  static let host = """
    22 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw
    25 22 0:5 / /dev rw,nosuid,relatime - devtmpfs udev rw,mode=755
    28 25 0:25 / /dev/shm rw,nosuid,nodev - tmpfs tmpfs rw,inode64
    """

  @Test("fires, as a warning, when /dev/shm is the host's /dev/shm")
  func hostShm() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        707 702 0:25 / /dev/shm rw,nosuid,nodev - tmpfs tmpfs rw,inode64
        """,
      host: Self.host)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "dev.shm-host-instance")
    #expect(finding.severity == .warning)
    #expect(finding.mountPoint == "/dev/shm")
    #expect(finding.hostPath == "/dev/shm")
    #expect(finding.message == "tmpfs at '/dev/shm' is the host's /dev/shm (0:25, root '/')")
  }

  @Test("is silent on a private /dev/shm")
  func privateShm() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "707 700 0:68 / /dev/shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=65536k"
    #expect(try Tables.findings(of: rule, target: target, host: Self.host).isEmpty)
  }

  @Test("needs the host's table and is skipped without it")
  func skippedOffline() throws {
    let context = try Tables.context(target: "707 700 0:25 / /dev/shm rw - tmpfs tmpfs rw")
    #expect(PolicyEngine(rules: [rule]).evaluate(context).skipped.count == 1)
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
