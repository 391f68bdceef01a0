import Glibc

/// A byte-exact string from a mount table: a path, a source or an option string.
///
/// The kernel prints mount points, roots and sources as raw bytes (with a few characters
/// escaped), so they need not be valid UTF-8 and may hold control characters. `ByteString`
/// keeps them exactly; conversion to text for display happens only in the reports.
public struct ByteString: Hashable, Comparable, Sendable {
  /// The raw bytes, without a terminating NUL.
  public var bytes: [UInt8]

  /// Creates a byte string from raw bytes.
  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Creates a byte string holding the UTF-8 encoding of `text`.
  public init(_ text: String) {
    self.bytes = Array(text.utf8)
  }

  /// Whether the string has no bytes.
  public var isEmpty: Bool { bytes.isEmpty }

  /// The string as Swift text when its bytes are valid UTF-8, otherwise `nil`.
  public var validUTF8: String? {
    String(validating: bytes, as: UTF8.self)
  }

  /// The string as Swift text, replacing invalid UTF-8 with U+FFFD (for messages only).
  public var lossyText: String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Hashes the bytes in one call: an array of bytes would feed the hasher one byte at a
  /// time, which dominated the cost of indexing 100,000 mount points.
  public func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }

  /// Orders byte strings bytewise, the way `strcmp` does.
  public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
    lhs.bytes.withUnsafeBytes { left in
      rhs.bytes.withUnsafeBytes { right in
        let common = min(left.count, right.count)
        guard common > 0, let leftStart = left.baseAddress, let rightStart = right.baseAddress
        else { return left.count < right.count }
        let order = memcmp(leftStart, rightStart, common)
        return order == 0 ? left.count < right.count : order < 0
      }
    }
  }
}

extension ByteString: ExpressibleByStringLiteral {
  /// Creates a byte string from a string literal.
  public init(stringLiteral value: String) {
    self.init(value)
  }
}

extension ByteString: CustomStringConvertible {
  /// The text of the string with invalid UTF-8 replaced; reports escape it further.
  public var description: String { lossyText }
}

extension ByteString {
  /// Whether the bytes are those of `literal`, without making a byte string of it: rules
  /// compare mount points and roots with literals such as `"/"` or `"/null"` for every
  /// mount, and each byte string made from a literal is a heap block.
  public static func == (lhs: ByteString, literal: StaticString) -> Bool {
    // A one-character literal may be held as a scalar, without a pointer to its bytes.
    literal.withUTF8Buffer { lhs.bytes.elementsEqual($0) }
  }

  /// Whether the bytes are not those of `literal`.
  public static func != (lhs: ByteString, literal: StaticString) -> Bool {
    !(lhs == literal)
  }
}
