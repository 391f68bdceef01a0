/// A path split into its components without copying them: ranges of the path's bytes.
///
/// Checks that look for a runtime's directory layout (`var/lib/kubelet/pods/<uid>/volumes`)
/// run for every host path of every mount; splitting a path into separate byte strings
/// made about a dozen copies each time.
struct PathComponents {
  private let bytes: [UInt8]
  private let ranges: [Range<Int>]

  /// Splits `path` on `/`, leaving out empty components, as `ByteString.components` does.
  init(_ path: ByteString) {
    bytes = path.bytes
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
      if index > start { ranges.append(start..<index) }
      start = index + 1
    }
    if bytes.count > start { ranges.append(start..<bytes.count) }
    self.ranges = ranges
  }

  var count: Int { ranges.count }

  subscript(index: Int) -> PathComponent { PathComponent(bytes: bytes[ranges[index]]) }

  var last: PathComponent? { ranges.last.map { PathComponent(bytes: bytes[$0]) } }

  /// Whether the first components are `names`, in order.
  func starts(with names: [StaticString]) -> Bool {
    count >= names.count && names.indices.allSatisfy { self[$0] == names[$0] }
  }
}

/// One component of a `PathComponents`.
struct PathComponent {
  let bytes: ArraySlice<UInt8>

  /// The component as a byte string of its own.
  var byteString: ByteString { ByteString(Array(bytes)) }

  static func == (component: PathComponent, name: StaticString) -> Bool {
    name.withUTF8Buffer { component.bytes.elementsEqual($0) }
  }

  /// Whether the component is `name`, given as a byte string.
  func isNamed(_ name: ByteString) -> Bool {
    bytes.elementsEqual(name.bytes)
  }

  /// Lets a `switch` over components match names.
  static func ~= (name: StaticString, component: PathComponent) -> Bool {
    component == name
  }
}
