import Testing

@testable import MountAudit

@Suite("cgroup.writable")
struct CgroupWritableRuleTests {
  let rule = CgroupWritableRule()

  @Test("a writable cgroup v1 hierarchy root is an error")
  func hierarchyRoot() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        740 700 0:26 / /host/sys/fs/cgroup ro,nosuid,nodev,noexec - tmpfs tmpfs ro,mode=755
        742 740 0:31 / /host/sys/fs/cgroup/memory rw,nosuid,relatime - cgroup cgroup rw,memory
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "cgroup.writable")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/host/sys/fs/cgroup/memory")
    #expect(
      finding.message
        == "cgroup v1 hierarchy root ('rw,memory') is writable at '/host/sys/fs/cgroup/memory', "
        + "where 'release_agent' runs a host program as root")
  }

  @Test("the container's own writable cgroups and any writable cgroup2 are warnings")
  func ownSubtree() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        704 700 0:67 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw
        705 704 0:73 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755
        725 705 0:31 /kubepods/c0ffee01 /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
        726 705 0:26 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw,nsdelegate
        """)
    #expect(findings.map(\.mountPoint) == ["/sys/fs/cgroup/memory", "/sys/fs/cgroup/unified"])
    #expect(findings.map(\.severity) == [.warning, .warning])
    #expect(
      findings.map(\.message) == [
        "cgroup v1 '/kubepods/c0ffee01' ('rw,memory') is writable at '/sys/fs/cgroup/memory'",
        "cgroup2 '/' is writable at '/sys/fs/cgroup/unified'",
      ])
  }

  @Test("read-only cgroup mounts are silent, as in R14 after its fix")
  func readOnly() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "742 700 0:31 / /host/sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime - cgroup "
      + "cgroup rw,memory"
    #expect(try Tables.findings(of: rule, target: target).isEmpty)
  }

  @Test("runc's privileged container gets warnings for its own writable cgroups")
  func runcPrivileged() throws {
    let findings = try RuleFixtures.findings(of: rule, in: "runc/privileged")
    #expect(findings.count == 9)
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  @Test("meets its field-case rows")
  func fieldCases() throws {
    #expect(try !RuleFixtures.contractRows(for: rule.metadata.id).isEmpty)
    #expect(try RuleFixtures.unmetRows(of: rule).isEmpty)
  }

  @Test("gives nothing on the baseline and runc's default container (its cgroup tmpfs)")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
