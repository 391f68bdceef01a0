import Testing

@testable import MountAudit

@Suite("sys.writable")
struct SysWritableRuleTests {
  let rule = SysWritableRule()

  @Test("fires on a writable sysfs, wherever it is mounted")
  func writable() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        704 700 0:67 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw
        705 700 0:21 /class/net /host/net rw,relatime - sysfs sysfs rw
        """)
    #expect(findings.map(\.rule) == ["sys.writable", "sys.writable"])
    #expect(findings.map(\.mountPoint) == ["/sys", "/host/net"])
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(
      findings.map(\.message) == [
        "sysfs '/' is writable at '/sys'", "sysfs '/class/net' is writable at '/host/net'",
      ])
  }

  @Test("is silent on a sysfs whose per-mount options are ro, whatever its super options")
  func readOnly() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "704 700 0:67 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs rw"
    #expect(try Tables.findings(of: rule, target: target).isEmpty)
  }

  @Test("meets its field-case rows")
  func fieldCases() throws {
    #expect(try !RuleFixtures.contractRows(for: rule.metadata.id).isEmpty)
    #expect(try RuleFixtures.unmetRows(of: rule).isEmpty)
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
