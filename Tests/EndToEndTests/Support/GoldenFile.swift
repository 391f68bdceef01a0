import Foundation
import Testing

/// Compares output with a golden file under `fixtures/`, re-recorded only when
/// `MOUNTAUDIT_RECORD_GOLDEN=1`.
enum GoldenFile {
  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["MOUNTAUDIT_RECORD_GOLDEN"] == "1"
  }

  /// Expects `actual` to equal the file at `path` (relative to the repository root),
  /// writing it first when recording.
  static func expect(
    _ actual: String, matches path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let golden = Binary.repositoryRoot.appendingPathComponent(path)
    if isRecording {
      try FileManager.default.createDirectory(
        at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(
      actual == expected, "differs from \(path) (re-record with MOUNTAUDIT_RECORD_GOLDEN=1)",
      sourceLocation: sourceLocation)
  }
}
