import Foundation
import Glibc

extension Binary {
  /// The outcome of a run whose report was thrown away and whose memory was measured.
  struct MeasuredRun {
    var status: Int32
    var stderr: String
    /// The largest resident set the process had, in bytes (`ru_maxrss` from `wait4`).
    var peakMemory: Int
  }

  /// Runs the binary (give it absolute paths) with stdout sent to `/dev/null` and reports
  /// its own peak memory, read from the kernel when it is reaped, so that no other child of
  /// the test process is counted.
  static func measure(_ arguments: [String]) throws -> MeasuredRun {
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("mountaudit-stderr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: errorFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let argv = ([url.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, url.path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
    let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return MeasuredRun(
      status: exitStatus,
      stderr: String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self),
      peakMemory: usage.ru_maxrss * 1024)
  }
}
