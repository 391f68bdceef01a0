import Testing

@testable import MountAudit

/// Where a target mount's files live in the host's tree.
@Suite("HostPathResolver")
struct HostPathResolverTests {
  /// A target mount of `device` with `root`, for resolving.
  private func target(_ device: String, root: String) throws -> MountEntry {
    try #require(
      Tables.table("900 899 \(device) \(root) /target rw - ext4 /dev/x rw").entries.first)
  }

  /// The host mount ID and host-side path for a target mount, or `nil`.
  private func resolve(
    _ host: String, device: String, root: String
  ) throws -> (id: UInt32, path: ByteString)? {
    let resolver = HostPathResolver(host: try Tables.tree(host))
    return resolver.resolve(try target(device, root: root)).map { ($0.hostMount.id, $0.path) }
  }

  private let host = """
    1 0 8:1 / / rw - ext4 /dev/sda1 rw
    2 1 8:1 /var/lib/docker /srv/docker rw - ext4 /dev/sda1 rw
    3 1 8:1 /var/lib/docker/volumes /vol rw - ext4 /dev/sda1 rw
    4 1 8:3 / /home rw - ext4 /dev/sda3 rw
    """

  @Test(
    "the host mount whose root is the longest prefix of the target's root wins",
    arguments: [
      ("/var/lib/docker/volumes/x/_data", 3, "/vol/x/_data"),
      ("/var/lib/docker/volumes", 3, "/vol"),
      ("/var/lib/docker/containers/abc/hosts", 2, "/srv/docker/containers/abc/hosts"),
      ("/var/lib/dockerfile", 1, "/var/lib/dockerfile"),
      ("/etc", 1, "/etc"),
      ("/", 1, "/"),
    ] as [(String, UInt32, ByteString)])
  func longestPrefix(root: String, id: UInt32, path: ByteString) throws {
    let resolved = try #require(try resolve(host, device: "8:1", root: root))
    #expect(resolved.id == id)
    #expect(resolved.path == path)
  }

  @Test("a bind of a subdirectory maps to the host mount point plus the rest of the root")
  func subdirectoryBind() throws {
    let resolved = try #require(try resolve(host, device: "8:3", root: "/alice/.ssh"))
    #expect(resolved.id == 4)
    #expect(resolved.path == "/home/alice/.ssh")
  }

  @Test("ties between equal roots go to the lowest mount ID, whatever the input order")
  func tiesToLowestID() throws {
    let host = """
      1 0 8:1 / / rw - ext4 /dev/sda1 rw
      9 1 8:2 /data /a rw - ext4 /dev/sdb rw
      4 1 8:2 /data /b rw - ext4 /dev/sdb rw
      7 1 8:2 /data /c rw - ext4 /dev/sdb rw
      """
    let resolved = try #require(try resolve(host, device: "8:2", root: "/data/x"))
    #expect(resolved.id == 4)
    #expect(resolved.path == "/b/x")
  }

  @Test("hidden host mounts do not count, however long their root")
  func onlyVisibleMounts() throws {
    let host = """
      1 0 8:1 / / rw - ext4 /dev/sda1 rw
      5 1 8:1 /srv/data /mnt rw - ext4 /dev/sda1 rw
      6 5 0:40 / /mnt rw - tmpfs tmpfs rw
      """
    let resolved = try #require(try resolve(host, device: "8:1", root: "/srv/data/x"))
    #expect(resolved.id == 1)
    #expect(resolved.path == "/srv/data/x")
  }

  @Test("a root '/' at a mount point other than '/' gives that mount point plus the root")
  func slashRoots() throws {
    let host = """
      1 0 8:1 / / rw - ext4 /dev/sda1 rw
      2 1 8:5 / /mnt/disk rw - ext4 /dev/sdc rw
      """
    #expect(try resolve(host, device: "8:5", root: "/")?.path == "/mnt/disk")
    #expect(try resolve(host, device: "8:5", root: "/x/y")?.path == "/mnt/disk/x/y")
    #expect(try resolve(host, device: "8:1", root: "/")?.path == "/")
  }

  @Test("nothing is found for another device or a root outside every host root")
  func noMatch() throws {
    #expect(try resolve(host, device: "0:99", root: "/") == nil)
    #expect(try resolve(host, device: "8:1", root: "net:[4026532640]") == nil)

    let partial = """
      1 0 8:1 / / rw - ext4 /dev/sda1 rw
      2 1 8:4 /a /mnt/a rw - ext4 /dev/sdd rw
      """
    #expect(try resolve(partial, device: "8:4", root: "/b") == nil)
    #expect(try resolve(partial, device: "8:4", root: "/ab") == nil)
    #expect(try resolve(partial, device: "8:4", root: "/a/b")?.path == "/mnt/a/b")
  }

  @Test(
    "btrfs subvolumes map through the subvolume mount with the longest root",
    arguments: [
      ("/containers/storage/x", "/var/lib/containers/storage/x"),
      ("/root/etc", "/etc"),
      ("/var_tmpx", "/mnt/a/var_tmpx"),
      ("/var_tmp/a", "/var/tmp/a"),
      ("/", "/mnt/a"),
    ] as [(String, ByteString)])
  func btrfsSubvolumes(root: String, path: ByteString) throws {
    let host = HostPathResolver(
      host: MountTree(
        try Fixtures.table("external/util-linux/libmount/mountinfo_btrfs.mountinfo")))
    #expect(host.resolve(try target("259:3", root: root))?.path == path)
  }

  @Test("a captured container's mounts map onto its host's tree")
  func runcContainer() throws {
    let host = HostPathResolver(
      host: MountTree(try Fixtures.table("runc/docker-sock/host.mountinfo")))
    let container = MountTree(try Fixtures.table("runc/docker-sock/container.mountinfo"))
    func hostPath(_ mountPoint: ByteString) throws -> ByteString? {
      host.resolve(try #require(container.visibleMount(at: mountPoint)))?.path
    }

    #expect(try hostPath("/") == "/var/lib/mountaudit-lab/docker-sock/rootfs")
    #expect(
      try hostPath("/var/run/docker.sock") == "/var/lib/mountaudit-lab/docker-sock/run/docker.sock")
    #expect(
      try hostPath("/sys/fs/cgroup/cpu") == "/sys/fs/cgroup/cpu/mountaudit-fixture-docker-sock")
    #expect(try hostPath("/proc") == nil)
    #expect(try hostPath("/dev/pts") == nil)
  }
}
