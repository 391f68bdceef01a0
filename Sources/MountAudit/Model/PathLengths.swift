/// The byte lengths of a set of paths, to look up only those ancestors of a path that could
/// be in the set.
///
/// Walking up a long path and looking up each ancestor in a dictionary spells out and hashes
/// every ancestor; among mounts, most ancestors have a length no mount point in the set has,
/// and those are skipped before any copy is made.
struct PathLengths {
  private var present: [Bool] = []

  /// Notes the lengths of `paths`.
  init(_ paths: some Sequence<ByteString>) {
    for path in paths { insert(path) }
  }

  /// Notes the length of `path`.
  mutating func insert(_ path: ByteString) {
    let length = path.bytes.count
    if length >= present.count {
      present += repeatElement(false, count: length + 1 - present.count)
    }
    present[length] = true
  }

  /// Whether some path of the set is `length` bytes long.
  func contains(_ length: Int) -> Bool {
    length < present.count && present[length]
  }
}

extension ByteString {
  /// The lengths of the prefixes of this path that are its ancestors, nearest first, as
  /// `parentPath` would give them one by one (`/a/b` gives 2, for `/a`, then 1, for `/`).
  var ancestorLengths: AncestorLengths { AncestorLengths(bytes: bytes) }

  /// The path of the first `length` bytes, one of `ancestorLengths` (1 is `/`).
  func prefix(length: Int) -> ByteString {
    length == bytes.count ? self : ByteString(Array(bytes[..<length]))
  }
}

/// See `ByteString.ancestorLengths`.
struct AncestorLengths: Sequence, IteratorProtocol {
  let bytes: [UInt8]
  private var end: Int

  init(bytes: [UInt8]) {
    self.bytes = bytes
    end = bytes.count
  }

  mutating func next() -> Int? {
    guard end > 1, let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else {
      return nil
    }
    end = slash == 0 ? 1 : slash
    return end
  }
}
