import Testing

@testable import MountAudit

/// The policy's `sensitivePaths` flow into `host.sensitive-path`, matched by components.
extension HostSensitivePathRuleTests {
  func messages(_ target: String, sensitive: [ByteString] = [], binds: [ExpectedBind] = [])
    throws -> [String]
  {
    let profile = Profile(
      name: "default", summary: "", sensitivePaths: sensitive, expectedBinds: binds)
    let context = try Tables.context(target: "\(root)\n\(target)", host: host, profile: profile)
    return rule.check(context).map(\.message)
  }

  @Test func aPolicyPathIsSensitiveExactlyAboveAndBelowByComponents() throws {
    let found = try messages(
      """
      741 700 259:2 /srv/secrets /a ro - ext4 /dev/sda2 rw
      742 700 259:2 /srv/secrets/tls /b ro - ext4 /dev/sda2 rw
      743 700 259:2 /srv /c rw - ext4 /dev/sda2 rw
      744 700 259:2 /srv/secretsX /d rw - ext4 /dev/sda2 rw
      745 700 259:2 /srv/other /e rw - ext4 /dev/sda2 rw
      """, sensitive: ["/srv/secrets"])

    #expect(
      found == [
        "'/a' exposes the host's '/srv/secrets', a sensitive host path, read-only",
        "'/b' exposes the host's '/srv/secrets/tls', below the sensitive '/srv/secrets', "
          + "read-only",
        "'/c' exposes the host's '/srv', which holds the sensitive '/srv/secrets', read-write",
      ])
  }

  @Test func etcfooIsNotBelowEtc() throws {
    #expect(try messages("741 700 259:2 /etcfoo /etcfoo rw - ext4 /dev/sda2 rw").isEmpty)
  }

  @Test func aDirectoryHoldingABuiltInSensitivePathIsAnError() throws {
    let found = try messages(
      """
      741 700 259:2 /usr/lib /hostlib ro - ext4 /dev/sda2 rw
      742 700 259:2 /lib /lib2 ro - ext4 /dev/sda2 rw
      743 700 259:2 /lib64 /lib3 ro - ext4 /dev/sda2 rw
      """)
    #expect(
      found == [
        "'/hostlib' exposes the host's '/usr/lib', which holds the sensitive "
          + "'/usr/lib/modules', read-only",
        "'/lib2' exposes the host's '/lib', which holds the sensitive '/usr/lib/modules', "
          + "read-only",
      ])
  }

  @Test func aPolicyPathWrittenWithAnAliasMatchesItsCanonicalHostPath() throws {
    let found = try messages(
      "742 700 259:2 /run/secrets /s ro - ext4 /dev/sda2 rw", sensitive: ["/var/run/secrets"])
    #expect(found == ["'/s' exposes the host's '/run/secrets', a sensitive host path, read-only"])
  }

  @Test func anExpectedBindSilencesTheWarningBelowButNeverTheErrors() throws {
    let binds = [
      ExpectedBind(hostPath: .glob("/srv/secrets/**"), mountPoint: .exact("/b")),
      ExpectedBind(hostPath: .exact("/srv/secrets"), mountPoint: .exact("/a")),
    ]
    let found = try messages(
      """
      741 700 259:2 /srv/secrets /a ro - ext4 /dev/sda2 rw
      742 700 259:2 /srv/secrets/tls /b ro - ext4 /dev/sda2 rw
      743 700 259:2 /srv/secrets/tls /c ro - ext4 /dev/sda2 rw
      """, sensitive: ["/srv/secrets"], binds: binds)
    #expect(
      found == [
        "'/a' exposes the host's '/srv/secrets', a sensitive host path, read-only",
        "'/c' exposes the host's '/srv/secrets/tls', below the sensitive '/srv/secrets', "
          + "read-only",
      ])
  }
}

/// A policy's runtime socket makes every directory above it a socket directory; the
/// sensitive directories among them are still `host.sensitive-path`'s.
@Suite("host.sensitive-path with the policy's runtime sockets")
struct HostSensitivePathWithPolicySocketsTests {
  @Test func hostRootAndEtcStayErrorsWhenTheyHoldAPolicySocket() throws {
    let profile = Profile(
      name: "default", summary: "", runtimeSockets: ["/etc/app/api.sock", "/srv/api/d.sock"])
    let context = try Tables.context(
      target: """
        700 650 0:60 / / rw,relatime - overlay overlay rw
        741 700 259:2 / /host ro - ext4 /dev/sda2 rw
        742 700 259:2 /etc /hostetc ro - ext4 /dev/sda2 rw
        743 700 259:2 /srv/api /api rw - ext4 /dev/sda2 rw
        744 700 259:2 /etc/app/api.sock /run/api.sock rw - ext4 /dev/sda2 rw
        """, host: "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw", profile: profile)

    let sensitive = HostSensitivePathRule().check(context)
    #expect(sensitive.map(\.mountPoint) == ["/host", "/hostetc"])
    #expect(sensitive.map(\.severity) == [.error, .error])
    let sockets = HostRuntimeSocketRule().check(context)
    #expect(sockets.map(\.mountPoint) == ["/host", "/hostetc", "/api", "/run/api.sock"])
  }
}
