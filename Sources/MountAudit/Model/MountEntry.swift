/// One mount of a mount table: every field of its mountinfo line, decoded.
///
/// Paths and the source are byte-exact with the kernel's octal escapes decoded. The super
/// options are kept as printed (some filesystems print raw spaces and backslashes there).
public struct MountEntry: Hashable, Sendable {
  /// The fields, shared between copies until one of them changes a field: rules, trees and
  /// reports pass entries around by the hundred thousand, and a copy then costs one
  /// reference count instead of one per field.
  private var storage: Storage

  /// The 1-based line of the input this mount was read from.
  public var line: Int {
    get { storage.line }
    set { uniqueStorage().line = newValue }
  }
  /// The mount ID (field 1).
  public var id: UInt32 {
    get { storage.id }
    set { uniqueStorage().id = newValue }
  }
  /// The parent's mount ID (field 2); the parent may be outside the table.
  public var parentID: UInt32 {
    get { storage.parentID }
    set { uniqueStorage().parentID = newValue }
  }
  /// The device number of the filesystem (field 3).
  public var device: DeviceNumber {
    get { storage.device }
    set { uniqueStorage().device = newValue }
  }
  /// The directory of the filesystem that forms this mount's root (field 4).
  public var root: ByteString {
    get { storage.root }
    set { uniqueStorage().root = newValue }
  }
  /// Where the mount is attached, relative to the process's root (field 5).
  public var mountPoint: ByteString {
    get { storage.mountPoint }
    set { uniqueStorage().mountPoint = newValue }
  }
  /// The per-mount options (field 6), in order.
  public var mountOptions: [String] {
    get { storage.mountOptions }
    set { uniqueStorage().mountOptions = newValue }
  }
  /// The optional fields (field 7 and on), in order.
  public var optionalFields: [OptionalField] {
    get { storage.optionalFields }
    set { uniqueStorage().optionalFields = newValue }
  }
  /// The filesystem type, with any subtype (`fuse.sshfs`).
  public var filesystemType: String {
    get { storage.filesystemType }
    set { uniqueStorage().filesystemType = newValue }
  }
  /// The mount source; empty when the kernel printed an empty field.
  public var source: ByteString {
    get { storage.source }
    set { uniqueStorage().source = newValue }
  }
  /// The super options, exactly as printed.
  public var superOptions: ByteString {
    get { storage.superOptions }
    set { uniqueStorage().superOptions = newValue }
  }

  /// Creates an entry from its decoded fields.
  public init(
    line: Int, id: UInt32, parentID: UInt32, device: DeviceNumber, root: ByteString,
    mountPoint: ByteString, mountOptions: [String], optionalFields: [OptionalField],
    filesystemType: String, source: ByteString, superOptions: ByteString
  ) {
    storage = Storage(
      line: line, id: id, parentID: parentID, device: device, root: root,
      mountPoint: mountPoint, mountOptions: mountOptions, optionalFields: optionalFields,
      filesystemType: filesystemType, source: source, superOptions: superOptions)
  }

  /// The storage, copied first if another entry shares it.
  private mutating func uniqueStorage() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// Whether two entries have the same fields.
  public static func == (lhs: MountEntry, rhs: MountEntry) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(storage.fields)
  }

  /// The propagation state given by the optional fields.
  public var propagation: Propagation { Propagation(optionalFields) }

  /// Whether the per-mount options make the mount read-only. Super options do not count.
  public var isReadOnly: Bool { mountOptions.contains("ro") }

  /// Whether processes can write through this mount (the per-mount options lack `ro`).
  public var isWritable: Bool { !isReadOnly }
}

extension MountEntry {
  /// The fields of an entry. Only `MountEntry` reaches it, and it copies the storage before
  /// changing a field that another entry shares, so the class is never written while shared.
  private final class Storage: @unchecked Sendable {
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

    init(
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

    func copy() -> Storage {
      Storage(
        line: line, id: id, parentID: parentID, device: device, root: root,
        mountPoint: mountPoint, mountOptions: mountOptions, optionalFields: optionalFields,
        filesystemType: filesystemType, source: source, superOptions: superOptions)
    }

    /// Every field, for equality and hashing.
    var fields: Fields {
      Fields(
        line: line, id: id, parentID: parentID, device: device, root: root,
        mountPoint: mountPoint, mountOptions: mountOptions, optionalFields: optionalFields,
        filesystemType: filesystemType, source: source, superOptions: superOptions)
    }
  }

  private struct Fields: Hashable {
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
