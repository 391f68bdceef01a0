import Testing

@testable import MountAudit

@Suite("host.runtime-socket")
struct HostRuntimeSocketRuleTests {
  let rule = HostRuntimeSocketRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    27 22 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,mode=755
    28 27 0:30 / /run/user/1000 rw,nosuid,nodev,relatime shared:6 - tmpfs tmpfs rw,mode=700
    """
  let root = "700 650 0:60 / / rw,relatime - overlay overlay rw"

  /// The rule rules out a mount point by its suffix before looking its name up: every known
  /// socket name must end in one of the suffixes it checks.
  @Test func everyKnownSocketNameEndsInASuffixTheShortcutKeeps() {
    for name in HostRuntimeSocketRule.socketKinds.keys {
      let text = name.lossyText
      #expect(text.hasSuffix(".sock") || text.hasSuffix(".sock.ttrpc"), "\(text)")
    }
  }

  @Test func theDockerSocketIsAnErrorNamingItsHostSide() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        730 700 0:24 /docker.sock /run/docker.sock rw,nosuid,nodev - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "host.runtime-socket")
    #expect(finding.severity == .error)
    #expect(finding.mountPoint == "/run/docker.sock")
    #expect(finding.hostPath == "/run/docker.sock")
    #expect(
      finding.message
        == "'/run/docker.sock' exposes the host's '/run/docker.sock' (docker API socket)")
  }

  @Test func aDeletedSocketStillReachableThroughItsBindIsCaught() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        732 700 0:24 /docker.sock//deleted /mnt/a rw - tmpfs tmpfs rw
        """, host: host)
    #expect(findings.map(\.mountPoint) == ["/mnt/a"])
    #expect(
      findings.first?.message
        == "'/mnt/a' exposes the host's '/run/docker.sock//deleted' (docker API socket)")
  }

  @Test func theContainersOwnNullMaskingASocketPathIsNoSocket() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        702 700 0:65 / /dev rw,nosuid - tmpfs tmpfs rw,mode=755
        733 702 0:65 /null /run/containerd/containerd.sock rw,nosuid - tmpfs tmpfs rw
        734 700 0:6 /null /var/run/docker.sock rw,nosuid - devtmpfs udev rw
        """, host: host)
    #expect(findings.isEmpty)
  }

  @Test func aSocketUnderAnInnocentNameIsCaughtByItsHostSide() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        731 700 0:24 /containerd/containerd.sock /srv/ci/ctr.sock rw - tmpfs tmpfs rw
        """, host: host)

    #expect(findings.map(\.mountPoint) == ["/srv/ci/ctr.sock"])
    #expect(
      findings.first?.message
        == "'/srv/ci/ctr.sock' exposes the host's '/run/containerd/containerd.sock' "
        + "(containerd API socket)")
  }

  @Test func aMountNamedLikeASocketIsReportedWithoutAHostSide() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        85 700 254:0 /bundle/run/api /var/run/docker.sock rw,relatime - ext4 /dev/vda rw
        """)

    #expect(findings.map(\.mountPoint) == ["/var/run/docker.sock"])
    #expect(findings.first?.hostPath == nil)
    #expect(
      findings.first?.message
        == "'/var/run/docker.sock' is named like the docker API socket; its host side is unknown"
    )
  }

  @Test(arguments: [
    ("/ /hostrun", "'/hostrun' exposes the host's '/run' (directory of runtime sockets)"),
    (
      "/containerd/s/1a2b /shim",
      "'/shim' exposes the host's '/run/containerd/s/1a2b' (containerd shim socket)"
    ),
  ])
  func directoriesAndShimSocketsAreCaughtByTheirHostSide(rootAndMount: String, message: String)
    throws
  {
    let findings = try Tables.findings(
      of: rule, target: "\(root)\n740 700 0:24 \(rootAndMount) rw - tmpfs tmpfs rw", host: host)

    #expect(findings.map(\.message) == [message])
  }

  @Test func aUserRuntimeDirectoryIsASocketDirectory() throws {
    let findings = try Tables.findings(
      of: rule, target: "\(root)\n741 700 0:30 / /xdg rw - tmpfs tmpfs rw", host: host)

    #expect(
      findings.map(\.message)
        == ["'/xdg' exposes the host's '/run/user/1000' (directory of runtime sockets)"])
  }

  @Test func freshMountsAndSubdirectoriesOfSocketDirectoriesAreNotReported() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        742 700 0:90 / /run rw,nosuid,nodev - tmpfs tmpfs rw
        743 700 0:24 /docker/plugins /plugins rw - tmpfs tmpfs rw
        744 700 259:2 /srv/data /data rw,relatime - ext4 /dev/sda2 rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test func runcsDockerSockCaptureGivesExactlyTheSocket() throws {
    let findings = try FixtureContexts.findings(
      of: [rule, HostSensitivePathRule(), HostBindRule()], in: "runc/docker-sock")

    #expect(findings.map(\.rule) == ["host.runtime-socket"])
    #expect(findings.map(\.mountPoint) == ["/var/run/docker.sock"])
    #expect(findings.first?.hostPath == "/var/lib/mountaudit-lab/docker-sock/run/docker.sock")
  }

  @Test func runcsDefaultContainerIsNotReported() throws {
    #expect(try FixtureContexts.findings(of: [rule], in: "runc/default").isEmpty)
  }
}
