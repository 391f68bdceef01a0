/// One mountinfo line split into its fields and checked for structure, not yet decoded.
///
/// The check runs before libmount sees the line: libmount guesses a table's format from its
/// first line and would read a whole table as fstab after one malformed first line. The
/// layout, from proc_pid_mountinfo(5):
///
///     36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
///     (1)(2) (3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
///
/// The separator is the first field that is exactly `-` from field 7 on. Fields are split
/// on single spaces, so an empty source (two spaces in a row) stays an empty field, and the
/// super options are the rest of the line verbatim, since some filesystems print raw spaces
/// there.
struct MountinfoLine {
  var id: UInt32
  var parentID: UInt32
  var device: DeviceNumber
  var root: ArraySlice<UInt8>
  var mountPoint: ArraySlice<UInt8>
  var mountOptions: ArraySlice<UInt8>
  var optionalFields: [ArraySlice<UInt8>]
  var filesystemType: ArraySlice<UInt8>
  var source: ArraySlice<UInt8>
  var superOptions: ArraySlice<UInt8>

  /// The largest mount ID the kernel hands out (IDs are C `int`s).
  static let maximumID = UInt32(Int32.max)

  /// Splits and checks `bytes`, one line without its newline.
  init(parsing bytes: ArraySlice<UInt8>) throws(LineProblem) {
    if bytes.isEmpty { throw .emptyLine }
    if bytes.contains(0) { throw .containsNUL }
    if bytes.last == UInt8(ascii: "\r") { throw .carriageReturn }
    let space = UInt8(ascii: " ")
    var fields: [ArraySlice<UInt8>] = []
    fields.reserveCapacity(12)
    var separator: Int?
    var start = bytes.startIndex
    var index = bytes.startIndex
    // Split until the source field is complete; everything after it is the super options.
    while index < bytes.endIndex {
      if bytes[index] == space {
        fields.append(bytes[start..<index])
        start = index + 1
        if separator == nil, fields.count >= 7, fields.last!.elementsEqual([UInt8(ascii: "-")]) {
          separator = fields.count - 1
        }
        if let separator, fields.count == separator + 3 { break }
      }
      index += 1
    }
    fields.append(bytes[start..<bytes.endIndex])
    if separator == nil, fields.count >= 7, fields.last!.elementsEqual([UInt8(ascii: "-")]) {
      separator = fields.count - 1
    }

    guard fields.count >= 7 else { throw .tooFewFields(count: fields.count) }
    guard let separator else { throw .missingSeparator }
    let afterSeparator = fields.count - separator - 1
    guard afterSeparator >= 3 else { throw .tooFewFieldsAfterSeparator(count: afterSeparator) }
    // The kernel escapes tabs as \011; a raw one is not its output, and libmount would take
    // it for a field separator and shift every later field.
    if let tabbed = fields[..<(separator + 3)].firstIndex(where: { $0.contains(9) }) {
      throw .rawTab(field: Self.fieldName(at: tabbed, separator: separator))
    }

    id = try Self.number(fields[0], field: "mount ID")
    parentID = try Self.number(fields[1], field: "parent ID")
    device = try Self.device(fields[2])
    root = fields[3]
    mountPoint = fields[4]
    mountOptions = fields[5]
    optionalFields = Array(fields[6..<separator])
    filesystemType = fields[separator + 1]
    source = fields[separator + 2]
    superOptions = fields[separator + 3]
    for (name, value) in [
      ("root", root), ("mount point", mountPoint), ("mount options", mountOptions),
      ("filesystem type", filesystemType),
    ] where value.isEmpty {
      throw .emptyField(field: name)
    }
  }

  private static func fieldName(at index: Int, separator: Int) -> String {
    switch index {
    case 0: "mount ID"
    case 1: "parent ID"
    case 2: "device"
    case 3: "root"
    case 4: "mount point"
    case 5: "mount options"
    case separator + 1: "filesystem type"
    case separator + 2: "source"
    default: "optional fields"
    }
  }

  private static func number(
    _ field: ArraySlice<UInt8>, field name: String
  ) throws(LineProblem) -> UInt32 {
    guard let value = decimal(field), value <= maximumID else {
      throw .invalidID(field: name, value: String(decoding: field.prefix(40), as: UTF8.self))
    }
    return value
  }

  private static func device(_ field: ArraySlice<UInt8>) throws(LineProblem) -> DeviceNumber {
    let parts = field.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard parts.count == 2, let major = decimal(parts[0]), let minor = decimal(parts[1]) else {
      throw .invalidDevice(value: String(decoding: field.prefix(40), as: UTF8.self))
    }
    return DeviceNumber(major: major, minor: minor)
  }

  /// Parses a non-empty run of ASCII digits that fits in 32 bits.
  private static func decimal(_ digits: ArraySlice<UInt8>) -> UInt32? {
    guard !digits.isEmpty, digits.count <= 10 else { return nil }
    var value: UInt64 = 0
    for byte in digits {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    return value <= UInt64(UInt32.max) ? UInt32(value) : nil
  }
}

extension MountinfoLine {
  /// The mount this line describes, decoded from the raw line alone, without libmount.
  ///
  /// The reader takes its fields from libmount; this decoding is the cross-check that the
  /// two agree, and the source of the fields libmount cannot give intact.
  func decodedEntry(line: Int) -> MountEntry {
    MountEntry(
      line: line, id: id, parentID: parentID, device: device,
      root: ByteString(OctalEscapes.decode(root)),
      mountPoint: ByteString(OctalEscapes.decode(mountPoint)),
      mountOptions: Self.options(mountOptions),
      optionalFields: parsedOptionalFields,
      filesystemType: String(decoding: OctalEscapes.decode(filesystemType), as: UTF8.self),
      source: ByteString(OctalEscapes.decode(source)),
      superOptions: ByteString(Array(superOptions)))
  }

  /// The optional fields parsed into typed values with their numbers.
  ///
  /// An empty field (two spaces in a row before the separator) is no optional field.
  var parsedOptionalFields: [OptionalField] {
    optionalFields.filter { !$0.isEmpty }
      .map { OptionalField(parsing: String(decoding: $0, as: UTF8.self)) }
  }

  /// Splits a comma-separated option string.
  static func options(_ raw: ArraySlice<UInt8>) -> [String] {
    raw.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true)
      .map { String(decoding: $0, as: UTF8.self) }
  }
}
