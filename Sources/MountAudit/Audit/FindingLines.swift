/// The line of the audited mountinfo table each finding of a report is about, for reports
/// that point into the input (SARIF regions). Built once per report: mount IDs are indexed,
/// never searched for per finding.
///
/// - A finding about an input line (`parse.invalid-line`) has that line.
/// - A finding about a mount has the line of that mount: the first line with its mount ID
///   and mount point (a damaged table can repeat an ID), else the first with its ID.
/// - A finding about a path with no mount of its own (a missing mask such as
///   `/proc/kcore`) has the line of the visible mount that serves the path.
/// - A finding about the whole table (`namespace.host`), or any finding of a report
///   without its tree, has none.
public struct FindingLines: Sendable {
  private let tree: MountTree?
  private let mountsByID: [UInt32: [MountEntry]]

  /// Indexes the mounts of `report`'s audited table.
  public init(_ report: AuditReport) {
    tree = report.targetTree
    var mountsByID: [UInt32: [MountEntry]] = [:]
    for entry in report.targetTree?.entries ?? [] {
      mountsByID[entry.id, default: []].append(entry)
    }
    self.mountsByID = mountsByID
  }

  /// The 1-based input line `finding` is about, if it is about one.
  public func line(of finding: Finding) -> Int? {
    if let line = finding.line { return line }
    if let id = finding.mountID, let mounts = mountsByID[id] {
      return (mounts.first { $0.mountPoint == finding.mountPoint } ?? mounts.first)?.line
    }
    guard let path = finding.mountPoint else { return nil }
    return tree?.visibleMount(containing: path)?.line
  }
}
