import Testing

@testable import MountAudit

@Suite("host.sensitive-path")
struct HostSensitivePathRuleTests {
  let rule = HostSensitivePathRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    30 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw
    35 30 0:31 / /sys/fs/cgroup/memory rw,nosuid shared:15 - cgroup cgroup rw,memory
    """
  let root = "700 650 0:60 / / rw,relatime - overlay overlay rw"

  @Test func hostEtcUnderAnotherNameIsAnError() throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n741 700 259:2 /etc /data rw,relatime - ext4 /dev/sda2 rw", host: host)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "host.sensitive-path")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/data")
    #expect(finding.hostPath == "/etc")
    #expect(
      finding.message == "'/data' exposes the host's '/etc', a sensitive host path, read-write")
  }

  @Test func aPathBelowASensitiveOneIsAWarningNamingTheClosest() throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n742 700 259:2 /etc/kubernetes/pki /pki ro,relatime - ext4 /dev/sda2 rw",
      host: host)

    #expect(findings.map(\.severity) == [.warning])
    #expect(findings.map(\.hostPath) == ["/etc/kubernetes/pki"])
    #expect(
      findings.first?.message
        == "'/pki' exposes the host's '/etc/kubernetes/pki', below the sensitive "
        + "'/etc/kubernetes', read-only")
  }

  @Test func theModulesDirectoryIsSensitiveUnderBothSpellings() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        743 700 259:2 /lib/modules /lib/modules ro - ext4 /dev/sda2 rw
        744 700 259:2 /usr/lib/modules/6.1.0 /modules ro - ext4 /dev/sda2 rw
        """, host: host)

    #expect(
      findings.map(\.message) == [
        "'/lib/modules' exposes the host's '/lib/modules', a sensitive host path, read-only",
        "'/modules' exposes the host's '/usr/lib/modules/6.1.0', below the sensitive "
          + "'/usr/lib/modules', read-only",
      ])
    #expect(findings.map(\.severity) == [.error, .warning])
  }

  @Test func pathsBelowTheBroadDirectoriesDoNotCount() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        745 700 259:2 /var/lib/app /app rw - ext4 /dev/sda2 rw
        746 700 259:2 /home/dev/src /src rw - ext4 /dev/sda2 rw
        747 700 259:2 /usr/share/zoneinfo /zoneinfo ro - ext4 /dev/sda2 rw
        748 700 259:2 /srv/data /srv rw - ext4 /dev/sda2 rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test func runtimeFilesAreExpectedOnlyFromTheirStateDirectoryWithTheirName() throws {
    let state = "/var/lib/docker/containers/c0ffee01"
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        708 700 259:2 \(state)/resolv.conf /etc/resolv.conf rw - ext4 /dev/sda2 rw
        709 700 259:2 \(state)/hosts /etc/hostname rw - ext4 /dev/sda2 rw
        710 700 259:2 /etc /etc/hosts rw - ext4 /dev/sda2 rw
        """, host: host)

    #expect(
      findings.map(\.message) == [
        "'/etc/hostname' exposes the host's '/var/lib/docker/containers/c0ffee01/hosts', "
          + "below the sensitive '/var/lib/docker', read-write",
        "'/etc/hosts' exposes the host's '/etc', a sensitive host path, read-write",
      ])
  }

  @Test func aSubPathThatTheHostBoundFromEtcIsStillEtc() throws {
    let volumeSubpath: ByteString = "/var/lib/kubelet/pods/0000aaaa/volume-subpaths/data/app/0"
    let hostWithSubpath = host + "\n90 22 259:2 /etc \(volumeSubpath) rw - ext4 /dev/sda2 rw"
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n741 700 259:2 /etc /data rw,relatime - ext4 /dev/sda2 rw",
      host: hostWithSubpath)

    #expect(findings.map(\.hostPath) == [volumeSubpath])
    #expect(
      findings.map(\.message)
        == ["'/data' exposes the host's '/etc', a sensitive host path, read-write"])
  }

  @Test func theHostsCgroupTreeIsSensitiveButTheContainersOwnIsNot() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        704 700 0:67 / /sys ro,nosuid - sysfs sysfs ro
        705 704 0:26 / /sys/fs/cgroup ro,nosuid - cgroup2 cgroup rw
        725 700 0:31 /kubepods/pod1/c0ffee01 /cg rw,nosuid - cgroup cgroup rw,memory
        """, host: host)

    #expect(findings.map(\.mountPoint) == ["/cg"])
    #expect(
      findings.first?.message
        == "'/cg' exposes the host's '/sys/fs/cgroup/memory/kubepods/pod1/c0ffee01', "
        + "below the sensitive '/sys/fs/cgroup', read-write")
  }

  @Test func aRootFilesystemThatIsTheHostsRootIsAnError() throws {
    let findings = try Tables.findings(
      of: rule, target: "68 46 259:2 / / rw,relatime - ext4 /dev/sda2 rw", host: host)

    #expect(
      findings.map(\.message) == ["'/' exposes the host's '/', a sensitive host path, read-write"])
  }

  @Test(arguments: ["field-cases/_baseline", "runc/default", "runc/docker-sock"])
  func expectedHostMountsAreNotReported(folder: String) throws {
    #expect(try FixtureContexts.findings(of: [rule], in: folder).isEmpty)
  }

  @Test func theR07SymlinkedSubPathIsReportedAndTheLegitimateOneIsNot() throws {
    let findings = try FixtureContexts.findings(of: [rule], in: "field-cases/R07")

    #expect(findings.map(\.mountPoint) == ["/data"])
    #expect(findings.map(\.severity) == [.error])
  }

  @Test func theR14HostCgroupTreeIsAnError() throws {
    let findings = try FixtureContexts.findings(of: [rule], in: "field-cases/R14")

    #expect(findings.map(\.mountPoint) == ["/host/sys/fs/cgroup"])
    #expect(findings.map(\.severity) == [.error])
  }

  @Test func theHostRootCaptureFoldsTheHostsSubmountsIntoSlashHost() throws {
    let findings = try FixtureContexts.findings(of: [rule], in: "runc/host-root")

    #expect(findings.map(\.mountPoint) == ["/host"])
    #expect(findings.map(\.hostPath) == ["/"])
    #expect(
      findings.map(\.message)
        == [
          "'/host' exposes the host's '/', a sensitive host path, read-write (20 mounts below "
            + "it, reported alike, are folded into this finding)"
        ])
  }
}
