import Testing

@testable import MountAudit

@Suite("dev.unexpected-node")
struct DevUnexpectedNodeRuleTests {
  let rule = DevUnexpectedNodeRule()

  @Test("fires on a host disk bound from the devtmpfs")
  func hostDisk() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        705 702 0:6 /sda /dev/sda rw,nosuid - devtmpfs devtmpfs rw,mode=755
        """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(finding.rule == "dev.unexpected-node")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/dev/sda")
    #expect(
      finding.message
        == "devtmpfs '/sda' (0:6) is bound at '/dev/sda', which is not a default device node")
  }

  @Test("fires on the host console bound anywhere but /dev/console")
  func consoleElsewhere() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        705 702 0:6 /console /dev/tty rw,nosuid - devtmpfs devtmpfs rw,mode=755
        706 702 0:6 /console /dev/console rw,nosuid - devtmpfs devtmpfs rw,mode=755
        """)
    #expect(findings.map(\.mountPoint) == ["/dev/tty"])
  }

  @Test("accepts the default nodes a user-namespaced runtime binds, net/tun included")
  func defaultNodes() throws {
    let names = [
      "null", "zero", "full", "random", "urandom", "tty", "console", "ptmx", "fuse", "net/tun",
    ]
    let lines = names.enumerated().map { index, name in
      "\(710 + index) 702 0:6 /\(name) /dev/\(name) rw,nosuid - devtmpfs devtmpfs rw"
    }
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw\n" + lines.joined(separator: "\n")
    #expect(try Tables.findings(of: rule, target: target).isEmpty)
  }

  @Test("judges names, so a node under another directory called tun alone is reported")
  func tunOutsideNet() throws {
    let target =
      "700 650 0:60 / / rw - overlay overlay rw\n"
      + "705 700 0:6 /tun /dev/tun rw,nosuid - devtmpfs devtmpfs rw"
    #expect(try Tables.findings(of: rule, target: target).map(\.mountPoint) == ["/dev/tun"])
  }

  @Test("gives nothing on the baseline, runc's default container and R12's file masks")
  func cleanCases() throws {
    for folder in RuleFixtures.cleanFolders + ["field-cases/R12"] {
      #expect(try RuleFixtures.findings(of: rule, in: folder).isEmpty, "\(folder)")
    }
  }
}
