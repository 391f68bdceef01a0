import Testing

@testable import MountAudit

@Suite("proc.mask-invalid")
struct ProcMaskInvalidRuleTests {
  let rule = ProcMaskInvalidRule()

  static let base = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    701 700 0:64 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
    702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
    704 700 0:67 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
    """

  @Test("fires on a procfs file bound over /proc/kcore (CVE-2025-31133)")
  func procfsFile() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + """

        717 701 0:64 /sys/kernel/core_pattern /proc/kcore rw,nosuid - proc proc rw
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "proc.mask-invalid")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/proc/kcore")
    #expect(finding.mountID == 717)
    #expect(
      finding.message
        == "'/proc/kcore' is masked by a bind of proc '/sys/kernel/core_pattern' (0:64), "
        + "not /null or a read-only tmpfs")
  }

  @Test("fires on a writable tmpfs and on /null from a tmpfs other than /dev")
  func wrongTmpfs() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + """

        716 701 0:69 / /proc/acpi rw,relatime - tmpfs tmpfs rw
        718 701 0:24 /null /proc/keys rw,nosuid - tmpfs tmpfs rw
        """)
    #expect(findings.map(\.mountPoint) == ["/proc/acpi", "/proc/keys"])
    #expect(
      findings.map(\.message) == [
        "'/proc/acpi' is masked by a writable tmpfs '/' (0:69), not /null or a read-only tmpfs",
        "'/proc/keys' is masked by '/null' of a tmpfs (0:24) that is not the container's /dev",
      ])
  }

  @Test("accepts read-only tmpfs, /null from the /dev tmpfs and /null from a devtmpfs")
  func validMasks() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + """

        716 701 0:69 / /proc/acpi ro,relatime - tmpfs tmpfs ro
        717 701 0:65 /null /proc/kcore rw,nosuid - tmpfs tmpfs rw,mode=755
        718 701 0:6 /null /proc/keys rw,nosuid - devtmpfs devtmpfs rw,mode=755
        722 704 0:71 / /sys/firmware ro,relatime - tmpfs tmpfs ro
        """)
    #expect(findings.isEmpty)
  }

  @Test("is silent on runc's default container")
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
