import Testing

@testable import MountAudit

@Suite("proc.host-instance")
struct ProcHostInstanceRuleTests {
  let rule = ProcHostInstanceRule()

  static let host = """
    22 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw
    24 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
    """

  @Test("fires on the host's procfs at /proc and wherever else it is mounted")
  func hostInstance() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        701 700 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
        702 700 0:22 /sys /host/sysctl ro,relatime - proc proc rw
        """,
      host: Self.host)
    #expect(findings.map(\.rule) == ["proc.host-instance", "proc.host-instance"])
    #expect(findings.map(\.mountPoint) == ["/proc", "/host/sysctl"])
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(
      findings.map(\.message) == [
        "procfs '/' at '/proc' is the host's instance (0:22, the superblock of the host's "
          + "/proc)",
        "procfs '/sys' at '/host/sysctl' is the host's instance (0:22, the superblock of the "
          + "host's /proc)",
      ])
    #expect(findings.first?.hostPath == "/proc")
  }

  @Test("is silent on a fresh procfs and on a host without procfs at /proc")
  func freshInstance() throws {
    let fresh =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "701 700 0:64 / /proc rw - proc proc rw"
    #expect(try Tables.findings(of: rule, target: fresh, host: Self.host).isEmpty)
    let hostWithoutProc = "22 1 0:64 / / rw - ext4 /dev/sda rw"
    #expect(try Tables.findings(of: rule, target: fresh, host: hostWithoutProc).isEmpty)
  }

  @Test("needs the host's table and is skipped without it")
  func skippedOffline() throws {
    let context = try Tables.context(target: "701 700 0:22 / /proc rw - proc proc rw")
    let outcome = PolicyEngine(rules: [rule]).evaluate(context)
    #expect(outcome.findings.isEmpty)
    #expect(outcome.skipped.map(\.rule) == ["proc.host-instance"])
  }

  @Test("fires on host /proc bound at /proc in runc, folding the sub-binds")
  func runcHostProc() throws {
    let findings = try RuleFixtures.findings(of: rule, in: "runc/host-proc")
    #expect(findings.map(\.mountPoint) == ["/proc"])
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
