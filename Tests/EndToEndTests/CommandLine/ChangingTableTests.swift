import Foundation
import Testing

/// A namespace whose mounts change all the time (a tmpfs mounted and unmounted in a loop):
/// every read gives a consistent table or says plainly that it kept changing.
@Suite("Tables that change while they are read", .enabled(if: getuid() == 0))
struct ChangingTableTests {
  @Test("a churning namespace is read consistently, or the error says it kept changing")
  func churn() throws {
    // unshare execs sh in the new namespace: its PID is the one to read, once its 200
    // mounts are made (seconds on a loaded machine).
    try Self.withNamespace(
      running: "mount -t tmpfs base /mnt; for n in $(seq 1 200); do mkdir /mnt/$n; "
        + "mount -t tmpfs t$n /mnt/$n; done; mkdir /mnt/churn; "
        + "while true; do mount -t tmpfs x /mnt/churn; umount /mnt/churn; done",
      readyWhen: { $0.contains(" /mnt/churn ") || $0.contains("/mnt/200 ") }
    ) { pid in try Self.readChurn(pid) }
  }

  private static func readChurn(_ pid: Int32) throws {
    for _ in 0..<10 {
      let run = try Binary.run(["tree", String(pid), "--format", "json"])
      if run.status == 0 {
        let mounts = try #require(run.json()["mounts"] as? [[String: Any]])
        let ids = mounts.compactMap { $0["id"] as? Int }
        #expect(Set(ids).count == ids.count, "no mount counted twice")
        #expect(mounts.count >= 200)
      } else {
        #expect(run.status == 2)
        #expect(
          run.stderr
            == "mountaudit: '/proc/\(pid)/mountinfo' changed while it was read, "
            + "on each of 5 attempts\n")
      }
    }
  }

  @Test(
    "mounts moved back and forth are never read half moved, with any source",
    arguments: ["mountinfo", "statmount", "auto"])
  func moves(source: String) throws {
    // Three tmpfs mounts nested under /tmp/m/a, moved to /tmp/m/c and back in a loop: a
    // moved mount keeps its ID, so a reader that does not watch for changes can list a
    // child at its old place under a parent at its new one.
    let base = "/tmp/mountaudit-moves-\(UUID().uuidString.prefix(8))"
    defer { try? FileManager.default.removeItem(atPath: base) }
    try Self.withNamespace(
      running: "B=\(base); mkdir -p $B; mount -t tmpfs m $B; mkdir $B/a $B/c; "
        + "mount -t tmpfs a $B/a; mkdir $B/a/x; mount -t tmpfs x $B/a/x; mkdir $B/a/x/y; "
        + "mount -t tmpfs y $B/a/x/y; "
        + "while true; do mount --move $B/a $B/c; mount --move $B/c $B/a; done",
      readyWhen: { $0.contains("\(base)/a/x/y ") || $0.contains("\(base)/c/x/y ") }
    ) { pid in try Self.readMoves(pid, base: base, source: source) }
  }

  private static func readMoves(_ pid: Int32, base: String, source: String) throws {
    var consistent = 0
    for _ in 0..<60 {
      let run = try Binary.run(["tree", String(pid), "--format", "json", "--source", source])
      guard run.status == 0 else {
        #expect(run.status == 2)
        #expect(run.stderr.contains("changed while it was read"), "\(run.stderr)")
        continue
      }
      let mounts = try #require(run.json()["mounts"] as? [[String: Any]])
      let points = mounts.compactMap { $0["mountPoint"] as? String }
        .filter { $0.hasPrefix(base + "/") }
      // The three moving mounts are all under /a or all under /c.
      let under = Set(
        points.compactMap { point -> String? in
          let rest = point.dropFirst(base.count + 1)
          return rest.first.map(String.init)
        })
      #expect(points.count == 3, "\(points)")
      #expect(under.count == 1, "read half moved: \(points)")
      consistent += 1
    }
    #expect(consistent > 0, "every read said the table kept changing")
  }

  /// Runs `script` in a new private mount namespace (unshare execs sh there, so its PID is
  /// the namespace's), waits until its table satisfies `readyWhen`, runs `body` with the
  /// PID, and kills it.
  private static func withNamespace(
    running script: String, readyWhen isReady: (String) -> Bool, _ body: (Int32) throws -> Void
  ) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    process.arguments = ["--mount", "--propagation", "private", "sh", "-c", script]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    let pid = process.processIdentifier
    var ready = false
    for _ in 0..<300 where !ready {
      let data = FileHandle(forReadingAtPath: "/proc/\(pid)/mountinfo")?.readDataToEndOfFile()
      ready = isReady(String(decoding: data ?? Data(), as: UTF8.self))
      if !ready { usleep(50_000) }
    }
    try #require(ready, "the namespace did not come up")
    try body(pid)
  }
}
