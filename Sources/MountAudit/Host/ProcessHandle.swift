/// Pins a process while it is read, so that what was read is known to come from it.
///
/// A PID can be reused as soon as its process exits and is reaped. The handle (a pidfd)
/// is taken before anything of the process is read, and checked after: if the process
/// exited in between, the reads may describe another process, and the audit stops with
/// "process exited during audit" rather than report on the wrong one.
final class ProcessHandle {
  /// The pinned process.
  let pid: Int32
  private let descriptor: Int32?

  /// Pins `pid`; throws `noSuchProcess` when it does not exist.
  init(pid: Int32) throws(AuditError) {
    self.pid = pid
    descriptor = try SystemCall.openProcessHandle(pid)
  }

  deinit {
    if let descriptor { SystemCall.close(descriptor) }
  }

  /// Throws `processExited` when the process exited since it was pinned (a zombie counts
  /// as exited: its table is gone).
  func checkStillRunning() throws(AuditError) {
    if let descriptor, SystemCall.hasExited(processHandle: descriptor) {
      throw .processExited(pid: pid)
    }
  }

  /// Runs `body` with the process pinned, and fails with `processExited` if the process
  /// exited before `body` ended, whatever `body` made of its vanishing `/proc` entries.
  func reading<Result>(_ body: () throws(AuditError) -> Result) throws(AuditError) -> Result {
    let result: Result
    do {
      result = try body()
    } catch {
      try checkStillRunning()
      throw error
    }
    try checkStillRunning()
    return result
  }
}
