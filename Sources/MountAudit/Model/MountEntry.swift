/// One mount of a mount table: every field of its mountinfo line, decoded.
///
/// Paths and the source are byte-exact with the kernel's octal escapes decoded. The super
/// options are kept as printed (some filesystems print raw spaces and backslashes there).
public struct MountEntry: Hashable, Sendable {
  /// The fields, shared between copies until one of them changes a field: trees, rules and
  /// reports pass entries around by the hundred thousand, and a copy then costs one
  /// reference count instead of one per field.
  private var storage: SharedFields<Fields>

  /// The 1-based line of the input this mount was read from.
  public var line: Int {
    get { storage.fields.line }
    set { storage.update { $0.line = newValue } }
  }
  /// The mount ID (field 1).
  public var id: UInt32 {
    get { storage.fields.id }
    set { storage.update { $0.id = newValue } }
  }
  /// The parent's mount ID (field 2); the parent may be outside the table.
  public var parentID: UInt32 {
    get { storage.fields.parentID }
    set { storage.update { $0.parentID = newValue } }
  }
  /// The device number of the filesystem (field 3).
  public var device: DeviceNumber {
    get { storage.fields.device }
    set { storage.update { $0.device = newValue } }
  }
  /// The directory of the filesystem that forms this mount's root (field 4).
  public var root: ByteString {
    get { storage.fields.root }
    set { storage.update { $0.root = newValue } }
  }
  /// Where the mount is attached, relative to the process's root (field 5).
  public var mountPoint: ByteString {
    get { storage.fields.mountPoint }
    set { storage.update { $0.mountPoint = newValue } }
  }
  /// The per-mount options (field 6), in order.
  public var mountOptions: [String] {
    get { storage.fields.mountOptions }
    set { storage.update { $0.mountOptions = newValue } }
  }
  /// The optional fields (field 7 and on), in order.
  public var optionalFields: [OptionalField] {
    get { storage.fields.optionalFields }
    set { storage.update { $0.optionalFields = newValue } }
  }
  /// The filesystem type, with any subtype (`fuse.sshfs`).
  public var filesystemType: String {
    get { storage.fields.filesystemType }
    set { storage.update { $0.filesystemType = newValue } }
  }
  /// The mount source; empty when the kernel printed an empty field.
  public var source: ByteString {
    get { storage.fields.source }
    set { storage.update { $0.source = newValue } }
  }
  /// The super options, exactly as printed.
  public var superOptions: ByteString {
    get { storage.fields.superOptions }
    set { storage.update { $0.superOptions = newValue } }
  }

  /// Creates an entry from its decoded fields.
  public init(
    line: Int, id: UInt32, parentID: UInt32, device: DeviceNumber, root: ByteString,
    mountPoint: ByteString, mountOptions: [String], optionalFields: [OptionalField],
    filesystemType: String, source: ByteString, superOptions: ByteString
  ) {
    storage = SharedFields(
      Fields(
        line: line, id: id, parentID: parentID, device: device, root: root, mountPoint: mountPoint,
        mountOptions: mountOptions, optionalFields: optionalFields, filesystemType: filesystemType,
        source: source, superOptions: superOptions))
  }

  /// Whether two entries have the same fields.
  public static func == (lhs: MountEntry, rhs: MountEntry) -> Bool { lhs.storage == rhs.storage }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) { storage.hash(into: &hasher) }

  /// The propagation state given by the optional fields.
  public var propagation: Propagation { Propagation(optionalFields) }

  /// Whether the per-mount options make the mount read-only. Super options do not count.
  public var isReadOnly: Bool { mountOptions.contains("ro") }

  /// Whether processes can write through this mount (the per-mount options lack `ro`).
  public var isWritable: Bool { !isReadOnly }

  private struct Fields: Hashable, Sendable {
    var line: Int
    var id: UInt32
    var parentID: UInt32
    var device: DeviceNumber
    var root: ByteString
    var mountPoint: ByteString
    var mountOptions: [String]
    var optionalFields: [OptionalField]
    var filesystemType: String
    var source: ByteString
    var superOptions: ByteString
  }
}
