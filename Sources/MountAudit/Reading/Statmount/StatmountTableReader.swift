import Glibc

/// Reads a live process's mount table with listmount(2) and statmount(2), into the same
/// entries as its mountinfo gives, in the same order.
///
/// mountinfo and listmount both go through a namespace's mounts by their unique IDs (Linux
/// 6.8 keeps them in a tree sorted so), and both show only the mounts the root reaches,
/// so the entries come in mountinfo's order. Two things mountinfo works out against the
/// process's own root, statmount against another: mount points (statmount: the namespace's
/// root mount) and `propagate_from` (statmount: the caller's root, so it is always absent
/// for another namespace). The reader gives a table only where neither can differ: the
/// process's root is its namespace's root mount, and no mount can have a `propagate_from`
/// (no mount is a slave of a peer group missing from the table while the table holds any
/// shared mount: the field names a peer group with a member in the table). Otherwise it
/// says why, and the caller reads mountinfo.
struct StatmountTableReader {
  /// The process whose table is read.
  var pid: Int32
  /// How many times the table is listed before giving up when it changes during each read.
  var attempts: Int

  /// What a read gives: the table, or why statmount cannot give it.
  enum Outcome {
    /// The table, complete.
    case table(MountTable)
    /// Why statmount would give another table than mountinfo here.
    case needsMountinfo(reason: String)
  }

  /// Lists and describes every mount of the process's namespace.
  func read() throws(AuditError) -> Outcome {
    let link = NamespaceKind.mount.linkPath(of: pid)
    let namespace: UInt64
    do {
      namespace = try SystemCall.requireMountNamespaceID(link: link)
    } catch .cannotRead(_, let errno) {
      if errno == ENOENT { throw .noSuchProcess(pid: pid) }
      throw .statmountRefused(pid: pid, call: "NS_GET_MNTNS_ID of '\(link)'", errno: errno)
    } catch {
      throw error
    }
    let records = try consistentRecords(namespace: namespace)
    if let reason = try rootMismatch(records) { return .needsMountinfo(reason: reason) }
    if let reason = Self.possiblePropagateFrom(records) {
      return .needsMountinfo(reason: reason)
    }
    let entries = records.enumerated().map { index, record in
      MountEntry(statmount: record, line: index + 1)
    }
    return .table(MountTable(entries: entries, origin: .process(pid: pid)))
  }

  /// Every mount, described; listed again afterwards and read again when a mount came,
  /// went, moved or changed meanwhile, so that no mount is missed or described after it
  /// changed place.
  private func consistentRecords(namespace: UInt64) throws(AuditError) -> [StatmountRecord] {
    let buffer = StatmountBuffer()
    for _ in 0..<attempts {
      // A mount moved, remounted or given new propagation keeps its ID: the kernel's
      // event flag on the namespace tells those apart from a quiet read.
      let watch = try MountEventWatch(pid: pid)
      let records: [StatmountRecord]?
      do {
        records = try Self.records(namespace: namespace, buffer: buffer)
      } catch {
        throw .statmountRefused(pid: pid, call: error.call, errno: error.errno)
      }
      if let records, !watch.sawChange { return records }
    }
    throw .tableKeptChanging(
      path: "the mount namespace of PID \(pid) (listmount)", attempts: attempts)
  }

  /// One listing of the namespace, each mount described; `nil` when a mount came or went
  /// meanwhile (a mount listed could no longer be described, or the list changed).
  private static func records(
    namespace: UInt64, buffer: StatmountBuffer
  ) throws(StatmountFailure) -> [StatmountRecord]? {
    let ids = try SystemCall.listMounts(namespace: namespace)
    var records: [StatmountRecord] = []
    records.reserveCapacity(ids.count)
    for id in ids {
      guard let record = try SystemCall.statMount(id, namespace: namespace, buffer: buffer)
      else { return nil }
      records.append(record)
    }
    return try SystemCall.listMounts(namespace: namespace) == ids ? records : nil
  }

  /// Why mount points would differ from mountinfo's: the process's root directory is not
  /// the root of the namespace's top mount (a chroot), which statmount measures from.
  private func rootMismatch(_ records: [StatmountRecord]) throws(AuditError) -> String? {
    let listed = Set(records.map(\.uniqueID))
    guard let top = records.first(where: { !listed.contains($0.parentUniqueID) }) else {
      return "no mount of PID \(pid)'s namespace is its root"
    }
    let root: (id: UInt64, isMountRoot: Bool)
    do {
      root = try SystemCall.mount(of: "/proc/\(pid)/root")
    } catch {
      if error.errno == ENOENT { throw .noSuchProcess(pid: pid) }
      throw .statmountRefused(pid: pid, call: error.call, errno: error.errno)
    }
    guard root.id == top.uniqueID, root.isMountRoot else {
      return "PID \(pid)'s root directory is not its mount namespace's root (a chroot), "
        + "and statmount gives mount points from the namespace's root"
    }
    return nil
  }

  /// Why some mount may have a `propagate_from`, which statmount cannot give for another
  /// namespace: it is a slave of a peer group missing from the table, and the table holds
  /// shared mounts, one of which may be in a peer group further up its chain of masters.
  static func possiblePropagateFrom(_ records: [StatmountRecord]) -> String? {
    let groups = Set(records.lazy.map(\.peerGroup).filter { $0 != 0 })
    guard !groups.isEmpty else { return nil }
    guard let slave = records.first(where: { $0.master != 0 && !groups.contains($0.master) })
    else { return nil }
    return "mount \(slave.id) is a slave of peer group \(slave.master), which has no member "
      + "in the table, so it may have a propagate_from that only mountinfo tells"
  }
}
