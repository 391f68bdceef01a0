import Foundation
import Testing

@testable import MountAudit

/// Builds mount tables and audit contexts from literal mountinfo text for tests.
enum Tables {
  /// Parses literal mountinfo lines (a trailing newline is added).
  static func table(_ text: String, name: String = "test.mountinfo") throws -> MountTable {
    try MountTableReader().parse(Array((text + "\n").utf8), origin: .file(path: name))
  }

  /// A table of literal mountinfo lines built line by line, so that it may hold what the
  /// reader refuses in a whole table (a repeated mount ID), as a table built by a library
  /// user may: the tree and the reports must still cope.
  static func tableKeepingRepeatedIDs(_ text: String) throws -> MountTable {
    let entries = try text.split(separator: "\n").enumerated().map { index, line in
      var entry = try table(String(line)).entries[0]
      entry.line = index + 1
      return entry
    }
    return MountTable(entries: entries, origin: .file(path: "test.mountinfo"))
  }

  /// The tree of literal mountinfo lines.
  static func tree(_ text: String) throws -> MountTree {
    MountTree(try table(text))
  }

  /// An audit context for a target table and an optional host table.
  static func context(
    target: String, host: String? = nil, namespaces: NamespacePair? = nil,
    networkNamespaces: NamespacePair? = nil, kernelPaths: KernelPaths? = nil,
    profile: Profile = .standard
  ) throws -> AuditContext {
    AuditContext(
      target: try tree(target), host: try host.map(tree), namespaces: namespaces,
      networkNamespaces: networkNamespaces, kernelPaths: kernelPaths, profile: profile)
  }

  /// The findings of one rule, without the engine's folding or sorting.
  static func findings(
    of rule: any Rule, target: String, host: String? = nil, kernelPaths: KernelPaths? = nil
  ) throws -> [Finding] {
    rule.check(try context(target: target, host: host, kernelPaths: kernelPaths))
  }
}

/// Files under the repository's `fixtures/` folder.
enum Fixtures {
  /// The repository's `fixtures/` folder, found from this source file's location.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fixtures")

  /// The bytes of a fixture file, by path relative to `fixtures/`.
  static func bytes(_ relativePath: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
  }

  /// A fixture parsed as a mount table.
  static func table(_ relativePath: String) throws -> MountTable {
    try MountTableReader().parse(
      try bytes(relativePath), origin: .file(path: "fixtures/" + relativePath))
  }
}
