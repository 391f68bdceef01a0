import Testing

@testable import MountAudit

@Suite("dev.console-invalid")
struct DevConsoleInvalidRuleTests {
  let rule = DevConsoleInvalidRule()

  static let base = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
    703 702 0:66 / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,ptmxmode=666
    """

  @Test("fires on the host's console bound from the devtmpfs")
  func hostConsole() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + """

        708 702 0:6 /console /dev/console rw,nosuid - devtmpfs devtmpfs rw,mode=755
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "dev.console-invalid")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/dev/console")
    #expect(
      finding.message
        == "'/dev/console' is bound from devtmpfs '/console' (0:6), not a pty of the "
        + "container's devpts (0:66)")
  }

  @Test("fires on a procfs file or a pty of another devpts (CVE-2025-52565)")
  func redirected() throws {
    let procfsFile =
      Self.base + """

        708 702 0:64 /sys/kernel/core_pattern /dev/console rw,nosuid - proc proc rw
        """
    #expect(try Tables.findings(of: rule, target: procfsFile).count == 1)
    let otherDevpts =
      Self.base + """

        708 702 0:23 /0 /dev/console rw,nosuid - devpts devpts rw
        """
    #expect(try Tables.findings(of: rule, target: otherDevpts).count == 1)
    let notAPty =
      Self.base + """

        708 702 0:66 /ptmx /dev/console rw,nosuid - devpts devpts rw
        """
    #expect(try Tables.findings(of: rule, target: notAPty).count == 1)
  }

  @Test("accepts a pty of the container's devpts, and no console at all")
  func containerPty() throws {
    let pty =
      Self.base + """

        708 702 0:66 /0 /dev/console rw,nosuid,noexec,relatime - devpts devpts rw
        """
    #expect(try Tables.findings(of: rule, target: pty).isEmpty)
    #expect(try Tables.findings(of: rule, target: Self.base).isEmpty)
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
