import Testing

@testable import MountAudit

@Suite("dev.not-tmpfs")
struct DevNotTmpfsRuleTests {
  let rule = DevNotTmpfsRule()

  @Test("fires when the top mount at /dev is the host's devtmpfs")
  func devtmpfs() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:5 / /dev rw,nosuid,relatime - devtmpfs udev rw,mode=755
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "dev.not-tmpfs")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/dev")
    #expect(finding.mountID == 702)
    #expect(
      finding.message == "the top mount at /dev is devtmpfs from 'udev' (root '/'), not a tmpfs")
  }

  @Test("fires when nothing is mounted at /dev")
  func nothingMounted() throws {
    let findings = try Tables.findings(
      of: rule, target: "700 650 0:60 / / rw,relatime - overlay overlay rw")
    #expect(findings.map(\.mountPoint) == ["/dev"])
    #expect(findings.map(\.message) == ["no mount is visible at /dev"])
    #expect(findings.first?.mountID == nil)
  }

  @Test("judges the mount on top when a volume covers the /dev tmpfs")
  func covered() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        730 700 259:2 /volumes/dev/_data /dev rw,relatime - ext4 /dev/sda1 rw
        """)
    #expect(findings.map(\.mountID) == [730])
  }

  @Test("fires on field case R12 and runc's privileged container, whose /dev is devtmpfs")
  func hostDev() throws {
    for folder in ["field-cases/R12", "runc/privileged"] {
      let findings = try RuleFixtures.findings(of: rule, in: folder)
      #expect(findings.map(\.mountPoint) == ["/dev"], "\(folder)")
    }
  }

  @Test("gives nothing on the baseline and runc's default container")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
