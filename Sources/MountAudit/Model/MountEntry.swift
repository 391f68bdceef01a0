/// One mount of a mount table: every field of its mountinfo line, decoded.
///
/// Paths and the source are byte-exact with the kernel's octal escapes decoded. The super
/// options are kept as printed (some filesystems print raw spaces and backslashes there).
public struct MountEntry: Hashable, Sendable {
  /// The 1-based line of the input this mount was read from.
  public var line: Int
  /// The mount ID (field 1).
  public var id: UInt32
  /// The parent's mount ID (field 2); the parent may be outside the table.
  public var parentID: UInt32
  /// The device number of the filesystem (field 3).
  public var device: DeviceNumber
  /// The directory of the filesystem that forms this mount's root (field 4).
  public var root: ByteString
  /// Where the mount is attached, relative to the process's root (field 5).
  public var mountPoint: ByteString
  /// The per-mount options (field 6), in order.
  public var mountOptions: [String]
  /// The optional fields (field 7 and on), in order.
  public var optionalFields: [OptionalField]
  /// The filesystem type, with any subtype (`fuse.sshfs`).
  public var filesystemType: String
  /// The mount source; empty when the kernel printed an empty field.
  public var source: ByteString
  /// The super options, exactly as printed.
  public var superOptions: ByteString

  /// Creates an entry from its decoded fields.
  public init(
    line: Int, id: UInt32, parentID: UInt32, device: DeviceNumber, root: ByteString,
    mountPoint: ByteString, mountOptions: [String], optionalFields: [OptionalField],
    filesystemType: String, source: ByteString, superOptions: ByteString
  ) {
    self.line = line
    self.id = id
    self.parentID = parentID
    self.device = device
    self.root = root
    self.mountPoint = mountPoint
    self.mountOptions = mountOptions
    self.optionalFields = optionalFields
    self.filesystemType = filesystemType
    self.source = source
    self.superOptions = superOptions
  }

  /// The propagation state given by the optional fields.
  public var propagation: Propagation { Propagation(optionalFields) }

  /// Whether the per-mount options make the mount read-only. Super options do not count.
  public var isReadOnly: Bool { mountOptions.contains("ro") }

  /// Whether processes can write through this mount (the per-mount options lack `ro`).
  public var isWritable: Bool { !isReadOnly }
}
