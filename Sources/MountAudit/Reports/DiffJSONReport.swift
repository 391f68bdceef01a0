/// The diff of two mount tables as one JSON document; `docs/json.md` describes it.
///
/// Keys are sorted and changes come in report order, so the same two inputs give the same
/// bytes.
public struct DiffJSONReport {
  /// The version of the document's layout.
  public static let schemaVersion = 1

  /// The diff to write.
  public var diff: MountDiff
  /// The normalization rules applied to both tables before comparing, by name.
  public var normalizations: [String]
  /// The container traced through the diff and what was found (`--container`).
  public var trace: (container: MountTree, result: PropagationTrace)?

  /// Creates a writer for `diff`.
  public init(
    _ diff: MountDiff, normalizations: [String] = [],
    trace: (container: MountTree, result: PropagationTrace)? = nil
  ) {
    self.diff = diff
    self.normalizations = normalizations
    self.trace = trace
  }

  /// The whole document.
  public var document: JSONValue {
    .object([
      "schemaVersion": .integer(Self.schemaVersion),
      "tool": .object(["name": .string("mountaudit"), "version": .string(Version.current)]),
      "before": Self.input(diff.before),
      "after": Self.input(diff.after),
      "matching": .string(diff.matching.rawValue),
      "ignored": .array(diff.ignored.sorted().map { .string($0.rawValue) }),
      "normalized": .array(normalizations.map(JSONValue.string)),
      "summary": .object([
        "added": .integer(diff.count(.added)),
        "removed": .integer(diff.count(.removed)),
        "changed": .integer(diff.count(.changed)),
        "unchanged": .integer(diff.unchangedCount),
      ]),
      "changes": .array(
        diff.changes.enumerated().map { index, change in
          Self.change(change, traceNote: trace?.result.notes[index])
        }),
      "container": trace.map { Self.input($0.container) } ?? .null,
      "leftBehind": .array(
        (trace?.result.leftBehind ?? []).map { mount in
          .object([
            "mountPoint": .bytes(mount.mount.mountPoint),
            "mount": .object(mount.mount.jsonFields),
            "note": .string(mount.note),
          ])
        }),
    ])
  }

  private static func input(_ tree: MountTree) -> JSONValue {
    .object([
      "kind": .string(tree.table.origin.kind),
      "pid": .integer(tree.table.origin.pid),
      "path": .string(tree.table.origin.path),
      "mountCount": .integer(tree.entries.count),
      "problems": .array(
        tree.table.problems.map {
          .object(["line": .integer($0.line), "message": .string($0.problem.description)])
        }),
    ])
  }

  private static func change(_ change: MountChange, traceNote: String?) -> JSONValue {
    .object([
      "change": .string(change.kind.rawValue),
      "mountPoint": .bytes(change.entry.mountPoint),
      "stackPosition": .integer(change.stackPosition),
      "before": change.before.map { .object($0.jsonFields) } ?? .null,
      "after": change.after.map { .object($0.jsonFields) } ?? .null,
      "fields": .array(change.fields.map(Self.field)),
      "notes": .array((change.notes + (traceNote.map { [$0] } ?? [])).map(JSONValue.string)),
    ])
  }

  private static func field(_ field: FieldChange) -> JSONValue {
    .object([
      "field": .string(field.field.rawValue),
      "old": .bytes(field.old),
      "new": .bytes(field.new),
      "added": .array(field.added.map(JSONValue.string)),
      "removed": .array(field.removed.map(JSONValue.string)),
      "detail": .string(field.detail),
    ])
  }
}
