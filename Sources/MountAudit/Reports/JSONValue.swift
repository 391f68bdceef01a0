import Foundation

/// A JSON document built in memory and written with sorted keys, so that the same input
/// always gives the same bytes.
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case integer(Int)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; keys are written in sorted order.
  case object([String: JSONValue])

  /// A byte string: a JSON string when it is valid UTF-8, otherwise `{"hex": "..."}` with
  /// the bytes in lowercase hexadecimal, so no byte is lost.
  public static func bytes(_ value: ByteString) -> JSONValue {
    if let text = value.validUTF8 { return .string(text) }
    let digits = Array("0123456789abcdef")
    var hex = ""
    hex.reserveCapacity(value.bytes.count * 2)
    for byte in value.bytes {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0xf)])
    }
    return .object(["hex": .string(hex)])
  }

  /// An optional byte string; `nil` gives `null`.
  public static func bytes(_ value: ByteString?) -> JSONValue {
    value.map { bytes($0) } ?? .null
  }

  /// An optional integer; `nil` gives `null`.
  public static func integer<Number: BinaryInteger>(_ value: Number?) -> JSONValue {
    value.map { .integer(Int($0)) } ?? .null
  }

  /// An optional string; `nil` gives `null`.
  public static func string(_ value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// The document as pretty-printed UTF-8 with sorted keys and unescaped slashes, ending in
  /// a newline: the bytes Foundation's `JSONEncoder` gives for it (see
  /// `JSONValue+Serialization.swift`).
  public func serialized() -> [UInt8] {
    var output = JSONOutput()
    write(to: &output)
    output.append(UInt8(ascii: "\n"))
    return output.bytes
  }

  /// The document as Foundation's `JSONEncoder` writes it, ending in a newline: the
  /// reference `serialized()` is tested against.
  public func encodedByFoundation() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Every value is a string, an integer, a boolean or null, which always encode.
    return Array(try! encoder.encode(self)) + [UInt8(ascii: "\n")]
  }
}

extension JSONValue: Encodable {
  /// Encodes the value as the JSON it stands for.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .integer(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .string(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .array(let values):
      var container = encoder.unkeyedContainer()
      for value in values { try container.encode(value) }
    case .object(let members):
      var container = encoder.container(keyedBy: MemberKey.self)
      for (key, value) in members { try container.encode(value, forKey: MemberKey(key)) }
    }
  }

  private struct MemberKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
