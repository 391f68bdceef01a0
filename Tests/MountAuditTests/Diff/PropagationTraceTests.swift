import Testing

@testable import MountAudit

@Suite("PropagationTrace")
struct PropagationTraceTests {
  private func trace(host: String, after: String, container: String) throws -> PropagationTrace {
    let first = MountTree(try Fixtures.table(host))
    let second = MountTree(try Fixtures.table(after))
    let diff = MountDiff(first, second, matching: .mountPoint)
    return PropagationTrace(diff, container: MountTree(try Fixtures.table(container)))
  }

  @Test("R15: the tmpfs made in the rshared volume outlives its container, nothing else")
  func leftBehind() throws {
    let result = try trace(
      host: "field-cases/R15/host.mountinfo", after: "field-cases/R15/host-after.mountinfo",
      container: "field-cases/R15/container.mountinfo")
    #expect(result.leftBehind.map(\.mount.id) == [455])
    #expect(
      result.leftBehind.first?.note
        == "left behind: came by propagation with the container's '/test/sub' (peer group 420) "
        + "and is still mounted after the container's root "
        + "('/var/lib/docker/overlay2/c0ffee01/merged', mount 640) was removed")
  }

  @Test("while the container runs, nothing is left behind")
  func containerStillThere() throws {
    let result = try trace(
      host: "field-cases/R15/host.mountinfo", after: "field-cases/R15/host.mountinfo",
      container: "field-cases/R15/container.mountinfo")
    #expect(result.leftBehind.isEmpty)
  }

  @Test("R03: the host's copy of the container's gadget mount is named, the host root is not")
  func arrivedByPropagation() throws {
    let result = try trace(
      host: "field-cases/R03/host.mountinfo", after: "field-cases/R03/container.mountinfo",
      container: "field-cases/R03/container.mountinfo")
    let first = MountTree(try Fixtures.table("field-cases/R03/host.mountinfo"))
    let second = MountTree(try Fixtures.table("field-cases/R03/container.mountinfo"))
    let diff = MountDiff(first, second, matching: .mountPoint)
    let named = result.notes.keys.map { diff.changes[$0].entry.mountPoint }
    #expect(named == ["/var/lib/docker/volumes/buildcache/_data/gadget"])
    #expect(result.leftBehind.isEmpty)
  }
}
