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
  /// The line itself; the fields below are ranges of it, so that a line holds one reference
  /// to the input instead of one per field.
  private let text: ArraySlice<UInt8>
  private let rootRange: Range<Int>
  private let mountPointRange: Range<Int>
  private let mountOptionsRange: Range<Int>
  /// From the first optional field to the separator's leading space (empty without any).
  private let optionalFieldsRange: Range<Int>
  private let filesystemTypeRange: Range<Int>
  private let sourceRange: Range<Int>
  private let superOptionsRange: Range<Int>

  var root: ArraySlice<UInt8> { text[rootRange] }
  var mountPoint: ArraySlice<UInt8> { text[mountPointRange] }
  var mountOptions: ArraySlice<UInt8> { text[mountOptionsRange] }
  var filesystemType: ArraySlice<UInt8> { text[filesystemTypeRange] }
  var source: ArraySlice<UInt8> { text[sourceRange] }
  var superOptions: ArraySlice<UInt8> { text[superOptionsRange] }

  /// The optional fields, split on single spaces as the other fields are.
  var optionalFields: [ArraySlice<UInt8>] {
    if optionalFieldsRange.isEmpty { return [] }
    return text[optionalFieldsRange].split(
      separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
  }

  /// The largest mount ID the kernel hands out (IDs are C `int`s).
  static let maximumID = UInt32(Int32.max)

  /// Splits and checks `bytes`, one line without its newline.
  init(parsing bytes: ArraySlice<UInt8>) throws(LineProblem) {
    if bytes.isEmpty { throw .emptyLine }
    if bytes.contains(byte: 0) { throw .containsNUL }
    if bytes.last == UInt8(ascii: "\r") { throw .carriageReturn }
    var fields = FieldCursor(bytes)
    // Fields 1 to 6, then the first of the optional fields or the separator.
    func leadingField(_ position: Int) throws(LineProblem) -> Range<Int> {
      guard let field = fields.next() else { throw .tooFewFields(count: position - 1) }
      return field
    }
    let idRange = try leadingField(1)
    let parentIDRange = try leadingField(2)
    let deviceRange = try leadingField(3)
    rootRange = try leadingField(4)
    mountPointRange = try leadingField(5)
    mountOptionsRange = try leadingField(6)
    let seventh = try leadingField(7)
    var separator = seventh
    var fieldsFromSeparator = 7  // the separator's 1-based position once found
    while !bytes[separator].elementsEqual(CollectionOfOne(UInt8(ascii: "-"))) {
      guard let field = fields.next() else { throw .missingSeparator }
      separator = field
      fieldsFromSeparator += 1
    }
    guard let filesystemType = fields.next() else { throw .tooFewFieldsAfterSeparator(count: 0) }
    guard let source = fields.next() else { throw .tooFewFieldsAfterSeparator(count: 1) }
    // The super options are the rest of the line, spaces and all.
    guard let superOptionsStart = fields.rest else {
      throw .tooFewFieldsAfterSeparator(count: 2)
    }
    text = bytes
    optionalFieldsRange = seventh.lowerBound..<max(seventh.lowerBound, separator.lowerBound - 1)
    filesystemTypeRange = filesystemType
    sourceRange = source
    superOptionsRange = superOptionsStart..<bytes.endIndex

    // The kernel escapes tabs as \011; a raw one is not its output, and libmount would take
    // it for a field separator and shift every later field.
    if bytes[..<superOptionsStart].contains(byte: 9) {
      let named: [(String, Range<Int>)] = [
        ("mount ID", idRange), ("parent ID", parentIDRange), ("device", deviceRange),
        ("root", rootRange), ("mount point", mountPointRange),
        ("mount options", mountOptionsRange), ("optional fields", optionalFieldsRange),
        ("filesystem type", filesystemType), ("source", source),
      ]
      throw .rawTab(field: named.first { bytes[$0.1].contains(9) }!.0)
    }

    id = try Self.number(bytes[idRange], field: "mount ID")
    parentID = try Self.number(bytes[parentIDRange], field: "parent ID")
    device = try Self.device(bytes[deviceRange])
    if rootRange.isEmpty { throw .emptyField(field: "root") }
    if mountPointRange.isEmpty { throw .emptyField(field: "mount point") }
    if mountOptionsRange.isEmpty { throw .emptyField(field: "mount options") }
    if filesystemType.isEmpty { throw .emptyField(field: "filesystem type") }
  }

  /// Hands out a line's space-separated fields one at a time, as ranges of the line.
  private struct FieldCursor {
    let bytes: ArraySlice<UInt8>
    /// Where the next field starts; past the end once the last field was handed out.
    private var start: Int

    init(_ bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      start = bytes.startIndex
    }

    /// The next field, up to the next space or the end of the line.
    mutating func next() -> Range<Int>? {
      guard let rest else { return nil }
      let end = bytes[rest...].firstIndex(ofByte: UInt8(ascii: " ")) ?? bytes.endIndex
      start = end + 1
      return rest..<end
    }

    /// Where the next field starts, or `nil` after the last one.
    var rest: Int? { start <= bytes.endIndex ? start : nil }
  }

  private static func number(
    _ field: ArraySlice<UInt8>, field name: String
  ) throws(LineProblem) -> UInt32 {
    guard let value = DecimalDigits.value(of: field), value <= maximumID else {
      throw .invalidID(field: name, value: String(decoding: field.prefix(40), as: UTF8.self))
    }
    return value
  }

  private static func device(_ field: ArraySlice<UInt8>) throws(LineProblem) -> DeviceNumber {
    // MAJOR:MINOR, each a number (so neither holds another colon).
    let colon = field.firstIndex(ofByte: UInt8(ascii: ":")) ?? field.endIndex
    guard colon < field.endIndex, let major = DecimalDigits.value(of: field[..<colon]),
      let minor = DecimalDigits.value(of: field[(colon + 1)...])
    else {
      throw .invalidDevice(value: String(decoding: field.prefix(40), as: UTF8.self))
    }
    return DeviceNumber(major: major, minor: minor)
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
    var parsed: [OptionalField] = []
    var rest = text[optionalFieldsRange]
    while !rest.isEmpty {
      let end = rest.firstIndex(ofByte: UInt8(ascii: " ")) ?? rest.endIndex
      if end > rest.startIndex { parsed.append(OptionalField(parsing: rest[..<end])) }
      rest = rest[min(end + 1, rest.endIndex)...]
    }
    return parsed
  }

  /// Splits a comma-separated option string.
  static func options(_ raw: ArraySlice<UInt8>) -> [String] {
    var options: [String] = []
    options.reserveCapacity(raw.count { $0 == UInt8(ascii: ",") } + 1)
    var rest = raw
    while !rest.isEmpty {
      let end = rest.firstIndex(ofByte: UInt8(ascii: ",")) ?? rest.endIndex
      if end > rest.startIndex { options.append(String(decoding: rest[..<end], as: UTF8.self)) }
      rest = rest[min(end + 1, rest.endIndex)...]
    }
    return options
  }
}
