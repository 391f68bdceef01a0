import Testing

@testable import MountAudit

@Suite("proc.mask-missing")
struct ProcMaskMissingRuleTests {
  let rule = ProcMaskMissingRule()

  /// A container with procfs, sysfs and a /dev tmpfs but no masks at all.
  static let unmasked = """
    700 650 0:60 / / rw,relatime - overlay overlay rw
    701 700 0:64 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
    702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
    704 700 0:67 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
    """

  @Test("offline, a table that masks nothing gets an error per default path")
  func nothingMasked() throws {
    let findings = try Tables.findings(of: rule, target: Self.unmasked)
    #expect(findings.map(\.mountPoint) == BaselinePaths.masked.map { Optional($0) })
    #expect(findings.allSatisfy { $0.rule == "proc.mask-missing" && $0.severity == .error })
    #expect(findings.allSatisfy { $0.mountID == nil })
    #expect(
      findings.first?.message
        == "'/proc/acpi' is not masked, and the table masks none of the default masked paths")
  }

  @Test("offline, a table that masks some gets a note per missing path")
  func someMasked() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.unmasked + """

        716 701 0:69 / /proc/acpi ro,relatime - tmpfs tmpfs ro
        717 701 0:65 /null /proc/kcore rw,nosuid - tmpfs tmpfs rw,mode=755
        718 701 0:65 /null /proc/keys rw,nosuid - tmpfs tmpfs rw,mode=755
        719 701 0:65 /null /proc/timer_list rw,nosuid - tmpfs tmpfs rw,mode=755
        720 701 0:65 /null /proc/sched_debug rw,nosuid - tmpfs tmpfs rw,mode=755
        721 701 0:70 / /proc/scsi ro,relatime - tmpfs tmpfs ro
        722 704 0:71 / /sys/firmware ro,relatime - tmpfs tmpfs ro
        """)
    #expect(
      findings.map(\.mountPoint) == ["/proc/asound", "/proc/latency_stats", "/proc/timer_stats"])
    #expect(findings.allSatisfy { $0.severity == .note })
    #expect(
      findings.first?.message
        == "'/proc/asound' is not masked; whether this kernel has it could not be checked offline"
    )
  }

  @Test("live, a missing mask is an error only for a path the kernel has")
  func live() throws {
    let kernel = KernelPaths(existing: ["/proc/kcore", "/sys/firmware", "/proc/sys"])
    let findings = try Tables.findings(of: rule, target: Self.unmasked, kernelPaths: kernel)
    #expect(findings.map(\.mountPoint) == ["/proc/kcore", "/sys/firmware"])
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(findings.first?.message == "'/proc/kcore' exists on this kernel and is not masked")
  }

  @Test("a mask hidden under a later mount at /proc does not count")
  func hiddenMask() throws {
    let kernel = KernelPaths(existing: ["/proc/keys"])
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw - overlay overlay rw
        701 700 0:64 / /proc rw - proc proc rw
        718 701 0:65 /null /proc/keys rw,nosuid - tmpfs tmpfs rw
        730 700 0:80 / /proc rw - tmpfs tmpfs rw
        """,
      kernelPaths: kernel)
    #expect(findings.map(\.mountPoint) == ["/proc/keys"])
  }

  @Test("is silent live on runc's default container, which masks what the kernel has")
  func runcDefaultLive() throws {
    let kernel = KernelPaths(existing: ["/proc/acpi", "/proc/keys", "/proc/timer_list"])
    let context = AuditContext(
      target: MountTree(try Fixtures.table("runc/default/container.mountinfo")), host: nil,
      kernelPaths: kernel)
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
