import Testing

@testable import MountAudit

@Suite("host.hidden-leak")
struct HostHiddenLeakRuleTests {
  let rule = HostHiddenLeakRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    27 22 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,mode=755
    """
  let root = "700 650 0:60 / / rw,relatime - overlay overlay rw"

  @Test("a socket covered by a tmpfs is a warning naming the cover")
  func coveredSocket() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        730 700 0:24 /docker.sock /var/run/docker.sock rw - tmpfs tmpfs rw
        731 700 0:70 / /var/run rw - tmpfs tmpfs rw
        """, host: host)
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.mountPoint == "/var/run/docker.sock")
    #expect(
      finding.message
        == "'/var/run/docker.sock' exposes the host's '/run/docker.sock' (docker API socket), "
        + "hidden under '/var/run' (mount 731): a process that can unmount the cover reaches it")
  }

  @Test("host / stacked under the container's own tmpfs is found; a visible leak is not its")
  func coveredSensitivePathOnly() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        740 700 259:2 / /host rw - ext4 /dev/sda2 rw
        741 700 0:71 / /host rw - tmpfs tmpfs rw
        742 700 0:24 /docker.sock /run/docker.sock rw - tmpfs tmpfs rw
        """, host: host)
    #expect(findings.map(\.mountPoint) == ["/host"])
    #expect(findings.first?.mountID == 740)
  }

  @Test("a host device node under the container's devpts is found, even without a host table")
  func coveredDevice() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        703 702 0:66 / /dev/pts rw - devpts devpts rw
        704 702 0:6 /mem /dev/pts/ptmx rw,nosuid - devtmpfs udev rw
        705 702 0:6 /null /dev/null rw,nosuid - devtmpfs udev rw
        """)
    #expect(findings.map(\.mountPoint) == ["/dev/pts/ptmx"])
    #expect(
      findings.first?.message
        == "'/dev/pts/ptmx' exposes the host's '/mem' (host devtmpfs 0:6), hidden under "
        + "'/dev/pts' (mount 703): a process that can unmount the cover reaches it")
  }

  @Test("gives nothing on runc's default container and the field-case baseline")
  func cleanCases() throws {
    for folder in ["runc/default", "field-cases/_baseline"] {
      let context = AuditContext(
        target: MountTree(try Fixtures.table("\(folder)/container.mountinfo")),
        host: MountTree(try Fixtures.table("\(folder)/host.mountinfo")))
      #expect(rule.check(context).isEmpty, "\(folder)")
    }
  }
}
