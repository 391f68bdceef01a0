/// The comparison of two audits as JSON, with the same content as the text.
public struct AuditDiffJSONReport {
  /// The version of the document's layout.
  public static let schemaVersion = 1

  /// The comparison to write.
  public var diff: AuditDiff

  /// Creates a writer for `diff`.
  public init(_ diff: AuditDiff) {
    self.diff = diff
  }

  /// The whole document.
  public var document: JSONValue {
    .object([
      "schemaVersion": .integer(Self.schemaVersion),
      "tool": .object(["name": .string("mountaudit"), "version": .string(Version.current)]),
      "before": AuditJSONReport(diff.before).document,
      "after": AuditJSONReport(diff.after).document,
      "appeared": .array(diff.appeared.map(AuditJSONReport.finding)),
      "resolved": .array(diff.resolved.map(AuditJSONReport.finding)),
      "changedSeverity": .array(
        diff.changedSeverity.map { pair in
          .object([
            "before": AuditJSONReport.finding(pair.before),
            "after": AuditJSONReport.finding(pair.after),
          ])
        }),
      "summary": .object([
        "appeared": .integer(diff.appeared.count),
        "resolved": .integer(diff.resolved.count),
        "changedSeverity": .integer(diff.changedSeverity.count),
      ]),
    ])
  }
}
