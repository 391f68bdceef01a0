/// Pairs libmount's entries with the well-formed lines they came from, in input order, as
/// libmount hands them out: a line libmount rejected or read otherwise, or one whose mount
/// ID an earlier line already has, becomes a problem,
/// and each agreeing pair becomes a `MountEntry` (libmount's decoded paths and options, the
/// line's own optional fields, source and super options).
struct EntryMatcher {
  /// The mounts made so far, in input order.
  private(set) var entries: [MountEntry] = []
  /// The lines libmount did not give back as their own entry.
  private(set) var problems: [ParseProblem] = []

  private let lines: [(number: Int, fields: MountinfoLine)]
  private var rejected: Set<Int> = []
  /// The line each mount ID was first read on.
  private var lineOfID: [UInt32: Int] = [:]
  /// The position in `lines` of the next line to pair.
  private var next = 0

  /// Prepares to pair the well-formed `lines`, numbered as in the input.
  init(lines: [(number: Int, fields: MountinfoLine)]) {
    self.lines = lines
    entries.reserveCapacity(lines.count)
    lineOfID.reserveCapacity(lines.count)
  }

  /// Notes the lines libmount's parser rejected, 1-based among the well-formed lines.
  mutating func reject(_ rejectedLines: [Int]) {
    rejected = Set(rejectedLines)
  }

  /// Pairs libmount's next entry with the next line it did not reject.
  mutating func take(_ parsed: LibmountTable.Entry) {
    skipRejected()
    guard next < lines.count else { return }
    let line = lines[next]
    next += 1
    if Self.agree(parsed, line.fields) {
      if let first = lineOfID[line.fields.id] {
        problems.append(
          ParseProblem(
            line: line.number, problem: .repeatedID(id: line.fields.id, firstLine: first)))
        return
      }
      lineOfID[line.fields.id] = line.number
      entries.append(Self.entry(parsed, line: line.number, raw: line.fields))
    } else {
      problems.append(ParseProblem(line: line.number, problem: .rejectedByLibmount))
    }
  }

  /// Marks every line left without an entry as a problem.
  mutating func finish() {
    while next < lines.count {
      problems.append(ParseProblem(line: lines[next].number, problem: .rejectedByLibmount))
      next += 1
    }
  }

  private mutating func skipRejected() {
    while next < lines.count, rejected.contains(next + 1) {
      problems.append(ParseProblem(line: lines[next].number, problem: .rejectedByLibmount))
      next += 1
    }
  }

  /// Whether libmount's entry is the one for this line: same IDs and same mount point.
  private static func agree(_ parsed: LibmountTable.Entry, _ raw: MountinfoLine) -> Bool {
    UInt32(bitPattern: parsed.id) == raw.id
      && UInt32(bitPattern: parsed.parentID) == raw.parentID
      && (raw.mountPoint.contains(byte: UInt8(ascii: "\\"))
        ? parsed.target == OctalEscapes.decode(raw.mountPoint)
        : raw.mountPoint.hasSameBytes(as: parsed.target))
  }

  /// The mount of an agreeing pair.
  private static func entry(
    _ parsed: LibmountTable.Entry, line: Int, raw: MountinfoLine
  ) -> MountEntry {
    MountEntry(
      line: line,
      id: UInt32(bitPattern: parsed.id),
      parentID: UInt32(bitPattern: parsed.parentID),
      device: DeviceNumber(major: parsed.major, minor: parsed.minor),
      root: ByteString(parsed.root),
      mountPoint: ByteString(parsed.target),
      mountOptions: MountinfoLine.options(parsed.mountOptions[...]),
      optionalFields: raw.parsedOptionalFields,
      filesystemType: parsed.filesystemType,
      source: ByteString(OctalEscapes.decode(raw.source)),
      superOptions: ByteString(Array(raw.superOptions)))
  }
}
