import Testing

@testable import MountAudit

@Suite("dev.pts-host-instance")
struct DevPtsHostInstanceRuleTests {
  let rule = DevPtsHostInstanceRule()

  static let host = """
    22 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw
    25 22 0:5 / /dev rw,nosuid,relatime - devtmpfs udev rw,mode=755
    26 25 0:23 / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,gid=5,mode=620
    """

  @Test("fires on the host's devpts")
  func hostInstance() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        703 702 0:23 / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,gid=5,mode=620
        """,
      host: Self.host)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "dev.pts-host-instance")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/dev/pts")
    #expect(
      finding.message
        == "devpts at '/dev/pts' is the host's instance (0:23, mounted on the host at "
        + "'/dev/pts')")
  }

  @Test("is silent on a new devpts instance")
  func newInstance() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "703 700 0:66 / /dev/pts rw,nosuid,noexec - devpts devpts rw,ptmxmode=666"
    #expect(try Tables.findings(of: rule, target: target, host: Self.host).isEmpty)
  }

  @Test("needs the host's table and is skipped without it")
  func skippedOffline() throws {
    let context = try Tables.context(target: "703 700 0:23 / /dev/pts rw - devpts devpts rw")
    #expect(PolicyEngine(rules: [rule]).evaluate(context).skipped.count == 1)
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
