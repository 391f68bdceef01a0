import CStatmount
import Glibc

/// One mount as statmount(2) describes it, copied out of the kernel's answer at once.
///
/// The strings are as the kernel keeps them, without mountinfo's octal escapes. A string
/// the kernel left out (no filesystem options, no subtype) is `nil`.
struct StatmountRecord {
  /// The unique 64-bit mount ID, never reused.
  var uniqueID: UInt64
  /// The parent's unique 64-bit ID (the namespace's hidden root for its top mount).
  var parentUniqueID: UInt64
  /// The mount ID mountinfo prints (reused once a mount is gone).
  var id: UInt32
  /// The parent's mount ID as mountinfo prints it.
  var parentID: UInt32
  /// The filesystem's device number.
  var device: DeviceNumber
  /// `SB_*` flags of the filesystem: read-only, sync, dirsync, lazytime.
  var superblockFlags: UInt32
  /// `MOUNT_ATTR_*` flags of the mount.
  var attributes: UInt64
  /// `MS_SHARED`, `MS_SLAVE`, `MS_PRIVATE` and `MS_UNBINDABLE`, as they apply.
  var propagation: UInt64
  /// The peer group when shared, else 0.
  var peerGroup: UInt64
  /// The peer group this mount is a slave of, else 0.
  var master: UInt64
  /// The mount's root within its filesystem.
  var root: [UInt8]
  /// Where it is mounted, relative to the namespace's root.
  var mountPoint: [UInt8]
  /// The filesystem type without subtype.
  var filesystemType: [UInt8]
  /// The subtype (`sshfs` of `fuse.sshfs`).
  var subtype: [UInt8]?
  /// The source.
  var source: [UInt8]?
  /// The filesystem's own options, comma-separated and escaped as mountinfo has them.
  var filesystemOptions: [UInt8]?

  /// Copies the answer statmount(2) wrote.
  init(_ answer: UnsafePointer<mountaudit_statmount>) {
    let fields = answer.pointee
    func string(_ bit: UInt32, _ offset: UInt32) -> [UInt8]? {
      guard fields.mask & UInt64(bit) != 0 else { return nil }
      let start = mountaudit_statmount_string(answer, offset)!
      return Array(UnsafeBufferPointer(start: start, count: strlen(start)))
        .map { UInt8(bitPattern: $0) }
    }
    uniqueID = fields.mnt_id
    parentUniqueID = fields.mnt_parent_id
    id = fields.mnt_id_old
    parentID = fields.mnt_parent_id_old
    device = DeviceNumber(major: fields.sb_dev_major, minor: fields.sb_dev_minor)
    superblockFlags = fields.sb_flags
    attributes = fields.mnt_attr
    propagation = fields.mnt_propagation
    peerGroup = fields.mnt_peer_group
    master = fields.mnt_master
    root = string(STATMOUNT_MNT_ROOT, fields.mnt_root) ?? []
    mountPoint = string(STATMOUNT_MNT_POINT, fields.mnt_point) ?? []
    filesystemType = string(STATMOUNT_FS_TYPE, fields.fs_type) ?? []
    subtype = string(STATMOUNT_FS_SUBTYPE, fields.fs_subtype)
    source = string(STATMOUNT_SB_SOURCE, fields.sb_source)
    filesystemOptions = string(STATMOUNT_MNT_OPTS, fields.mnt_opts)
  }
}
