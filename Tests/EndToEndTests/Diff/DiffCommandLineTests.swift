import Foundation
import Testing

/// `mountaudit diff` run as a user runs it: exit statuses, inputs, usage errors, and a live
/// container whose table changes under it.
@Suite("diff command line")
struct DiffCommandLineTests {
  static let first = "fixtures/diff/runc-restart/first.mountinfo"
  static let dockerSock = "fixtures/runtimes/runc-docker-sock/container.mountinfo"

  @Test("equal tables exit 0, different tables exit 1, like diff(1)")
  func exitStatuses() throws {
    #expect(try Binary.run(["diff", Self.first, Self.first]).status == 0)
    let run = try Binary.run(["diff", Self.first, Self.dockerSock])
    #expect(run.status == 1)
    #expect(run.text.contains("+ /var/run/docker.sock  (mount 85)\n"))
  }

  @Test("one side may be standard input")
  func standardInput() throws {
    let input = try Data(contentsOf: Binary.repositoryRoot.appendingPathComponent(Self.first))
    let run = try Binary.run(["diff", "-", Self.first], input: input)
    #expect(run.status == 0)
    #expect(run.text.hasPrefix("--- stdin (25 mounts)\n+++ \(Self.first) (25 mounts)\n"))
  }

  @Test("an unreadable table exits 2 naming it")
  func unreadable() throws {
    let run = try Binary.run(["diff", Self.first, "fixtures/no-such.mountinfo"])
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "mountaudit: cannot read 'fixtures/no-such.mountinfo': No such file or directory\n")
  }

  @Test("a traced container's unreadable line is named and exits 2, as A's or B's would")
  func unreadableContainerLine() throws {
    let folder = Binary.repositoryRoot.appendingPathComponent("fixtures/field-cases/R15")
    let text = try String(
      contentsOf: folder.appendingPathComponent("container.mountinfo"), encoding: .utf8)
    // Line 25 loses its separator.
    let broken = text.replacingOccurrences(of: "shared:420 - tmpfs", with: "shared:420 tmpfs")
    #expect(broken != text)
    let container = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-broken-container-\(getpid()).mountinfo")
    try broken.write(to: container, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: container) }

    let run = try Binary.run([
      "diff", "fixtures/field-cases/R15/host.mountinfo",
      "fixtures/field-cases/R15/host-after.mountinfo", "--container", container.path,
    ])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("mountaudit: \(container.path): line 25: "))
  }

  @Test(
    "usage errors exit 64 with one line",
    arguments: [
      (
        ["diff", "a"],
        "mountaudit: 'diff' needs two tables: A and B "
          + "(each a PID, a mountinfo file, a snapshot or -)"
      ),
      (["diff", "a", "b", "c"], "mountaudit: unexpected argument 'c' for 'diff'"),
      (["diff", "-", "-"], "mountaudit: only one of A and B can be - (standard input)"),
      (
        ["diff", "a", "b", "--ignore", "size"],
        "mountaudit: invalid field 'size' for '--ignore': expected one of mount-point, parent, "
          + "fstype, source, root, options, super-options, propagation, device, shadowing"
      ),
      (
        ["diff", "a", "b", "--match", "id"],
        "mountaudit: invalid value 'id' for '--match': expected auto, mount-id or mount-point"
      ),
      (
        ["diff", "a", "b", "--host", "h"],
        "mountaudit: option '--host' applies to 'diff' only with '--audit'"
      ),
      (["diff", "a", "b", "--audit=yes"], "mountaudit: option '--audit' takes no value"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let run = try Binary.run(arguments)
    #expect(run.status == 64)
    #expect(run.stderr.hasPrefix(message + "\n"))
  }

  @Test("snapshot takes only a running PID")
  func snapshotUsage() throws {
    let file = try Binary.run(["snapshot", Self.first])
    #expect(file.status == 64)
    #expect(
      file.stderr.hasPrefix("mountaudit: 'snapshot' takes a PID: it captures a running process\n"))
    let gone = try Binary.run(["snapshot", "2147483646"])
    #expect(gone.status == 2)
    #expect(gone.stderr == "mountaudit: no such process: PID 2147483646\n")
  }

  @Test("a file that starts like JSON but is no snapshot exits 2 naming the file")
  func brokenSnapshot() throws {
    let run = try Binary.run(["diff", "-", Self.first], input: Data(#"{"format": "x"}"#.utf8))
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "mountaudit: 'stdin' is not a mountaudit snapshot: "
        + "'format' is not 'mountaudit-snapshot'\n"
    )
  }

  @Test("--audit compares findings: the socket appears, and nothing else")
  func auditComparison() throws {
    let run = try Binary.run([
      "diff", "--audit", "fixtures/runtimes/runc-default/container.mountinfo", Self.dockerSock,
      "--host", "fixtures/runtimes/runc-default/host.mountinfo", "--format", "json",
    ])
    #expect(run.status == 1)
    let report = try run.json()
    let appeared = try #require(report["appeared"] as? [[String: Any]])
    #expect(appeared.map { $0["rule"] as? String } == ["host.runtime-socket"])
    #expect(appeared.map { $0["mountPoint"] as? String } == ["/var/run/docker.sock"])
    #expect((report["resolved"] as? [Any])?.isEmpty == true)
  }
}

/// A live container: its table saved, then a tmpfs mounted inside it, then diffed.
@Suite("diff and snapshot of a live container", .enabled(if: RuncLab.shouldRun))
struct LiveDiffTests {
  /// Runs `mount -t tmpfs probe /tmp` in the mount namespace of `pid`.
  private func mountProbe(in pid: Int32) throws {
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
    mount.arguments = ["-t", String(pid), "-m", "mount", "-t", "tmpfs", "probe", "/tmp"]
    try mount.run()
    mount.waitUntilExit()
    try #require(mount.terminationStatus == 0)
  }

  @Test("a snapshot of a container and a later container are never taken for one namespace")
  func restartedContainerIsAnotherNamespace() throws {
    let snapshot = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-restart-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: snapshot) }
    try RuncLab.withContainer("default") { pid, _ in
      let capture = try Binary.run(["snapshot", String(pid)])
      try #require(capture.status == 0)
      try capture.stdout.write(to: snapshot)
      let document = try capture.json()
      let target = try #require(document["target"] as? [String: Any])
      #expect(target["mountNamespaceID"] is String, "the kernel's unique namespace ID")
    }
    try RuncLab.withContainer("default") { pid, _ in
      let run = try Binary.run(["diff", snapshot.path, String(pid), "--format", "json"])
      #expect(try run.json()["matching"] as? String == "mount-point")
    }
  }

  @Test("a snapshot audits like the live process, and diffs against it by mount ID")
  func snapshotOfContainer() throws {
    try RuncLab.withContainer("docker-sock") { pid, bundle in
      let capture = try Binary.run(["snapshot", String(pid)])
      #expect(capture.status == 0)
      #expect(capture.stderr == "")
      let snapshot = bundle + "/snapshot.json"
      try capture.stdout.write(to: URL(fileURLWithPath: snapshot))

      let live = try Binary.run([String(pid), "--format", "json"])
      let offline = try Binary.run([snapshot, "--format", "json"])
      #expect(live.status == 1)
      #expect(offline.status == live.status)
      let liveFindings = try #require(live.json()["findings"] as? [[String: Any]])
      let offlineFindings = try #require(offline.json()["findings"] as? [[String: Any]])
      #expect(
        offlineFindings.map { NSDictionary(dictionary: $0) }
          == liveFindings.map { NSDictionary(dictionary: $0) })
      #expect(offlineFindings.contains { $0["rule"] as? String == "host.runtime-socket" })
      let summary = try #require(offline.json()["snapshot"] as? [String: Any])
      #expect(summary["pid"] as? Int == Int(pid))

      #expect(try Binary.run(["tree", snapshot]).status == 0)

      try mountProbe(in: pid)
      let run = try Binary.run(["diff", snapshot, String(pid), "--format", "json"])
      #expect(run.status == 1)
      let report = try run.json()
      #expect(report["matching"] as? String == "mount-id")
      let changes = try #require(report["changes"] as? [[String: Any]])
      #expect(changes.map { $0["change"] as? String } == ["added"])
      #expect(changes.map { $0["mountPoint"] as? String } == ["/tmp"])
    }
  }

  @Test("a tmpfs mounted inside a running container is exactly what the diff adds")
  func mountInsideContainer() throws {
    try RuncLab.withContainer("default") { pid, bundle in
      let saved = bundle + "/before.mountinfo"
      try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/mountinfo")).write(
        to: URL(fileURLWithPath: saved))
      #expect(try Binary.run(["diff", saved, String(pid)]).status == 0)

      try mountProbe(in: pid)
      let run = try Binary.run(["diff", saved, String(pid), "--format", "json"])
      #expect(run.status == 1)
      let changes = try #require(run.json()["changes"] as? [[String: Any]])
      #expect(changes.count == 1)
      #expect(changes.first?["change"] as? String == "added")
      #expect(changes.first?["mountPoint"] as? String == "/tmp")
      let after = try #require(changes.first?["after"] as? [String: Any])
      #expect(after["fsType"] as? String == "tmpfs")
      #expect(after["source"] as? String == "probe")
    }
  }
}
