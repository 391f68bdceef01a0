import Testing

@testable import MountAudit

@Suite("host.bind")
struct HostBindRuleTests {
  let rule = HostBindRule()
  let host = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    24 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw
    32 24 0:29 / /proc/sys/fs/binfmt_misc rw,relatime shared:14 - autofs systemd-1 rw
    """
  let root = "700 650 0:60 / / rw,relatime - overlay overlay rw"

  @Test func aHostDirectoryIsANoteWithItsHostSide() throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n740 700 259:2 /srv/data /data ro,relatime - ext4 /dev/sda2 rw",
      host: host)

    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.rule == "host.bind")
    #expect(finding.severity == .note)
    #expect(finding.mountPoint == "/data")
    #expect(finding.hostPath == "/srv/data")
    #expect(finding.message == "'/data' exposes the host's '/srv/data', read-only")
  }

  @Test func aDockerVolumeIsListedByNameAndWhatIsBelowItIsFolded() throws {
    let findings = try FixtureContexts.findings(of: [rule], in: "field-cases/R03")

    #expect(findings.map(\.mountPoint) == ["/cache"])
    #expect(
      findings.map(\.message) == [
        "'/cache' is the docker volume 'buildcache' "
          + "('/var/lib/docker/volumes/buildcache/_data'), read-write (one mount below it, "
          + "reported alike, is folded into this finding)"
      ])
  }

  @Test(arguments: [
    "//var/lib/docker/volumes/cache/_data", "/var//lib/docker/volumes/cache/_data",
    "/var/lib//docker/volumes/cache//_data",
  ])
  func aVolumeSpelledWithRepeatedSlashesIsStillTheVolume(hostPath: String) throws {
    let findings = try Tables.findings(
      of: rule,
      target: "\(root)\n740 700 259:2 \(hostPath) /cache rw,relatime - ext4 /dev/sda2 rw",
      host: host)

    #expect(
      findings.map(\.message) == [
        "'/cache' is the docker volume 'cache' ('\(hostPath)'), read-write"
      ])
  }

  @Test func aPodVolumeSpelledWithRepeatedSlashesIsStillExpected() throws {
    let findings = try Tables.findings(
      of: rule,
      target:
        "\(root)\n740 700 259:2 /var//lib/kubelet/pods/u/volumes/x/y /vol rw - ext4 /dev/sda2 rw",
      host: host)

    #expect(findings.isEmpty)
  }

  @Test func socketsSensitivePathsAndWhatLiesBelowThemAreNotListedAgain() throws {
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        741 700 259:2 / /host rw - ext4 /dev/sda2 rw
        742 741 259:2 /srv /host/srv rw - ext4 /dev/sda2 rw
        743 700 259:2 /srv/app/docker.sock /var/run/docker.sock rw - ext4 /dev/sda2 rw
        744 700 0:22 / /hostproc rw - proc proc rw
        745 744 0:29 / /hostproc/sys/fs/binfmt_misc rw - autofs systemd-1 rw
        """, host: host)

    #expect(findings.isEmpty)
  }

  @Test(arguments: ["overlay", "vfs", "btrfs", "zfs", "devicemapper", "aufs"])
  func runtimeFilesFromEachContainersStorageDriverAreNotListed(driver: String) throws {
    let id = "40df44b86661299e146d67dde834dea3dd7748331c3c477d0028ca3c29e1b0fb"
    let graph = "/var/lib/containers/storage/\(driver)-containers/\(id)/userdata"
    let run = "/run/containers/storage/\(driver)-containers/\(id)/userdata"
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        708 700 259:2 \(graph)/hostname /etc/hostname rw - ext4 /dev/sda2 rw
        709 700 0:25 \(run)/hosts /etc/hosts rw - tmpfs tmpfs rw
        710 700 0:25 \(run)/resolv.conf /etc/resolv.conf rw - tmpfs tmpfs rw
        711 700 0:25 \(run)/.containerenv /run/.containerenv rw - tmpfs tmpfs rw
        """, host: host + "\n26 22 0:25 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw")

    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func aStateDirectoryOfNoKnownDriverOrUnderAnotherNameIsListed() throws {
    let id = "40df44b86661299e146d67dde834dea3dd7748331c3c477d0028ca3c29e1b0fb"
    let storage = "/var/lib/containers/storage"
    let findings = try Tables.findings(
      of: rule,
      target: """
        \(root)
        708 700 259:2 \(storage)/any-containers/\(id)/userdata/hostname /etc/hostname rw \
        - ext4 /dev/sda2 rw
        709 700 259:2 \(storage)/vfs-containers/\(id)/userdata/hostname /etc/hosts rw \
        - ext4 /dev/sda2 rw
        """, host: host)

    #expect(findings.map(\.rule) == ["host.bind", "host.bind"])
    #expect(findings.map(\.mountPoint) == ["/etc/hostname", "/etc/hosts"])
    #expect(
      findings.map(\.message) == [
        "'/etc/hostname' exposes the host's '\(storage)/any-containers/\(id)/userdata/"
          + "hostname', read-write",
        "'/etc/hosts' exposes the host's '\(storage)/vfs-containers/\(id)/userdata/"
          + "hostname', read-write",
      ])
  }

  /// A host whose runtimes have mounted a container's `/dev/shm` in their state
  /// directories: podman's (0:70) and Docker's (0:71).
  static let shmHost = """
    22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
    25 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw,mode=755
    28 25 0:25 / /dev/shm rw,nosuid,nodev shared:3 - tmpfs tmpfs rw,inode64
    90 22 0:70 / /var/lib/containers/storage/overlay-containers/40df44b8/userdata/shm \
    rw,nosuid,nodev,noexec shared:40 - tmpfs shm rw,size=64000k
    91 22 0:71 / /var/lib/docker/containers/c0ffee01/mounts/shm rw,nosuid,nodev,noexec \
    shared:41 - tmpfs shm rw,size=65536k
    """

  /// The findings of the rules that judge a host path at `/dev/shm`, through the engine.
  func shmFindings(_ line: String) throws -> [Finding] {
    let rules: [any Rule] = [rule, HostSensitivePathRule(), DevShmHostInstanceRule()]
    let context = try Tables.context(target: "\(root)\n\(line)", host: Self.shmHost)
    return PolicyEngine(rules: rules).evaluate(context).findings
  }

  @Test(arguments: [
    "707 700 0:70 / /dev/shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=64000k",
    "707 700 0:71 / /dev/shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=65536k",
  ])
  func aShmTmpfsFromTheRuntimesStateDirectoryAtDevShmIsExpected(line: String) throws {
    let findings = try shmFindings(line)
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func theRuntimesShmTmpfsElsewhereIsStillReported() throws {
    let podman = try shmFindings(
      "707 700 0:70 / /shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=64000k")
    #expect(podman.map(\.rule) == ["host.bind"])
    #expect(podman.map(\.mountPoint) == ["/shm"])
    #expect(
      podman.map(\.message) == [
        "'/shm' exposes the host's "
          + "'/var/lib/containers/storage/overlay-containers/40df44b8/userdata/shm', read-write"
      ])

    let docker = try shmFindings(
      "707 700 0:71 / /shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=65536k")
    #expect(docker.map(\.rule) == ["host.sensitive-path"])
    #expect(docker.map(\.severity) == [.warning])
    #expect(
      docker.map(\.message) == [
        "'/shm' exposes the host's '/var/lib/docker/containers/c0ffee01/mounts/shm', "
          + "below the sensitive '/var/lib/docker', read-write"
      ])
  }

  @Test func anyOtherHostDirectoryAtDevShmIsStillListed() throws {
    let belowShm = try shmFindings(
      "707 700 0:70 /sub /dev/shm rw,nosuid,nodev,noexec - tmpfs shm rw,size=64000k")
    #expect(belowShm.map(\.rule) == ["host.bind"])
    #expect(
      belowShm.map(\.message) == [
        "'/dev/shm' exposes the host's "
          + "'/var/lib/containers/storage/overlay-containers/40df44b8/userdata/shm/sub', "
          + "read-write"
      ])

    let diskDirectory = try shmFindings(
      "707 700 259:2 /srv/containers/storage/vfs-containers/40df44b8/userdata/shm /dev/shm "
        + "rw - ext4 /dev/sda2 rw")
    #expect(diskDirectory.map(\.rule) == ["host.bind"])
    #expect(
      diskDirectory.map(\.message) == [
        "'/dev/shm' exposes the host's "
          + "'/srv/containers/storage/vfs-containers/40df44b8/userdata/shm', read-write"
      ])
  }

  @Test func theHostsDevShmAtDevShmIsStillTheHostsInstance() throws {
    let findings = try shmFindings(
      "707 700 0:25 / /dev/shm rw,nosuid,nodev - tmpfs tmpfs rw,inode64")

    #expect(findings.map(\.rule) == ["dev.shm-host-instance", "host.bind"])
    #expect(findings.map(\.mountPoint) == ["/dev/shm", "/dev/shm"])
    #expect(
      findings.map(\.message) == [
        "tmpfs at '/dev/shm' is the host's /dev/shm (0:25, root '/')",
        "'/dev/shm' exposes the host's '/dev/shm', read-write",
      ])
  }

  @Test(arguments: [
    "field-cases/_baseline", "field-cases/R07", "runc/default", "runc/docker-sock",
    "runc/host-root", "runc/privileged",
  ])
  func expectedAndOtherwiseReportedMountsAreNotListed(folder: String) throws {
    #expect(try FixtureContexts.findings(of: [rule], in: folder).isEmpty)
  }
}
