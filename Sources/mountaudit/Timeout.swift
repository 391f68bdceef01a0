import Glibc

/// `--timeout`: ends the run with exit status 2 and one line on stderr once the limit has
/// passed, whatever it is waiting on (a slow `/proc` read, a pipe that never ends).
///
/// The message is prepared before the alarm is armed: a signal handler may only call
/// async-signal-safe functions (`write`, `_exit`), never allocate.
enum Timeout {
  nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<UInt8>?

  /// Arms the limit for the rest of the run.
  static func arm(seconds: UInt32) {
    let text = Array("mountaudit: timed out after \(seconds) s (--timeout)\n".utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
    _ = buffer.initialize(from: text)
    message = buffer
    signal(SIGALRM) { _ in
      if let message = Timeout.message {
        _ = write(STDERR_FILENO, message.baseAddress, message.count)
      }
      _exit(2)
    }
    // A parent may have blocked SIGALRM (test runners do), and children inherit the mask.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGALRM)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    alarm(seconds)
  }
}
