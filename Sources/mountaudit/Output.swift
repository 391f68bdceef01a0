import Glibc
import MountAudit

/// Writes reports to stdout and diagnostics to stderr.
enum Output {
  /// Colour only on a terminal, and never when `NO_COLOR` is set to a non-empty value
  /// (https://no-color.org).
  static var usesColor: Bool {
    // no-color.org: set and not empty.
    isatty(STDOUT_FILENO) == 1 && (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
  }

  static func write(_ text: String) {
    write(Array(text.utf8), to: STDOUT_FILENO)
  }

  static func write(_ bytes: [UInt8]) {
    write(bytes, to: STDOUT_FILENO)
  }

  /// Writes a JSON document to stdout in chunks as it is serialized.
  static func write(_ document: JSONValue) {
    document.write(inChunks: { write($0) })
  }

  /// Writes a JSON document to stdout in chunks as its streamed parts are written.
  static func write(_ document: StreamedJSONObject) {
    document.write(inChunks: { write($0) })
  }

  /// One diagnostic line on stderr: `mountaudit: message`.
  static func error(_ message: String, prefixed: Bool = true) {
    let line = (prefixed ? "mountaudit: " : "") + TerminalText.escape(message) + "\n"
    write(Array(line.utf8), to: STDERR_FILENO)
  }

  /// The errno of the first failed write to stdout other than a closed pipe (a full disk,
  /// an I/O error), so that the run can fail instead of leaving a truncated report.
  nonisolated(unsafe) static var writeFailure: Int32?

  /// Writes every byte, retrying short writes; a closed pipe ends the output quietly, any
  /// other failure on stdout is remembered in `writeFailure`.
  private static func write(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 {
          let reason = written < 0 ? errno : ENOSPC
          if descriptor == STDOUT_FILENO, reason != EPIPE, writeFailure == nil {
            writeFailure = reason
          }
          return
        }
        offset += written
      }
    }
  }
}
