import Testing

@testable import MountAudit

/// The policy's `expectedBinds` take binds off the `host.bind` list.
extension HostBindRuleTests {
  @Test func anExpectedBindIsNotListedAndOnlyAtItsMountPoint() throws {
    let profile = Profile(
      name: "default", summary: "",
      expectedBinds: [
        ExpectedBind(hostPath: .glob("/srv/ci/builds/*"), mountPoint: .exact("/builds"))
      ])
    let context = try Tables.context(
      target: """
        \(root)
        741 700 259:2 /srv/ci/builds/job1 /builds rw - ext4 /dev/sda2 rw
        742 700 259:2 /srv/ci/builds/job1 /elsewhere rw - ext4 /dev/sda2 rw
        743 700 259:2 /srv/ci/builds/job1/sub /builds2 rw - ext4 /dev/sda2 rw
        """, host: host, profile: profile)

    #expect(
      rule.check(context).map(\.message) == [
        "'/elsewhere' exposes the host's '/srv/ci/builds/job1', read-write",
        "'/builds2' exposes the host's '/srv/ci/builds/job1/sub', read-write",
      ])
  }
}
