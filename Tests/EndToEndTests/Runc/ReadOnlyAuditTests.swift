import Foundation
import Testing

/// mountaudit only reads, and only what it must: traced with strace while it audits,
/// snapshots and diffs a real container, with either source, it opens or examines nothing
/// inside the container (nothing below `/proc/<pid>/root`, nothing under its bundle),
/// writes no file, and makes no mount, unmount or namespace call. The statmount source
/// asks statx(2) which mount `/proc/<pid>/root` itself is: the kernel's link to the
/// process's root, which nothing in the container can redirect, and never opened.
@Suite("Read-only audits", .enabled(if: RuncLab.shouldRun))
struct ReadOnlyAuditTests {
  static let strace = "/usr/bin/strace"

  /// Runs the binary under strace and returns every traced syscall line.
  private func trace(_ arguments: [String], in directory: String) throws -> [String] {
    let log = directory + "/trace-\(UUID().uuidString.prefix(8))"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.strace)
    process.arguments =
      [
        "-f", "-qq", "-o", log, "-e",
        "trace=%file,%desc,mount,umount2,setns,unshare,pivot_root,chroot",
        Binary.url.path,
      ] + arguments
    process.currentDirectoryURL = Binary.repositoryRoot
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOfFile: log, encoding: .utf8)
    return text.split(separator: "\n").map(String.init)
  }

  /// The quoted absolute paths of a trace line.
  private func paths(_ line: String) -> [String] {
    line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
      .compactMap { $0.offset % 2 == 1 && $0.element.hasPrefix("/") ? String($0.element) : nil }
  }

  @Test("audit, snapshot and diff touch no path of the container and write nothing")
  func nothingInsideTheContainer() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.strace), "strace is missing")
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-trace-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try RuncLab.withContainer("default") { pid, bundle in
      let snapshot = scratch + "/snapshot.json"
      let capture = try Binary.run(["snapshot", String(pid)])
      try capture.stdout.write(to: URL(fileURLWithPath: snapshot))

      var lines: [String] = []
      for arguments in [
        [String(pid)], ["snapshot", String(pid)], ["diff", snapshot, String(pid)],
      ] {
        lines += try trace(arguments, in: scratch)
        lines += try trace(arguments + ["--source", "mountinfo"], in: scratch)
      }
      #expect(lines.count > 50, "strace recorded the runs")

      let own = "/proc/\(pid)"
      #expect(lines.contains { paths($0).contains(own + "/mountinfo") }, "the trace names paths")
      let allowedOwn: Set = [own, own + "/mountinfo", own + "/ns/mnt", own + "/ns/net"]
      for line in lines {
        for path in paths(line) {
          #expect(!path.hasPrefix(bundle), "opened inside the container's bundle: \(line)")
          if path == own + "/root", line.contains("statx(") {
            continue
          }
          if path == own || path.hasPrefix(own + "/") {
            #expect(allowedOwn.contains(path), "read more of the container than allowed: \(line)")
          }
          #expect(!path.contains("/root/") && !path.hasSuffix("/root"), "\(line)")
        }
        for call in ["mount(", "umount2(", "setns(", "unshare(", "pivot_root(", "chroot("] {
          #expect(!line.contains(" \(call)"), "\(line)")
        }
        for call in ["unlink", "rename", "mkdir", "rmdir", "chmod", "chown", "symlink", "truncate"]
        {
          #expect(!line.contains(" \(call)"), "\(line)")
        }
        if line.contains("open") {
          for flag in ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"] {
            #expect(!line.contains(flag), "\(line)")
          }
        }
      }
    }
  }
}
