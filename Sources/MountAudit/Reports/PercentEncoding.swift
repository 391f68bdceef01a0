/// Turns paths into URI references for reports that name files by URI (SARIF).
///
/// A container chooses its own mount point names and a user names the audited file, so a
/// path can hold spaces, `%`, `#`, `?`, `:`, control characters, non-ASCII text or bytes
/// that are not UTF-8. Every byte outside RFC 3986's unreserved characters and `/` is
/// written as `%XX`, byte by byte, so the result is plain ASCII, parses as a URI reference,
/// and decodes to exactly the original bytes. Foundation's `addingPercentEncoding` works on
/// text and cannot carry bytes that are not UTF-8.
public enum PercentEncoding {
  /// `bytes` with every byte but `A-Z a-z 0-9 - . _ ~ /` percent-encoded.
  public static func path(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789ABCDEF")
    var output = ""
    output.reserveCapacity(bytes.count)
    for byte in bytes {
      if isKept(byte) {
        output.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        output.append("%")
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0xf)])
      }
    }
    return output
  }

  /// The URI reference of a file path: `file:///...` for an absolute path, a relative
  /// reference otherwise (without leading `./`, so that it reads as a repository path).
  public static func fileReference(_ path: String) -> String {
    var bytes = Array(path.utf8)
    if bytes.first == UInt8(ascii: "/") { return "file://" + Self.path(bytes) }
    while bytes.starts(with: Array("./".utf8)) {
      bytes.removeFirst(2)
      while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
    }
    return Self.path(bytes)
  }

  private static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
      UInt8(ascii: "/"):
      return true
    default:
      return false
    }
  }
}
