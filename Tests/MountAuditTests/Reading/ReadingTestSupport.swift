import Foundation
import Testing

@testable import MountAudit

extension Tables {
  /// Parses raw mountinfo bytes, taken exactly as given (no newline is added).
  static func table(bytes: [UInt8], name: String = "test.mountinfo") throws -> MountTable {
    try MountTableReader().parse(bytes, origin: .file(path: name))
  }

  /// The tree of raw mountinfo bytes.
  static func tree(bytes: [UInt8]) throws -> MountTree {
    MountTree(try table(bytes: bytes))
  }
}

extension Fixtures {
  /// Every mount table under `fixtures/` (files ending in `.mountinfo`, at any depth), as
  /// paths relative to `fixtures/`, sorted.
  static let mountinfoFiles: [String] = {
    let rootPath = root.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return [] }
    var found: [String] = []
    while let path = walker.nextObject() as? String {
      if path.hasSuffix(".mountinfo") { found.append(path) }
    }
    return found.sorted()
  }()

  /// Whether a fixture holds no well-formed line: one of the other parsers' invalid
  /// single-line cases (`NN-invalid-<name>.mountinfo`), or a file of `malformed/` that
  /// `malformed/expected.tsv` says `tree` refuses (exit status 2).
  static func isInvalidLineCase(_ relativePath: String) -> Bool {
    let name = relativePath.split(separator: "/").last ?? ""
    if relativePath.hasPrefix("malformed/") { return unreadableMalformed.contains(String(name)) }
    return name.dropFirst(3).hasPrefix("invalid-")
  }

  /// The files of `malformed/` with no well-formed line, from its `expected.tsv`.
  static let unreadableMalformed: Set<String> = {
    let url = root.appendingPathComponent("malformed/expected.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return Set(
      text.split(separator: "\n").compactMap { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 3, fields[1] == "tree", fields[2] == "2" else { return nil }
        return String(fields[0])
      })
  }()

  /// The well-formed lines of a fixture, each decoded from the raw line alone.
  static func rawDecoding(_ relativePath: String) throws -> [MountEntry] {
    let lines = MountTableReader.lines(of: try bytes(relativePath))
    return lines.enumerated().compactMap { offset, text in
      (try? MountinfoLine(parsing: text))?.decodedEntry(line: offset + 1)
    }
  }
}

/// The lines of literal mountinfo text as the reader splits them, for line-level tests.
enum RawLine {
  /// Splits and checks one line given as text.
  static func parse(_ text: String) throws(LineProblem) -> MountinfoLine {
    try MountinfoLine(parsing: Array(text.utf8)[...])
  }

  /// Splits and checks one line given as bytes.
  static func parse(_ bytes: [UInt8]) throws(LineProblem) -> MountinfoLine {
    try MountinfoLine(parsing: bytes[...])
  }

  /// What is wrong with a line, or `nil` when it is well formed.
  static func problem(_ text: String) -> LineProblem? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return error
    }
  }
}

/// A byte string in a field case's `expected.json`: text, or `{"hex": ...}` for bytes that
/// are not valid UTF-8.
struct ExpectedBytes: Decodable, Sendable {
  var bytes: [UInt8]

  private struct Hex: Decodable {
    var hex: String
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      bytes = Array(text.utf8)
      return
    }
    let hex = try container.decode(Hex.self).hex
    var decoded: [UInt8] = []
    var digits = hex.utf8.makeIterator()
    while let high = digits.next(), let low = digits.next() {
      guard let byte = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "bad hex string '\(hex)'")
      }
      decoded.append(byte)
    }
    bytes = decoded
  }
}

/// One line's reference decoding in a field case's `expected.json`.
struct ExpectedRecord: Decodable, Sendable {
  struct Tag: Decodable, Sendable {
    var tag: String
    var value: UInt32?
  }

  var id: UInt32
  var parent: UInt32
  var major: UInt32
  var minor: UInt32
  var root: ExpectedBytes
  var mountPoint: ExpectedBytes
  var options: String
  var optional: [Tag]
  var fsType: String
  var source: ExpectedBytes
  var superOptions: ExpectedBytes

  /// The optional fields as the model types them.
  var optionalFields: [OptionalField] {
    optional.map { field in
      switch (field.tag, field.value) {
      case ("shared", let group?): .shared(peerGroup: group)
      case ("master", let group?): .master(peerGroup: group)
      case ("propagate_from", let group?): .propagateFrom(peerGroup: group)
      case ("unbindable", nil): .unbindable
      case (let tag, let value): .other(tag: tag, value: value.map(String.init))
      }
    }
  }

  /// The records of an `expected.json` file below `fixtures/`.
  static func load(_ relativePath: String) throws -> [ExpectedRecord] {
    struct File: Decodable {
      var records: [ExpectedRecord]
    }
    let data = Data(try Fixtures.bytes(relativePath))
    return try JSONDecoder().decode(File.self, from: data).records
  }
}
