import CLibmount
import Glibc

/// A table parsed by libmount's mountinfo parser, copied into value types.
///
/// This folder is the only place that touches libmount. The table object lives only inside
/// `parse`, which hands each entry out as a copy, so no libmount pointer escapes.
struct LibmountTable {
  /// One entry as libmount decoded it.
  struct Entry {
    var id: Int32
    var parentID: Int32
    var major: UInt32
    var minor: UInt32
    var root: [UInt8]
    var target: [UInt8]
    var filesystemType: String
    var mountOptions: [UInt8]
  }

  /// The entries in input order.
  var entries: [Entry]
  /// The 1-based lines of the parsed text that libmount's parser rejected.
  var rejectedLines: [Int]

  private static let debugInitialised: Bool = {
    mnt_init_debug(0)
    return true
  }()

  /// Parses `text`, which must consist of mountinfo lines each ending in a newline, and
  /// keeps every entry.
  ///
  /// - Parameter name: the input's name for libmount's debug output and for errors.
  init(parsingMountinfo text: [UInt8], name: String) throws(LibmountError) {
    var entries: [Entry] = []
    var rejected: [Int] = []
    try Self.parse(
      mountinfo: text, name: name, rejectedLines: { rejected = $0 },
      each: { entries.append($0) })
    self.entries = entries
    self.rejectedLines = rejected
  }

  /// Parses `text` as `init` does, tells `rejectedLines` which lines libmount rejected,
  /// then hands each entry to `take`, in input order, dropping it from libmount's table
  /// once copied, so that libmount's copy of a large table and the caller's are never held
  /// whole at once.
  static func parse(
    mountinfo text: [UInt8], name: String, rejectedLines: ([Int]) -> Void,
    each take: (Entry) -> Void
  ) throws(LibmountError) {
    _ = Self.debugInitialised
    guard let table = mnt_new_table() else {
      throw LibmountError(function: "mnt_new_table", errno: ENOMEM, input: name)
    }
    defer { mnt_unref_table(table) }

    final class Rejections {
      var lines: [Int] = []
    }
    let rejections = Rejections()
    let context = Unmanaged.passRetained(rejections)
    defer { context.release() }
    mnt_table_set_userdata(table, context.toOpaque())
    try LibmountError.check(
      mnt_table_set_parser_errcb(table) { table, _, line in
        guard let table, let pointer = mnt_table_get_userdata(table) else { return 1 }
        Unmanaged<Rejections>.fromOpaque(pointer).takeUnretainedValue().lines.append(Int(line))
        return 1  // recoverable: skip the line and go on
      }, "mnt_table_set_parser_errcb", input: name)

    let (result, function) = text.withUnsafeBytes { bytes -> (Int32, String) in
      // A stream opened for reading never writes to its buffer, so the text is not copied.
      let start = UnsafeMutableRawPointer(mutating: bytes.baseAddress)
      guard let stream = fmemopen(start, bytes.count, "r") else {
        return (-Glibc.errno, "fmemopen")
      }
      defer { fclose(stream) }
      return (mnt_table_parse_stream(table, stream, name), "mnt_table_parse_stream")
    }
    try LibmountError.check(result, function, input: name)
    rejectedLines(rejections.lines)

    // The memory libmount frees as each entry leaves is reused for the copies.
    var filesystem: OpaquePointer?
    while mnt_table_first_fs(table, &filesystem) == 0, let filesystem {
      take(Self.copy(filesystem))
      mnt_table_remove_fs(table, filesystem)
    }
  }

  private static func copy(_ filesystem: OpaquePointer) -> Entry {
    let device = mnt_fs_get_devno(filesystem)
    return Entry(
      id: mnt_fs_get_id(filesystem),
      parentID: mnt_fs_get_parent_id(filesystem),
      major: gnu_dev_major(device),
      minor: gnu_dev_minor(device),
      root: bytes(mnt_fs_get_root(filesystem)),
      target: bytes(mnt_fs_get_target(filesystem)),
      filesystemType: mnt_fs_get_fstype(filesystem).map { String(cString: $0) } ?? "",
      mountOptions: bytes(mnt_fs_get_vfs_options(filesystem)))
  }

  /// The bytes of a C string; a NULL pointer (libmount's "no value") gives no bytes.
  private static func bytes(_ string: UnsafePointer<CChar>?) -> [UInt8] {
    guard let string else { return [] }
    return Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
  }
}
