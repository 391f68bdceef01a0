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

  /// An LXC container: its own devpts (0:66), and host ptys of the host's devpts (0:23).
  static let lxc = """
    68 50 0:60 / / rw,relatime - overlay overlay rw
    69 68 0:65 / /dev rw,relatime - tmpfs none rw,size=492k,mode=755
    72 69 0:66 / /dev/pts rw,relatime - devpts devpts rw,gid=5,mode=620,ptmxmode=666
    """

  @Test("fires on the host's ptmx, which allocates new host ptys")
  func hostPtmx() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.lxc + "\n74 69 0:23 /ptmx /dev/ptmx rw,relatime - devpts devpts rw,mode=600",
      host: Self.host)
    #expect(findings.map(\.rule) == ["dev.pts-host-instance"])
    #expect(findings.map(\.mountPoint) == ["/dev/ptmx"])
    #expect(findings.map(\.severity) == [.error])
    #expect(
      findings.map(\.message) == [
        "devpts '/ptmx' at '/dev/ptmx' is the host's instance's ptmx (0:23, mounted on the "
          + "host at '/dev/pts'), which allocates new host ptys"
      ])
  }

  @Test("leaves a single host pty at /dev/console to dev.console-invalid")
  func hostPtyAtConsole() throws {
    let target =
      Self.lxc + "\n73 69 0:23 /0 /dev/console rw,relatime - devpts devpts rw,mode=600"
    #expect(try Tables.findings(of: rule, target: target, host: Self.host).isEmpty)

    let rules: [any Rule] = [rule, DevConsoleInvalidRule()]
    let context = try Tables.context(target: target, host: Self.host)
    let findings = PolicyEngine(rules: rules).evaluate(context).findings
    #expect(findings.map(\.rule) == ["dev.console-invalid"])
    #expect(findings.map(\.mountPoint) == ["/dev/console"])
    #expect(
      findings.map(\.message) == [
        "'/dev/console' is bound from devpts '/0' (0:23), not a pty of the container's "
          + "devpts (0:66)"
      ])
  }

  @Test("notes a single host pty bound elsewhere, naming the host's terminal")
  func hostPtyElsewhere() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.lxc + """

        75 69 0:23 /3 /dev/tty1 rw,relatime - devpts devpts rw,mode=600
        76 69 0:23 /12 /dev/tty2 rw,relatime - devpts devpts rw,mode=600
        """,
      host: Self.host)
    #expect(findings.map(\.rule) == ["dev.pts-host-instance", "dev.pts-host-instance"])
    #expect(findings.map(\.mountPoint) == ["/dev/tty1", "/dev/tty2"])
    #expect(findings.map(\.hostPath) == ["/dev/pts/3", "/dev/pts/12"])
    #expect(findings.map(\.severity) == [.note, .note])
    #expect(
      findings.map(\.message) == [
        "devpts at '/dev/tty1' is the host's terminal '/dev/pts/3' (0:23), a single pty of "
          + "the host's instance",
        "devpts at '/dev/tty2' is the host's terminal '/dev/pts/12' (0:23), a single pty of "
          + "the host's instance",
      ])
  }

  @Test("still fires on the host's whole instance at /dev/console")
  func hostInstanceAtConsole() throws {
    let findings = try Tables.findings(
      of: rule,
      target: Self.lxc + "\n73 69 0:23 / /dev/console rw,relatime - devpts devpts rw",
      host: Self.host)
    #expect(findings.map(\.severity) == [.error])
    #expect(
      findings.map(\.message) == [
        "devpts at '/dev/console' is the host's instance (0:23, mounted on the host at "
          + "'/dev/pts')"
      ])
  }

  @Test("is silent on ptys of the container's own devpts")
  func ownPtys() throws {
    let target =
      Self.lxc + """

        73 69 0:66 /0 /dev/console rw,relatime - devpts devpts rw
        75 69 0:66 /1 /dev/tty1 rw,relatime - devpts devpts rw
        """
    #expect(try Tables.findings(of: rule, target: target, host: Self.host).isEmpty)
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
