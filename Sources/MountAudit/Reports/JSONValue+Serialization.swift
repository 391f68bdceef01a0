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

  /// Appends the document to `output`, at the nesting of the container being written,
  /// without a trailing newline.
  func write(to output: inout JSONOutput) {
    switch self {
    case .null:
      output.writeNull()
    case .bool(let value):
      output.write(value)
    case .integer(let value):
      output.write(value)
    case .string(let value):
      output.write(value)
    case .array(let values):
      output.openArray()
      for value in values {
        output.startElement()
        value.write(to: &output)
      }
      output.closeArray()
    case .object(let members):
      output.openObject()
      // Sorting the members rather than the keys spares a lookup per key.
      for (key, value) in members.sorted(by: { JSONOutput.keyPrecedes($0.key, $1.key) }) {
        output.key(named: key)
        value.write(to: &output)
      }
      output.closeObject()
    }
  }
}

/// The bytes of a JSON document being written, handed on in chunks when a receiver is set.
///
/// Values are written in order: a container is opened, each member starts with `key(_:)`
/// (in an object, in sorted order) or `startElement()` (in an array) followed by its value,
/// and the container is closed. The layout is the one described on `JSONValue`'s
/// serialization above.
struct JSONOutput {
  /// The bytes not yet handed on.
  var bytes: [UInt8] = []
  /// Receives the bytes in chunks; `nil` keeps the whole document in `bytes`.
  let deliver: (([UInt8]) -> Void)?
  /// How many containers are open.
  private(set) var depth = 0
  /// Whether the innermost open container has no member yet.
  private var isEmptyContainer = false

  init(deliver: (([UInt8]) -> Void)? = nil) {
    self.deliver = deliver
    if deliver != nil { bytes.reserveCapacity(reportChunkSize + 4096) }
  }

  mutating func append(_ byte: UInt8) {
    bytes.append(byte)
  }

  mutating func append(contentsOf newBytes: some Sequence<UInt8>) {
    bytes.append(contentsOf: newBytes)
  }

  /// Appends text known to need no escaping, such as punctuation or a keyword.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Hands the bytes on if a receiver is set and a chunk's worth has been written.
  mutating func deliverIfFull() {
    guard let deliver, bytes.count >= reportChunkSize else { return }
    deliver(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Whether `key` comes before `other` in a written object: by their UTF-8 bytes.
  static func keyPrecedes(_ key: String, _ other: String) -> Bool {
    // Compared as buffers of bytes: comparing the strings' UTF-8 views goes a byte at a time.
    var key = key
    var other = other
    return key.withUTF8 { key in other.withUTF8 { key.lexicographicallyPrecedes($0) } }
  }

  // MARK: Containers

  /// Opens an object; its members follow, each starting with `key(_:)`.
  mutating func openObject() { open(UInt8(ascii: "{")) }

  /// Closes the innermost open object.
  mutating func closeObject() { close(UInt8(ascii: "}")) }

  /// Opens an array; its elements follow, each starting with `startElement()`.
  mutating func openArray() { open(UInt8(ascii: "[")) }

  /// Closes the innermost open array.
  mutating func closeArray() { close(UInt8(ascii: "]")) }

  /// Starts the next element of the innermost open array: its separator and indentation.
  mutating func startElement() {
    deliverIfFull()
    newLine(afterComma: !isEmptyContainer)
    isEmptyContainer = false
  }

  /// Starts the next member of the innermost open object, called `key`, which is escaped
  /// as any string is. (Keys written as literals take `key(_:)`, which copies them as they
  /// are.)
  mutating func key(named key: String) {
    startElement()
    write(key)
    append(" : ")
  }

  /// Starts the next member of the innermost open object, called `key`, which has nothing
  /// to escape.
  mutating func key(_ key: StaticString) {
    startElement()
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    append("\" : ")
  }

  /// The line break after an opening bracket is written with the first member.
  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    isEmptyContainer = true
  }

  /// An empty container is its brackets around an empty line.
  private mutating func close(_ bracket: UInt8) {
    if isEmptyContainer { bytes.append(UInt8(ascii: "\n")) }
    depth -= 1
    newLine(afterComma: false)
    bytes.append(bracket)
    isEmptyContainer = false
  }

  /// Appends a comma when asked, a line break and the indentation of the current depth, in
  /// one copy from `lineStarts` at the depths real documents have.
  private mutating func newLine(afterComma comma: Bool) {
    let width = 2 * depth
    let start = comma ? 0 : 1
    if width <= Self.lineStarts.count - 2 {
      bytes.append(contentsOf: Self.lineStarts[start..<2 + width])
    } else {
      bytes.append(contentsOf: Self.lineStarts[start..<2])
      bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
    }
  }

  /// A comma, a line break and the deepest indentation written in one copy.
  private static let lineStarts: [UInt8] =
    [UInt8(ascii: ","), UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 64)

  // MARK: Values

  /// Writes `null`.
  mutating func writeNull() {
    append("null")
  }

  /// Writes `true` or `false`.
  mutating func write(_ value: Bool) {
    append(value ? "true" : "false")
  }

  /// Writes an integer.
  mutating func write(_ value: Int) {
    bytes.appendDecimal(value)
  }

  /// Writes an integer, or `null` for `nil`.
  mutating func write(_ value: Int?) {
    guard let value else { return writeNull() }
    bytes.appendDecimal(value)
  }

  /// Writes an integer, or `null` for `nil`.
  mutating func write(_ value: UInt32?) {
    guard let value else { return writeNull() }
    bytes.appendDecimal(value)
  }

  /// Writes a string.
  mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { writeString(utf8: $0) }
  }

  /// Writes a string, or `null` for `nil`.
  mutating func write(_ value: String?) {
    guard let value else { return writeNull() }
    write(value)
  }

  /// Writes a byte string as `JSONValue.bytes` does: a string when it is valid UTF-8,
  /// otherwise `{"hex": "..."}`.
  mutating func write(_ value: ByteString) {
    // ASCII, nearly always, is valid UTF-8 without decoding it.
    guard [UInt8].isASCII(value.bytes[...]) else { return JSONValue.bytes(value).write(to: &self) }
    value.bytes.withUnsafeBufferPointer { writeString(utf8: $0) }
  }

  /// Writes a byte string as `JSONValue.bytes` does, or `null` for `nil`.
  mutating func write(_ value: ByteString?) {
    guard let value else { return writeNull() }
    write(value)
  }

  /// Writes UTF-8 text as a string, with `"`, `\\` and the C0 controls escaped; runs of
  /// other bytes, nearly all of them, are copied whole.
  mutating func writeString(utf8 text: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var start = 0
    while start < text.count {
      let end = text.endOfRun(
        from: start, word: Self.needsNoEscape(word:), byte: Self.needsNoEscape(_:))
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
      guard end < text.count else { break }
      appendEscape(text[end])
      start = end + 1
    }
    bytes.append(UInt8(ascii: "\""))
  }

  @inline(__always)
  private static func needsNoEscape(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
  }

  /// Whether none of the eight bytes of `word` needs an escape.
  @inline(__always)
  private static func needsNoEscape(word: UInt64) -> Bool {
    !ByteWord.hasByte(below: 0x20, in: word) && !ByteWord.hasByte(UInt8(ascii: "\""), in: word)
      && !ByteWord.hasByte(UInt8(ascii: "\\"), in: word)
  }

  private mutating func appendEscape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
    case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
    case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
    case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
    case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
    case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
    case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
    default:
      bytes.append(contentsOf: #"\u00"#.utf8)
      bytes.append(Self.hexDigits[Int(byte >> 4)])
      bytes.append(Self.hexDigits[Int(byte & 0xF)])
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
