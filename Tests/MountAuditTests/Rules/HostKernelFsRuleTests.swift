import Testing

@testable import MountAudit

@Suite("host.kernel-fs")
struct HostKernelFsRuleTests {
  let rule = HostKernelFsRule()
  let root = "700 650 0:60 / / rw,relatime - overlay overlay rw"

  @Test func debugfsIsAnErrorWithItsHostSide() throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n760 700 0:7 / /sys/kernel/debug rw,nosuid - debugfs debugfs rw",
      host: """
        22 1 259:2 / / rw,relatime - ext4 /dev/sda2 rw
        40 22 0:7 / /sys/kernel/debug rw,nosuid,nodev,noexec,relatime - debugfs debugfs rw
        """)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "host.kernel-fs")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/sys/kernel/debug")
    #expect(finding.hostPath == "/sys/kernel/debug")
    #expect(finding.message == "debugfs is mounted at '/sys/kernel/debug' read-write")
  }

  @Test func fusectlIsAWarning() throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n761 700 0:50 / /sys/fs/fuse/connections ro - fusectl fusectl rw")

    #expect(findings.map(\.severity) == [.warning])
    #expect(
      findings.map(\.message) == ["fusectl is mounted at '/sys/fs/fuse/connections' read-only"])
  }

  @Test func aShadowedKernelFilesystemIsNotReported() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        762 700 0:8 / /mnt rw - tracefs tracefs rw
        763 762 0:91 / /mnt rw - tmpfs tmpfs rw
        """)

    #expect(findings.isEmpty)
  }

  @Test(arguments: ["runc/default", "runc/privileged", "field-cases/_baseline"])
  func runtimeDefaultsMountNoKernelFilesystem(folder: String) throws {
    #expect(try FixtureContexts.findings(of: [rule], in: folder).isEmpty)
  }
}
