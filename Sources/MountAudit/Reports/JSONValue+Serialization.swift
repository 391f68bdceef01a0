/// Writes a JSON document in exactly the bytes Foundation's `JSONEncoder` gives with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, without going through
/// `Encodable`.
///
/// The encoder boxes every value of the document and took a quarter of an audit of a
/// 100,000-mount table; this writer appends to one byte buffer. Foundation stays the
/// reference: `JSONValueSerializationTests` checks both give the same bytes for every report
/// the golden suite records and for documents built to hit every escape.
///
/// The format: two spaces per level, `"key" : value`, one element per line, an empty array
/// or object as its brackets around an empty line, keys sorted by their UTF-8 bytes, strings
/// with `"`, `\` and the C0 controls escaped (`\b \f \n \r \t`, others `\u00XX`) and
/// everything else, `/` and non-ASCII included, written as is.
extension JSONValue {
  /// Writes the document, ending in a newline, handing its bytes to `deliver` in chunks of
  /// about 64 KiB, so that a large report's text is never held whole.
  public func write(inChunks deliver: ([UInt8]) -> Void) {
    withoutActuallyEscaping(deliver) { deliver in
      var output = JSONOutput(deliver: deliver)
      write(to: &output)
      output.bytes.append(UInt8(ascii: "\n"))
      deliver(output.bytes)
    }
  }

  /// Appends the document at nesting `depth` to `output`, without a trailing newline.
  func write(to output: inout JSONOutput, depth: Int = 0) {
    switch self {
    case .null:
      output.append(contentsOf: "null".utf8)
    case .bool(let value):
      output.append(contentsOf: (value ? "true" : "false").utf8)
    case .integer(let value):
      output.append(contentsOf: String(value).utf8)
    case .string(let value):
      Self.writeString(value, to: &output)
    case .array(let values):
      output.append(UInt8(ascii: "["))
      Self.writeMembers(of: values, depth: depth, to: &output) { value, output in
        value.write(to: &output, depth: depth + 1)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      output.append(UInt8(ascii: "{"))
      Self.writeMembers(of: keys, depth: depth, to: &output) { key, output in
        Self.writeString(key, to: &output)
        output.append(contentsOf: " : ".utf8)
        members[key]!.write(to: &output, depth: depth + 1)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// The inside of an array or object: each member on its own line, one level deeper,
  /// separated by commas, then the closing bracket's indentation.
  static func writeMembers<Member>(
    of members: [Member], depth: Int, to output: inout JSONOutput,
    _ writeMember: (Member, inout JSONOutput) -> Void
  ) {
    output.append(UInt8(ascii: "\n"))
    for (index, member) in members.enumerated() {
      if index > 0 { output.append(contentsOf: ",\n".utf8) }
      output.deliverIfFull()
      indent(depth + 1, to: &output)
      writeMember(member, &output)
    }
    output.append(UInt8(ascii: "\n"))
    indent(depth, to: &output)
  }

  private static func indent(_ depth: Int, to output: inout JSONOutput) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  static func writeString(_ value: String, to output: inout JSONOutput) {
    output.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
      case 0x08: output.append(contentsOf: #"\b"#.utf8)
      case 0x0C: output.append(contentsOf: #"\f"#.utf8)
      case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
      case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
      case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
      case 0..<0x20:
        output.append(contentsOf: #"\u00"#.utf8)
        output.append(hexDigits[Int(byte >> 4)])
        output.append(hexDigits[Int(byte & 0xF)])
      default:
        output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The bytes of a JSON document being written, handed on in chunks when a receiver is set.
struct JSONOutput {
  /// The bytes not yet handed on.
  var bytes: [UInt8] = []
  /// Receives the bytes in chunks; `nil` keeps the whole document in `bytes`.
  let deliver: (([UInt8]) -> Void)?

  /// The size from which the bytes written so far are handed on.
  static let chunkSize = 1 << 16

  init(deliver: (([UInt8]) -> Void)? = nil) {
    self.deliver = deliver
    if deliver != nil { bytes.reserveCapacity(Self.chunkSize + 4096) }
  }

  mutating func append(_ byte: UInt8) {
    bytes.append(byte)
  }

  mutating func append(contentsOf newBytes: some Sequence<UInt8>) {
    bytes.append(contentsOf: newBytes)
  }

  /// Hands the bytes on if a receiver is set and a chunk's worth has been written.
  mutating func deliverIfFull() {
    guard let deliver, bytes.count >= Self.chunkSize else { return }
    deliver(bytes)
    bytes.removeAll(keepingCapacity: true)
  }
}
