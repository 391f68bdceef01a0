import Testing

@testable import MountAudit

/// The policy's `runtimeSockets` flow into `host.runtime-socket`, matched by components.
extension HostRuntimeSocketRuleTests {
  func messages(_ target: String, sockets: [ByteString]) throws -> [String] {
    let profile = Profile(name: "default", summary: "", runtimeSockets: sockets)
    let context = try Tables.context(target: "\(root)\n\(target)", host: host, profile: profile)
    return rule.check(context).map(\.message)
  }

  @Test func aPolicySocketIsCaughtAtItsPathAndThroughEveryDirectoryAboveIt() throws {
    let found = try messages(
      """
      750 700 259:2 /srv/api/dockerd.sock /api.sock rw - ext4 /dev/sda2 rw
      751 700 259:2 /srv/api /api rw - ext4 /dev/sda2 rw
      752 700 259:2 /srv /srv rw - ext4 /dev/sda2 rw
      753 700 259:2 /srv/api2 /api2 rw - ext4 /dev/sda2 rw
      754 700 259:2 /srv/api/dockerd.sock.bak /bak rw - ext4 /dev/sda2 rw
      """, sockets: ["/srv/api/dockerd.sock"])

    #expect(
      found == [
        "'/api.sock' exposes the host's '/srv/api/dockerd.sock' (runtime socket "
          + "'/srv/api/dockerd.sock' of the policy)",
        "'/api' exposes the host's '/srv/api' (directory holding the runtime socket "
          + "'/srv/api/dockerd.sock' of the policy)",
        "'/srv' exposes the host's '/srv' (directory holding the runtime socket "
          + "'/srv/api/dockerd.sock' of the policy)",
      ])
  }

  @Test func hostVarHoldsASocketWrittenUnderVarRun() throws {
    let found = try messages(
      """
      750 700 259:2 /var /hostvar ro - ext4 /dev/sda2 rw
      751 700 0:24 /agent.sock /agent.sock rw - tmpfs tmpfs rw
      """, sockets: ["/var/run/agent.sock"])

    #expect(
      found == [
        "'/hostvar' exposes the host's '/var' (directory holding the runtime socket "
          + "'/var/run/agent.sock' of the policy)",
        "'/agent.sock' exposes the host's '/run/agent.sock' (runtime socket "
          + "'/var/run/agent.sock' of the policy)",
      ])
  }

  @Test func withoutPolicySocketsACustomSocketIsNotRecognised() throws {
    let target = "750 700 259:2 /srv/api/dockerd.sock /api.sock rw - ext4 /dev/sda2 rw"
    #expect(try messages(target, sockets: []).isEmpty)
  }
}
