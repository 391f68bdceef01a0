/// One optional field of a mountinfo line (field 7 and on, before the ` - ` separator).
///
/// The kernel prints them in the order shared, master, propagate_from, unbindable. Tags
/// the kernel may add later, or values that are not numbers, are kept as `.other` so that
/// nothing is lost and nothing is rejected.
public enum OptionalField: Hashable, Sendable, CustomStringConvertible {
  /// `shared:N`: the mount is in peer group N.
  case shared(peerGroup: UInt32)
  /// `master:N`: the mount is a slave of peer group N.
  case master(peerGroup: UInt32)
  /// `propagate_from:N`: the nearest dominant peer group visible in this namespace.
  case propagateFrom(peerGroup: UInt32)
  /// `unbindable`: the mount cannot be bind-mounted.
  case unbindable
  /// Any other tag, with its value after the first `:` if there was one.
  case other(tag: String, value: String?)

  /// Parses one optional field as the kernel prints it.
  public init(parsing token: String) {
    let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let tag = String(parts[0])
    let value = parts.count > 1 ? String(parts[1]) : nil
    switch (tag, value.flatMap { UInt32($0) }) {
    case ("shared", let number?): self = .shared(peerGroup: number)
    case ("master", let number?): self = .master(peerGroup: number)
    case ("propagate_from", let number?): self = .propagateFrom(peerGroup: number)
    case ("unbindable", nil) where value == nil: self = .unbindable
    default: self = .other(tag: tag, value: value)
    }
  }

  /// Parses one optional field from the bytes of a mountinfo line, as `init(parsing:)`
  /// does for text; the kernel's own tags are read without making strings.
  public init(parsing token: ArraySlice<UInt8>) {
    for (tag, make) in Self.numberedTags where token.starts(with: tag) {
      let digits = token.dropFirst(tag.count)
      if let number = DecimalDigits.value(of: digits) {
        self = make(number)
        return
      }
    }
    if token.elementsEqual("unbindable".utf8) {
      self = .unbindable
    } else {
      self.init(parsing: String(decoding: token, as: UTF8.self))
    }
  }

  private static let numberedTags: [([UInt8], @Sendable (UInt32) -> OptionalField)] = [
    (Array("shared:".utf8), { .shared(peerGroup: $0) }),
    (Array("master:".utf8), { .master(peerGroup: $0) }),
    (Array("propagate_from:".utf8), { .propagateFrom(peerGroup: $0) }),
  ]

  /// The field as the kernel prints it.
  public var description: String {
    switch self {
    case .shared(let group): "shared:\(group)"
    case .master(let group): "master:\(group)"
    case .propagateFrom(let group): "propagate_from:\(group)"
    case .unbindable: "unbindable"
    case .other(let tag, let value?): "\(tag):\(value)"
    case .other(let tag, nil): tag
    }
  }
}
