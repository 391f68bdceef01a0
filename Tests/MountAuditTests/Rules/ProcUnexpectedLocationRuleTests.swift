import Testing

@testable import MountAudit

@Suite("proc.unexpected-location")
struct ProcUnexpectedLocationRuleTests {
  let rule = ProcUnexpectedLocationRule()

  @Test("fires on a procfs mounted outside /proc, as a warning")
  func outsideProc() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        730 700 259:2 /volumes/evil/_data /evil rw,relatime - ext4 /dev/nvme0n1p2 rw
        701 730 0:64 / /evil/level1~/level2 rw,nosuid,nodev,noexec,relatime - proc proc rw
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "proc.unexpected-location")
    #expect(finding.mountPoint == "/evil/level1~/level2")
    #expect(finding.severity == .warning)
    #expect(
      finding.message
        == "procfs '/' (0:64) is mounted at '/evil/level1~/level2', outside /proc and its masks")
  }

  @Test("leaves the host's instance to proc.host-instance when the host's table is given")
  func hostInstance() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "701 700 0:22 / /host/proc rw - proc proc rw"
    let host = "24 22 0:22 / /proc rw - proc proc rw"
    #expect(try Tables.findings(of: rule, target: target, host: host).isEmpty)
    #expect(try Tables.findings(of: rule, target: target).map(\.mountPoint) == ["/host/proc"])
  }

  @Test("is silent on the read-only sub-binds of runc's default container")
  func runcDefault() throws {
    let context = AuditContext(
      target: MountTree(try Fixtures.table("runc/default/container.mountinfo")), host: nil)
    #expect(rule.check(context).isEmpty)
  }

  @Test("meets its field-case rows")
  func fieldCases() throws {
    #expect(try !RuleFixtures.contractRows(for: rule.metadata.id).isEmpty)
    #expect(try RuleFixtures.unmetRows(of: rule).isEmpty)
  }

  @Test("gives nothing above a note on the baseline and runc's default container")
  func cleanCases() throws {
    #expect(try RuleFixtures.findingsAboveNote(of: rule).isEmpty)
  }
}
