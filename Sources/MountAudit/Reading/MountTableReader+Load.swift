/// A table read from any input, with the snapshot it came from when the input was one.
public struct LoadedTable: Sendable {
  /// The table.
  public var table: MountTable
  /// The snapshot, when the input was a snapshot file rather than mountinfo.
  public var snapshot: Snapshot?
  /// The mount namespace the table is of: a live process's (when its link is readable) or
  /// the one a snapshot recorded.
  public var namespace: NamespaceIdentity?
}

extension MountTableReader {
  /// Reads the table of `origin`, which may also be a snapshot file (`mountaudit snapshot`):
  /// then the table is the snapshot's target, named after the file. A process is pinned
  /// while its namespace link and table are read.
  public func load(_ origin: TableOrigin) throws(AuditError) -> LoadedTable {
    if case .process(let pid) = origin {
      return try ProcessHandle(pid: pid).reading { () throws(AuditError) in
        let namespace = try? NamespaceIdentity.ofProcess(pid)
        return LoadedTable(table: try read(origin), namespace: namespace)
      }
    }
    let bytes = try bytes(of: origin)
    guard Snapshot.looksLikeSnapshot(bytes) else {
      return LoadedTable(table: try parse(bytes, origin: origin))
    }
    let snapshot = try Snapshot(decoding: bytes, path: origin.description)
    return LoadedTable(
      table: try parse(snapshot.targetText, origin: origin), snapshot: snapshot,
      namespace: snapshot.targetNamespace)
  }
}
