extension ByteString {
  /// Whether this path equals `ancestor` or lies below it, compared component by component.
  ///
  /// `/var/lib` is at or below `/var` but `/variable` is not. The root `/` contains every
  /// absolute path.
  public func isAtOrBelow(_ ancestor: ByteString) -> Bool {
    let prefix = ancestor.bytes
    guard bytes.count >= prefix.count, bytes.starts(with: prefix) else { return false }
    if bytes.count == prefix.count || prefix.last == UInt8(ascii: "/") { return true }
    return bytes[prefix.count] == UInt8(ascii: "/")
  }

  /// Whether this path lies strictly below `ancestor`.
  public func isStrictlyBelow(_ ancestor: ByteString) -> Bool {
    self != ancestor && isAtOrBelow(ancestor)
  }

  /// The part of this path below `ancestor`, starting with `/`, or empty when they are equal.
  ///
  /// Call only when `isAtOrBelow(ancestor)` holds.
  public func remainder(below ancestor: ByteString) -> ByteString {
    if self == ancestor { return ByteString([]) }
    let slash = UInt8(ascii: "/")
    let cut = ancestor.bytes.last == slash ? ancestor.bytes.count - 1 : ancestor.bytes.count
    return ByteString(Array(bytes[cut...]))
  }

  /// This path with `remainder` (empty, or starting with `/`) appended, without doubling `/`.
  public func appending(remainder: ByteString) -> ByteString {
    guard !remainder.isEmpty else { return self }
    if bytes.last == UInt8(ascii: "/") {
      return ByteString(bytes + remainder.bytes.dropFirst())
    }
    return ByteString(bytes + remainder.bytes)
  }

  /// The last path component (`null` for `/dev/null`, `/` for the root).
  public var lastComponent: ByteString {
    guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return self }
    if slash == bytes.count - 1 { return self }
    return ByteString(Array(bytes[(slash + 1)...]))
  }

  /// The path's components, without empty ones.
  public var components: [ByteString] {
    bytes.split(separator: UInt8(ascii: "/")).map { ByteString(Array($0)) }
  }
}
