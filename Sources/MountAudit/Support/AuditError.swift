import Glibc

/// A reason the audit could not run at all (as opposed to a finding about the mounts).
public enum AuditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No process has this PID.
  case noSuchProcess(pid: Int32)
  /// The process exited while it was being read.
  case processExited(pid: Int32)
  /// A file could not be opened or read; `errno` says why.
  case cannotRead(path: String, errno: Int32)
  /// The input is bigger than the reader accepts.
  case inputTooLarge(path: String, limit: Int)
  /// A FIFO or pipe opened by name gave no data: no process had it open for writing when
  /// it was opened, or the one that had wrote nothing.
  case emptyFIFO(path: String)
  /// The input holds no well-formed mountinfo line; the first problem says why.
  case notMountinfo(input: String, first: ParseProblem?)
  /// libmount failed on well-formed input.
  case libmount(LibmountError)
  /// The host reference's table has lines that could not be read.
  case damagedHostTable(input: String, first: ParseProblem)
  /// The mount table kept changing while it was read, on every attempt.
  case tableKeptChanging(path: String, attempts: Int)
  /// listmount(2), statmount(2) or statx(2) refused to describe a process's mounts.
  case statmountRefused(pid: Int32, call: String, errno: Int32)
  /// A file that starts like JSON is not a snapshot mountaudit can read.
  case invalidSnapshot(path: String, reason: String)
  /// A policy file (`--policy`) is not a policy mountaudit can apply.
  case invalidPolicy(PolicyError)

  /// Whether reading the same table from mountinfo may still succeed: statmount was
  /// refused, or the namespace changed during each of its listings.
  var leavesMountinfoToTry: Bool {
    switch self {
    case .statmountRefused, .tableKeptChanging: true
    default: false
    }
  }

  /// Why the audit could not run, without naming the input: `Permission denied`.
  public var reason: String {
    if case .cannotRead(_, let errno) = self { return SystemCall.describe(errno: errno) }
    return description
  }

  /// One line for stderr, without the program name.
  public var description: String {
    switch self {
    case .noSuchProcess(let pid):
      return "no such process: PID \(pid)"
    case .processExited(let pid):
      return "process exited during audit: PID \(pid)"
    case .cannotRead(let path, let errno):
      return "cannot read '\(path)': \(SystemCall.describe(errno: errno))"
    case .inputTooLarge(let path, let limit):
      return "cannot read '\(path)': larger than \(limit / (1 << 20)) MiB"
    case .notMountinfo(let input, let first?):
      return "'\(input)' is not a mountinfo table: line \(first.line): \(first.problem)"
    case .emptyFIFO(let path):
      return "'\(path)' is a FIFO or pipe that gave no data: no process wrote to it"
    case .notMountinfo(let input, nil):
      return "'\(input)' is not a mountinfo table: it is empty"
    case .libmount(let error):
      return error.description
    case .damagedHostTable(let input, let first):
      return "host table '\(input)' line \(first.line): \(first.problem); a damaged host "
        + "table would hide leaks through its mounts"
    case .tableKeptChanging(let path, let attempts):
      return "'\(path)' changed while it was read, on each of \(attempts) attempts"
    case .statmountRefused(let pid, let call, let errno):
      let hint =
        switch errno {
        case ENOSYS, EINVAL: "needs Linux 6.11 or later"
        case EPERM, EACCES, ENOENT:
          geteuid() == 0
            ? "is refused this namespace even as root (some hosts hide PID 1's); "
              + "--source mountinfo reads the table without it"
            : "needs CAP_SYS_ADMIN over its mount namespace (root)"
        default: "--source mountinfo reads the table without it"
        }
      return "cannot read the mounts of PID \(pid) with \(call): "
        + "\(SystemCall.describe(errno: errno)) (--source statmount \(hint))"
    case .invalidSnapshot(let path, let reason):
      return "'\(path)' is not a mountaudit snapshot: \(reason)"
    case .invalidPolicy(let error):
      return error.description
    }
  }
}
