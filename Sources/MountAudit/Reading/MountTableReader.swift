/// Reads mount tables from processes, files and standard input through libmount.
///
/// Reading happens in three steps: the whole input is read in one pass; each line is split
/// and checked for structure (bad lines are kept as problems with their line numbers); the
/// well-formed lines go to libmount's mountinfo parser, and its entries are mapped back to
/// their lines. libmount gives every field but three: the super options come from the raw
/// line (libmount cuts them at a raw space), so does the source (libmount replaces
/// `/dev/root` by the name of a block device of the machine running the audit), and the
/// optional fields are parsed here into typed values with their numbers.
public struct MountTableReader: Sendable {
  /// The largest input read, to bound memory on hostile or endless input.
  public var sizeLimit: Int

  /// The default `sizeLimit`, 256 MiB: more than twice a table of the kernel's default
  /// most mounts in a namespace (`fs.mount-max`, 100,000) with long Kubernetes paths
  /// (about 370 bytes a line), so only an absurd or endless input reaches it.
  public static let defaultSizeLimit = 256 << 20
  /// Whether tables keep the input exactly as read (`MountTable.text`), for snapshots.
  public var keepsText: Bool
  /// How the tables of live processes are read.
  public var source: LiveTableSource

  /// Creates a reader that refuses inputs larger than `sizeLimit` bytes.
  public init(
    sizeLimit: Int = defaultSizeLimit, keepsText: Bool = false, source: LiveTableSource = .auto
  ) {
    self.sizeLimit = sizeLimit
    self.keepsText = keepsText
    self.source = source
  }

  /// Reads and parses the table of `origin`.
  ///
  /// With the `statmount` and `auto` sources, a process's table is read with statmount(2)
  /// where that gives the same table as its mountinfo, and from mountinfo otherwise (the
  /// table's `fallbackReason` says why); a kept text is then the table printed as
  /// mountinfo. `auto` also reads mountinfo where the kernel or the caller's privileges
  /// refuse statmount, or where the namespace changed during each of its listings.
  public func read(_ origin: TableOrigin) throws(AuditError) -> MountTable {
    guard case .process(let pid) = origin, source != .mountinfo else {
      return try parse(try bytes(of: origin), origin: origin)
    }
    let outcome: StatmountTableReader.Outcome
    do {
      outcome = try ProcessHandle(pid: pid).reading { () throws(AuditError) in
        try StatmountTableReader(pid: pid, attempts: Self.attempts).read()
      }
    } catch let error where source == .auto && error.leavesMountinfoToTry {
      return try parse(try bytes(of: origin), origin: origin)
    }
    switch outcome {
    case .table(var table):
      table.isFromStatmount = true
      if keepsText { table.text = table.mountinfoText() }
      return table
    case .needsMountinfo(let reason):
      var table = try parse(try bytes(of: origin), origin: origin)
      table.fallbackReason = "statmount cannot give this table (\(reason)); read from mountinfo"
      return table
    }
  }

  /// Reads the whole input of `origin` in one pass; a process is pinned while its table is
  /// read, so that a table read after it exited (and its PID was reused) is never taken
  /// for its own.
  public func bytes(of origin: TableOrigin) throws(AuditError) -> [UInt8] {
    guard case .process(let pid) = origin else { return try unpinnedBytes(of: origin) }
    return try ProcessHandle(pid: pid).reading { () throws(AuditError) in
      try unpinnedBytes(of: origin)
    }
  }

  private func unpinnedBytes(of origin: TableOrigin) throws(AuditError) -> [UInt8] {
    let bytes: [UInt8]
    do {
      switch origin {
      case .standardInput:
        bytes = try SystemCall.readAll(descriptor: 0, path: "stdin", limit: sizeLimit)
      case .process:
        bytes = try liveBytes(of: origin)
      default:
        bytes = try SystemCall.readAll(path: origin.path, limit: sizeLimit)
      }
    } catch AuditError.cannotRead(_, let errno) where errno == 2 {
      if case .process(let pid) = origin { throw .noSuchProcess(pid: pid) }
      throw .cannotRead(path: origin.path, errno: errno)
    }
    return bytes
  }

  /// How many times a live table is read before giving up when it changes during each read.
  static let attempts = 5

  /// A process's table read whole, again if a mount or unmount happened during the read,
  /// so that no mount is missed or counted twice.
  private func liveBytes(of origin: TableOrigin) throws(AuditError) -> [UInt8] {
    for _ in 0..<Self.attempts {
      let read = try SystemCall.readAll(
        path: origin.path, limit: sizeLimit, watchingMounts: true)
      if !read.tableChanged { return read.bytes }
    }
    throw .tableKeptChanging(path: origin.path, attempts: Self.attempts)
  }

  /// Parses mountinfo text that is already in memory.
  public func parse(_ bytes: [UInt8], origin: TableOrigin) throws(AuditError) -> MountTable {
    var lines: [(number: Int, fields: MountinfoLine)] = []
    var problems: [ParseProblem] = []
    let allLines = Self.lines(of: bytes)
    lines.reserveCapacity(allLines.count)
    for (index, text) in allLines.enumerated() {
      do {
        lines.append((index + 1, try MountinfoLine(parsing: text)))
      } catch {
        problems.append(ParseProblem(line: index + 1, problem: error))
      }
    }
    guard !lines.isEmpty else {
      throw .notMountinfo(input: origin.description, first: problems.first)
    }

    var matcher = EntryMatcher(lines: lines)
    do {
      try LibmountTable.parse(
        mountinfo: Self.wellFormedText(of: bytes, lines: allLines, problems: problems),
        name: origin.path, rejectedLines: { matcher.reject($0) }, each: { matcher.take($0) })
      matcher.finish()
    } catch {
      throw .libmount(error)
    }
    let entries = matcher.entries
    problems += matcher.problems
    guard !entries.isEmpty else {
      throw .notMountinfo(input: origin.description, first: problems.first)
    }
    problems.sort { $0.line < $1.line }
    var table = MountTable(entries: entries, problems: problems, origin: origin)
    if keepsText { table.text = bytes }
    return table
  }

  /// The lines libmount is given: the input itself when every line is well formed and it
  /// ends in a newline (the usual case, which then costs no copy), otherwise the
  /// well-formed lines alone, each ending in a newline.
  private static func wellFormedText(
    of bytes: [UInt8], lines: [ArraySlice<UInt8>], problems: [ParseProblem]
  ) -> [UInt8] {
    if problems.isEmpty, bytes.last == UInt8(ascii: "\n") { return bytes }
    let badLines = Set(problems.map(\.line))
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count + 1)
    for (index, line) in lines.enumerated() where !badLines.contains(index + 1) {
      text.append(contentsOf: line)
      text.append(UInt8(ascii: "\n"))
    }
    return text
  }

  /// Splits input at newlines; a final line without a newline still counts, a final newline
  /// does not start another line.
  static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var rest = bytes[...]
    while !rest.isEmpty {
      let end = rest.firstIndex(ofByte: UInt8(ascii: "\n")) ?? rest.endIndex
      lines.append(rest[..<end])
      rest = rest[min(end + 1, rest.endIndex)...]
    }
    return lines
  }
}
