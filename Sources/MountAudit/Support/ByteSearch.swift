import Glibc

/// Byte searches and comparisons done by the C library (memchr(3), memcmp(3)), which reads
/// a word or a vector at a time where a generic collection algorithm reads a byte.
extension ArraySlice<UInt8> {
  /// The index of the first `byte`, if any.
  func firstIndex(ofByte byte: UInt8) -> Int? {
    withUnsafeBytes { buffer in
      guard let start = buffer.baseAddress, let found = memchr(start, Int32(byte), buffer.count)
      else { return nil }
      return startIndex + (UnsafeRawPointer(found) - start)
    }
  }

  /// Whether the bytes include `byte`.
  func contains(byte: UInt8) -> Bool {
    firstIndex(ofByte: byte) != nil
  }

  /// Whether the bytes are exactly `other`'s.
  func hasSameBytes(as other: [UInt8]) -> Bool {
    guard count == other.count else { return false }
    return withUnsafeBytes { left in
      other.withUnsafeBytes { right in
        guard let leftStart = left.baseAddress, let rightStart = right.baseAddress else {
          return true  // both empty
        }
        return memcmp(leftStart, rightStart, left.count) == 0
      }
    }
  }
}
