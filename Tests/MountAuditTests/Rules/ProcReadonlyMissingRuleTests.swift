import Foundation
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

  /// LXC's `proc:mixed`: `/proc/sys` read-only, `/proc/sys/net` bound writable over it.
  static let lxcMixed = """
    68 0 0:60 / / rw,relatime - overlay overlay rw
    69 68 0:42 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw
    711 69 0:42 /bus /proc/bus ro,relatime - proc proc rw
    712 69 0:42 /fs /proc/fs ro,relatime - proc proc rw
    713 69 0:42 /irq /proc/irq ro,relatime - proc proc rw
    71 69 0:42 /sys /proc/sys ro,nosuid,nodev,noexec,relatime shared:6 - proc proc rw
    70 71 0:42 /sys/net /proc/sys/net rw,nosuid,nodev,noexec,relatime shared:6 - proc proc rw
    715 69 0:42 /sysrq-trigger /proc/sysrq-trigger ro,relatime - proc proc rw
    """

  static let ownNetwork = NamespacePair(
    target: NamespaceIdentity(name: "net:[4026532301]"),
    host: NamespaceIdentity(name: "net:[4026531840]"), hostDescription: "/proc/1/ns/net")

  static let hostNetwork = NamespacePair(
    target: NamespaceIdentity(name: "net:[4026531840]"),
    host: NamespaceIdentity(name: "net:[4026531840]"), hostDescription: "/proc/self/ns/net")

  func findings(_ target: String, network: NamespacePair?) throws -> [Finding] {
    rule.check(try Tables.context(target: target, networkNamespaces: network))
  }

  @Test("is silent on a writable /proc/sys/net in the container's own network namespace")
  func networkSysctlsOfOwnNamespace() throws {
    #expect(try findings(Self.lxcMixed, network: Self.ownNetwork).isEmpty)
    let belowNet = Self.lxcMixed.replacingOccurrences(
      of: "0:42 /sys/net /proc/sys/net", with: "0:42 /sys/net/ipv4 /proc/sys/net")
    #expect(try findings(belowNet, network: Self.ownNetwork).isEmpty)
  }

  @Test("fires on a writable /proc/sys/net in the host's network namespace")
  func networkSysctlsOfHostNamespace() throws {
    let findings = try findings(Self.lxcMixed, network: Self.hostNetwork)
    #expect(findings.map(\.rule) == ["proc.readonly-missing"])
    #expect(findings.map(\.mountPoint) == ["/proc/sys/net"])
    #expect(findings.map(\.mountID) == [70])
    #expect(findings.map(\.severity) == [.error])
    #expect(
      findings.map(\.message) == [
        "procfs '/sys/net' is writable at '/proc/sys/net', re-exposing the read-only path "
          + "'/proc/sys'; network namespace net:[4026531840] is the host's "
          + "(/proc/self/ns/net)"
      ])
  }

  @Test("notes a writable /proc/sys/net when the network namespaces are unknown")
  func networkSysctlsUnknownNamespace() throws {
    let findings = try findings(Self.lxcMixed, network: nil)
    #expect(findings.map(\.rule) == ["proc.readonly-missing"])
    #expect(findings.map(\.mountPoint) == ["/proc/sys/net"])
    #expect(findings.map(\.severity) == [.note])
    #expect(
      findings.map(\.message) == [
        "procfs '/sys/net' is writable at '/proc/sys/net'; network sysctls are per network "
          + "namespace, and whether the target has its own could not be checked"
      ])
  }

  @Test("still fires on any other writable path under /proc/sys in an own network namespace")
  func otherSysctlsOfOwnNamespace() throws {
    let target =
      Self.lxcMixed + """

        80 71 0:42 /sys/kernel /proc/sys/kernel rw,nosuid,nodev,noexec - proc proc rw
        81 71 0:42 /sys/net /proc/sys/vm rw,nosuid,nodev,noexec - proc proc rw
        """
    let wholeSys = Self.lxcMixed.replacingOccurrences(
      of: "0:42 /sys/net /proc/sys/net", with: "0:42 /sys /proc/sys/net")
    let findings =
      try findings(target, network: Self.ownNetwork)
      + findings(wholeSys, network: Self.ownNetwork)
    #expect(findings.map(\.mountPoint) == ["/proc/sys/kernel", "/proc/sys/vm", "/proc/sys/net"])
    #expect(findings.map(\.severity) == [.error, .error, .error])
    #expect(
      findings.map(\.message) == [
        "procfs '/sys/kernel' is writable at '/proc/sys/kernel', re-exposing the read-only "
          + "path '/proc/sys'",
        "procfs '/sys/net' is writable at '/proc/sys/vm', re-exposing the read-only path "
          + "'/proc/sys'",
        "procfs '/sys' is writable at '/proc/sys/net', re-exposing the read-only path "
          + "'/proc/sys'",
      ])
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
