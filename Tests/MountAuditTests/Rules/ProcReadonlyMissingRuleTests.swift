import Testing

@testable import MountAudit

@Suite("proc.readonly-missing")
struct ProcReadonlyMissingRuleTests {
  let rule = ProcReadonlyMissingRule()

  static let base = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    701 700 0:64 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
    """

  static let readOnlyBinds = """

    711 701 0:64 /bus /proc/bus ro,relatime - proc proc rw
    712 701 0:64 /fs /proc/fs ro,relatime - proc proc rw
    713 701 0:64 /irq /proc/irq ro,relatime - proc proc rw
    714 701 0:64 /sys /proc/sys ro,relatime - proc proc rw
    715 701 0:64 /sysrq-trigger /proc/sysrq-trigger ro,relatime - proc proc rw
    """

  @Test("fires on a protected procfs file bound read-write under another name")
  func reExposedFile() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + Self.readOnlyBinds + """

        717 701 0:64 /sys/kernel/core_pattern /proc/kcore rw,nosuid - proc proc rw
        719 701 0:64 /sysrq-trigger /proc/timer_list rw,nosuid - proc proc rw
        """)
    #expect(findings.map(\.rule) == ["proc.readonly-missing", "proc.readonly-missing"])
    #expect(findings.map(\.mountPoint) == ["/proc/kcore", "/proc/timer_list"])
    #expect(findings.map(\.mountID) == [717, 719])
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(
      findings.map(\.message) == [
        "procfs '/sys/kernel/core_pattern' is writable at '/proc/kcore', re-exposing the "
          + "read-only path '/proc/sys'",
        "procfs '/sysrq-trigger' is writable at '/proc/timer_list', re-exposing the "
          + "read-only path '/proc/sysrq-trigger'",
      ])
  }

  @Test("offline, a table with no read-only path gets an error per path")
  func nothingReadOnly() throws {
    let findings = try Tables.findings(of: rule, target: Self.base)
    #expect(findings.map(\.mountPoint) == BaselinePaths.readOnly.map { Optional($0) })
    #expect(findings.allSatisfy { $0.severity == .error && $0.mountID == nil })
    #expect(
      findings.first?.message
        == "'/proc/bus' is writable through proc at '/proc', and the table makes none of the "
        + "read-only paths read-only")
  }

  @Test("offline, a table with some read-only paths gets a note per missing one")
  func someReadOnly() throws {
    let findings = try RuleFixtures.findings(of: rule, in: "runc/default")
    #expect(findings.map(\.mountPoint) == ["/proc/sysrq-trigger"])
    #expect(findings.map(\.severity) == [.note])
    #expect(
      findings.first?.message
        == "'/proc/sysrq-trigger' is writable through proc at '/proc'; whether this kernel "
        + "has it could not be checked offline")
  }

  @Test("live, only paths the kernel has are reported")
  func live() throws {
    let kernel = KernelPaths(existing: ["/proc/sys", "/proc/kcore"])
    let findings = try Tables.findings(of: rule, target: Self.base, kernelPaths: kernel)
    #expect(findings.map(\.mountPoint) == ["/proc/sys"])
    #expect(
      findings.first?.message == "'/proc/sys' exists on this kernel and is writable through "
        + "proc at '/proc'")
  }

  @Test("a writable bind at the path itself is reported once, as a mount")
  func writableBindAtPath() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + """

        714 701 0:64 /sys /proc/sys rw,relatime - proc proc rw
        715 701 0:64 /sysrq-trigger /proc/sysrq-trigger ro,relatime - proc proc rw
        """,
      kernelPaths: KernelPaths(existing: ["/proc/sys", "/proc/sysrq-trigger"]))
    #expect(findings.map(\.mountPoint) == ["/proc/sys"])
    #expect(findings.map(\.mountID) == [714])
  }

  @Test("fires on a whole writable procfs outside /proc")
  func procfsElsewhere() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.base + Self.readOnlyBinds + """

        730 700 0:64 / /evil rw,relatime - proc proc rw
        """)
    #expect(findings.map(\.mountPoint) == ["/evil"])
    #expect(
      findings.first?.message
        == "procfs '/' is writable at '/evil' and exposes '/proc/bus', '/proc/fs', "
        + "'/proc/irq', '/proc/sys', '/proc/sysrq-trigger' there without read-only binds")
  }

  @Test("is silent when /proc itself is read-only or every path has its bind")
  func protected() throws {
    let readOnlyProc =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "701 700 0:64 / /proc ro,relatime - proc proc rw"
    #expect(try Tables.findings(of: rule, target: readOnlyProc).isEmpty)
    #expect(try Tables.findings(of: rule, target: Self.base + Self.readOnlyBinds).isEmpty)
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
