/// The mount tree as JSON: every mount with every field, in depth-first tree order.
///
/// Mounts form a flat list (with `parentId`, `depth` and child IDs) rather than nested
/// objects, so a table of any depth can be written and read without deep recursion.
public struct TreeJSONReport {
  /// The version of the document's layout.
  public static let schemaVersion = 1

  /// The tree to write.
  public var tree: MountTree

  /// Creates a writer for `tree`.
  public init(_ tree: MountTree) {
    self.tree = tree
  }

  /// The whole document, built in memory.
  public var document: JSONValue { streamed.materialized }

  /// The document with its mounts made one at a time as they are written.
  public var streamed: StreamedJSONObject {
    var document = StreamedJSONObject(
      members: [
        "schemaVersion": .integer(Self.schemaVersion),
        "tool": .object(["name": .string("mountaudit"), "version": .string(Version.current)]),
        "source": .object([
          "kind": .string(tree.table.origin.kind),
          "pid": .integer(tree.table.origin.pid),
          "path": .string(tree.table.origin.path),
        ]),
        "problems": .array(
          tree.table.problems.map {
            .object(["line": .integer($0.line), "message": .string($0.problem.description)])
          }),
      ],
      streamedArrays: [
        "mounts": { emit in
          tree.walk { step in emit(mount(at: step.index, depth: step.depth)) }
        }
      ])
    document.elementWriters["mounts"] = { output in
      tree.walk { step in
        output.startElement()
        writeMount(at: step.index, depth: step.depth, to: &output)
      }
    }
    return document
  }

  private func mount(at index: Int, depth: Int) -> JSONValue {
    var fields = tree.entries[index].jsonFields
    fields["depth"] = .integer(depth)
    fields["children"] = .array(tree.children[index].map { .integer(tree.entries[$0].id) })
    fields["visible"] = .bool(tree.isVisible[index])
    return .object(fields)
  }

  /// Writes what `mount(at:depth:)` gives, without making a `JSONValue` of it.
  private func writeMount(at index: Int, depth: Int, to output: inout JSONOutput) {
    output.openObject()
    output.key("children")
    output.openArray()
    for child in tree.children[index] {
      output.startElement()
      output.write(Int(tree.entries[child].id))
    }
    output.closeArray()
    output.key("depth")
    output.write(depth)
    tree.entries[index].writeJSONMembers(to: &output)
    output.key("visible")
    output.write(tree.isVisible[index])
    output.closeObject()
  }
}
