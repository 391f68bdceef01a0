import Testing

@testable import MountAudit

@Suite("TableNormalization")
struct TableNormalizationTests {
  private func normalized(_ rules: String, _ line: String) throws -> MountEntry {
    let normalization = try TableNormalization(parsing: rules)
    return try #require(normalization.apply(to: try Tables.table(line)).entries.first)
  }

  @Test("runtime-state replaces the per-container directory of every runtime")
  func runtimeState() throws {
    let entry = try normalized(
      "runtime-state",
      "1 0 8:1 /var/lib/docker/containers/abc/hosts /run/containerd/io.containerd.runtime.v2.task"
        + "/k8s.io/f00/rootfs rw - ext4 /var/lib/kubelet/pods/p-1/volumes rw")
    #expect(entry.root == "/var/lib/docker/containers/<id>/hosts")
    #expect(entry.mountPoint == "/run/containerd/io.containerd.runtime.v2.task/k8s.io/<id>/rootfs")
    #expect(entry.source == "/var/lib/kubelet/pods/<id>/volumes")
  }

  @Test("container-ids replaces 64-digit IDs and UUIDs, and nothing shorter")
  func containerIDs() throws {
    let id = String(repeating: "ab12", count: 16)
    let entry = try normalized(
      "container-ids",
      "1 0 8:1 /x/\(id)/y /pods/0f8fad5b-d9cb-469f-a165-70867728950e/c rw - ext4 /dev/\(id)x rw")
    #expect(entry.root == "/x/<id>/y")
    #expect(entry.mountPoint == "/pods/<uid>/c")
    #expect(entry.source == ByteString("/dev/\(id)x"))
  }

  @Test("overlay-layers and tmpfs-sizes rewrite super options")
  func layersAndSizes() throws {
    let entry = try normalized(
      "overlay-layers,tmpfs-sizes",
      "1 0 0:60 / / rw - overlay overlay rw,lowerdir=/o/l/ABCDEFGHIJKLMNOPQRSTUVWXYZ:/o/l/short,"
        + "size=65536k,nr_inodes=12,mode=755")
    #expect(
      entry.superOptions == "rw,lowerdir=/o/l/<layer>:/o/l/short,size=<size>,nr_inodes=<n>,mode=755"
    )
  }

  @Test("a substitution expands its groups")
  func substitution() throws {
    let entry = try normalized(
      #"s/ctr-([a-z]+)-\d+/ctr-$1/"#, "1 0 8:1 / /ctr-web-42 rw - ext4 a rw")
    #expect(entry.mountPoint == "/ctr-web")
  }

  @Test(
    "bad rule lists are refused with the reason",
    arguments: [
      (
        "nope",
        "unknown rule 'nope': expected all, runtime-state, container-ids, "
          + "overlay-layers, tmpfs-sizes or s/REGEX/REPLACEMENT/"
      ),
      ("s/a(/b/", "invalid regular expression 'a('"),
      ("s/a/b", "substitution 's/a/b' lacks its closing '/'"),
      ("all,", "a rule is missing after ','"),
    ])
  func badRules(text: String, message: String) {
    #expect(throws: NormalizationError(message: message)) {
      try TableNormalization(parsing: text)
    }
  }
}
