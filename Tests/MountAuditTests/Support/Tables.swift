import Foundation
import Testing

@testable import MountAudit

/// Builds mount tables and audit contexts from literal mountinfo text for tests.
enum Tables {
  /// Parses literal mountinfo lines (a trailing newline is added).
  static func table(_ text: String, name: String = "test.mountinfo") throws -> MountTable {
    try MountTableReader().parse(Array((text + "\n").utf8), origin: .file(path: name))
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
