import Foundation

extension Snapshot {
  /// The layout version of snapshot files; raised on incompatible changes.
  public static let schemaVersion = 1
  /// The value of a snapshot file's `format` key.
  public static let formatName = "mountaudit-snapshot"

  /// The snapshot as one JSON document. Each mountinfo is a list of its lines, each a
  /// string, or `{"hex": ...}` for a line that is not valid UTF-8, so no byte is lost.
  public var document: JSONValue {
    .object([
      "format": .string(Self.formatName),
      "schemaVersion": .integer(Self.schemaVersion),
      "tool": .object(["name": .string("mountaudit"), "version": .string(summary.toolVersion)]),
      "takenAt": .string(summary.takenAt),
      "kernelRelease": .string(summary.kernelRelease),
      "target": .object([
        "pid": .integer(summary.pid),
        "mountNamespace": .string(targetNamespace?.name),
        "mountNamespaceID": targetNamespace?.uniqueID.map { .string(String($0)) } ?? .null,
        "networkNamespace": .string(targetNetworkNamespace?.name),
        "mountinfo": Self.lines(targetText),
      ]),
      "host": .object([
        "kind": .string(host.origin?.kind ?? "none"),
        "pid": .integer(host.origin?.pid),
        "path": .string(host.origin?.path),
        "mountNamespace": .string(host.namespace?.name),
        "mountNamespaceSource": .string(host.namespacePath),
        "networkNamespace": .string(host.networkNamespace?.name),
        "networkNamespaceSource": .string(host.networkNamespacePath),
        "notes": .array(host.notes.map(JSONValue.string)),
        "mountinfo": hostText.map(Self.lines) ?? .null,
      ]),
      "kernelPaths": .object([
        "probed": .array(probedPaths.map { .bytes($0) }),
        "existing": .array(existingPaths.map { .bytes($0) }),
      ]),
    ])
  }

  /// Whether `bytes` look like a snapshot rather than a mountinfo table: JSON starts with
  /// `{` (or `[`, which is then no snapshot, and says so), a mountinfo line with a digit.
  public static func looksLikeSnapshot(_ bytes: [UInt8]) -> Bool {
    let first = bytes.first { ![32, 9, 10, 13].contains($0) }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
  }

  /// Reads a snapshot file; `path` names it in errors.
  public init(decoding bytes: [UInt8], path: String) throws(AuditError) {
    let reader = DocumentReader(path: path)
    guard
      let document = try? JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
    else {
      throw .invalidSnapshot(path: path, reason: "it is not valid JSON (cut short?)")
    }
    let root = try reader.object(document, at: "the document")
    guard root["format"] as? String == Self.formatName else {
      throw .invalidSnapshot(path: path, reason: "'format' is not '\(Self.formatName)'")
    }
    guard let version = root["schemaVersion"] as? Int, version == Self.schemaVersion else {
      throw .invalidSnapshot(
        path: path, reason: "'schemaVersion' is not \(Self.schemaVersion)")
    }
    let target = try reader.object(root["target"], at: "target")
    let host = try reader.object(root["host"], at: "host")
    let paths = try reader.object(root["kernelPaths"], at: "kernelPaths")
    let tool = try reader.object(root["tool"], at: "tool")

    summary = SnapshotSummary(
      pid: Int32(try reader.integer(target["pid"], at: "target.pid")),
      takenAt: try reader.string(root["takenAt"], at: "takenAt"),
      kernelRelease: try reader.string(root["kernelRelease"], at: "kernelRelease"),
      toolVersion: try reader.string(tool["version"], at: "tool.version"))
    targetText = try reader.text(target["mountinfo"], at: "target.mountinfo")
    targetNamespace = try reader.optionalString(
      target["mountNamespace"], at: "target.mountNamespace"
    ).map { name in
      NamespaceIdentity(
        name: name, uniqueID: (target["mountNamespaceID"] as? String).flatMap { UInt64($0) })
    }
    targetNetworkNamespace = try reader.optionalString(
      target["networkNamespace"], at: "target.networkNamespace"
    ).map { NamespaceIdentity(name: $0) }

    var origin: TableOrigin?
    if let pid = host["pid"] as? Int, let number = Int32(exactly: pid) {
      origin = .process(pid: number)
    } else if let hostPath = host["path"] as? String {
      origin = .file(path: hostPath)
    }
    self.host = HostReference(
      origin: origin,
      namespace: (host["mountNamespace"] as? String).map { NamespaceIdentity(name: $0) },
      namespacePath: host["mountNamespaceSource"] as? String,
      networkNamespace: (host["networkNamespace"] as? String).map { NamespaceIdentity(name: $0) },
      networkNamespacePath: host["networkNamespaceSource"] as? String,
      notes: host["notes"] as? [String] ?? [])
    hostText =
      host["mountinfo"] is NSNull || host["mountinfo"] == nil
      ? nil : try reader.text(host["mountinfo"], at: "host.mountinfo")
    probedPaths = try reader.paths(paths["probed"], at: "kernelPaths.probed")
    existingPaths = try reader.paths(paths["existing"], at: "kernelPaths.existing")
  }

  private static func lines(_ text: [UInt8]) -> JSONValue {
    .array(MountTableReader.lines(of: text).map { .bytes(ByteString(Array($0))) })
  }
}

/// Reads values out of a decoded snapshot, with errors that name the key.
private struct DocumentReader {
  var path: String

  func object(_ value: Any?, at key: String) throws(AuditError) -> [String: Any] {
    guard let object = value as? [String: Any] else { throw missing(key, "an object") }
    return object
  }

  func string(_ value: Any?, at key: String) throws(AuditError) -> String {
    guard let string = value as? String else { throw missing(key, "a string") }
    return string
  }

  func integer(_ value: Any?, at key: String) throws(AuditError) -> Int {
    guard let number = value as? Int, Int32(exactly: number) != nil, number > 0 else {
      throw missing(key, "a PID")
    }
    return number
  }

  /// A string, or `{"hex": ...}` for bytes that are not UTF-8.
  func bytes(_ value: Any?, at key: String) throws(AuditError) -> [UInt8] {
    if let string = value as? String { return Array(string.utf8) }
    guard let hex = (value as? [String: Any])?["hex"] as? String, hex.utf8.count % 2 == 0
    else { throw missing(key, "a string or {\"hex\": ...}") }
    var bytes: [UInt8] = []
    var digits = hex.utf8.makeIterator()
    while let high = digits.next(), let low = digits.next() {
      guard let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
        throw missing(key, "lowercase hexadecimal")
      }
      bytes.append(value)
    }
    return bytes
  }

  /// A mountinfo as its list of lines, joined back with newlines.
  func text(_ value: Any?, at key: String) throws(AuditError) -> [UInt8] {
    guard let lines = value as? [Any] else { throw missing(key, "a list of lines") }
    var text: [UInt8] = []
    for (index, line) in lines.enumerated() {
      let bytes = try bytes(line, at: "\(key)[\(index)]")
      if bytes.contains(UInt8(ascii: "\n")) { throw missing("\(key)[\(index)]", "one line") }
      text += bytes
      text.append(UInt8(ascii: "\n"))
    }
    return text
  }

  func paths(_ value: Any?, at key: String) throws(AuditError) -> [ByteString] {
    guard let list = value as? [Any] else { throw missing(key, "a list of paths") }
    var paths: [ByteString] = []
    for (index, item) in list.enumerated() {
      paths.append(ByteString(try bytes(item, at: "\(key)[\(index)]")))
    }
    return paths
  }

  /// A namespace link text, or `nil` for `null` or a missing key.
  func optionalString(_ value: Any?, at key: String) throws(AuditError) -> String? {
    if value == nil || value is NSNull { return nil }
    guard let string = value as? String else { throw missing(key, "a string or null") }
    return string
  }

  private func missing(_ key: String, _ expected: String) -> AuditError {
    .invalidSnapshot(path: path, reason: "'\(key)' is not \(expected)")
  }
}
