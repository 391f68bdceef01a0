import CStatmount

extension MountEntry {
  /// The entry mountinfo would print for the mount statmount(2) described, as line
  /// `line` of the table; the record must come from a namespace where no mount has a
  /// `propagate_from` (`StatmountTableReader` makes sure of it).
  ///
  /// Each field is put together as the kernel prints it (fs/proc_namespace.c): per-mount
  /// options `ro`/`rw` then nosuid, nodev, noexec, noatime, nodiratime, relatime,
  /// nosymfollow, idmapped; optional fields shared, master, unbindable; the type with its
  /// subtype after a dot; super options `ro`/`rw`, sync, dirsync, lazytime, then the
  /// filesystem's own.
  init(statmount record: StatmountRecord, line: Int) {
    self.init(
      line: line, id: record.id, parentID: record.parentID, device: record.device,
      root: ByteString(record.root), mountPoint: ByteString(record.mountPoint),
      mountOptions: Self.mountOptions(attributes: record.attributes),
      optionalFields: Self.optionalFields(record),
      filesystemType: String(decoding: record.filesystemType, as: UTF8.self)
        + (record.subtype.map { "." + String(decoding: $0, as: UTF8.self) } ?? ""),
      source: ByteString(record.source ?? []),
      superOptions: ByteString(Self.superOptions(record)))
  }

  /// The per-mount options of `MOUNT_ATTR_*` flags, in mountinfo's order.
  static func mountOptions(attributes: UInt64) -> [String] {
    var options = [attributes & MOUNTAUDIT_ATTR_RDONLY != 0 ? "ro" : "rw"]
    let flags: [(UInt64, String)] = [
      (MOUNTAUDIT_ATTR_NOSUID, "nosuid"), (MOUNTAUDIT_ATTR_NODEV, "nodev"),
      (MOUNTAUDIT_ATTR_NOEXEC, "noexec"),
    ]
    options += flags.filter { attributes & $0.0 != 0 }.map(\.1)
    let accessTime = attributes & MOUNTAUDIT_ATTR_ATIME_MASK
    if accessTime == MOUNTAUDIT_ATTR_NOATIME { options.append("noatime") }
    if attributes & MOUNTAUDIT_ATTR_NODIRATIME != 0 { options.append("nodiratime") }
    if accessTime == MOUNTAUDIT_ATTR_RELATIME { options.append("relatime") }
    if attributes & MOUNTAUDIT_ATTR_NOSYMFOLLOW != 0 { options.append("nosymfollow") }
    if attributes & MOUNTAUDIT_ATTR_IDMAP != 0 { options.append("idmapped") }
    return options
  }

  /// `shared:N`, `master:N` and `unbindable`, in mountinfo's order.
  static func optionalFields(_ record: StatmountRecord) -> [OptionalField] {
    var fields: [OptionalField] = []
    if record.propagation & UInt64(MOUNTAUDIT_MS_SHARED) != 0 {
      fields.append(.shared(peerGroup: UInt32(truncatingIfNeeded: record.peerGroup)))
    }
    if record.propagation & UInt64(MOUNTAUDIT_MS_SLAVE) != 0 {
      fields.append(.master(peerGroup: UInt32(truncatingIfNeeded: record.master)))
    }
    if record.propagation & UInt64(MOUNTAUDIT_MS_UNBINDABLE) != 0 {
      fields.append(.unbindable)
    }
    return fields
  }

  /// The super options: read-only state and `SB_*` flags, then the filesystem's options.
  static func superOptions(_ record: StatmountRecord) -> [UInt8] {
    let flags = record.superblockFlags
    var text = flags & MOUNTAUDIT_SB_RDONLY != 0 ? "ro" : "rw"
    if flags & MOUNTAUDIT_SB_SYNCHRONOUS != 0 { text += ",sync" }
    if flags & MOUNTAUDIT_SB_DIRSYNC != 0 { text += ",dirsync" }
    if flags & MOUNTAUDIT_SB_LAZYTIME != 0 { text += ",lazytime" }
    var bytes = Array(text.utf8)
    if let options = record.filesystemOptions, !options.isEmpty {
      bytes.append(UInt8(ascii: ","))
      bytes += options
    }
    return bytes
  }
}
