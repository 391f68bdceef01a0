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

  /// The document as pretty-printed UTF-8 with sorted keys and unescaped slashes,
  /// ending in a newline, written by Foundation's `JSONSerialization`.
  public func serialized() -> [UInt8] {
    let options: JSONSerialization.WritingOptions = [
      .prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed,
    ]
    // Every value is built from strings, integers, booleans and null, which
    // JSONSerialization always accepts.
    let data = try! JSONSerialization.data(withJSONObject: foundationObject, options: options)
    return Array(data) + [UInt8(ascii: "\n")]
  }

  private var foundationObject: Any {
    switch self {
    case .null: NSNull()
    case .bool(let value): value
    case .integer(let value): value
    case .string(let value): value
    case .array(let values): values.map(\.foundationObject)
    case .object(let members): members.mapValues(\.foundationObject)
    }
  }
}
