import Foundation
import Testing

@testable import MountAudit

@Suite("PercentEncoding")
struct PercentEncodingTests {
  @Test("plain paths stay readable")
  func plainPaths() {
    #expect(PercentEncoding.path(Array("/var/run/docker.sock".utf8)) == "/var/run/docker.sock")
    #expect(PercentEncoding.path(Array("/a-b_c.d~e".utf8)) == "/a-b_c.d~e")
  }

  @Test("spaces, URI delimiters, controls, non-ASCII and invalid UTF-8 are encoded per byte")
  func hostileBytes() {
    #expect(PercentEncoding.path(Array("/x y".utf8)) == "/x%20y")
    #expect(PercentEncoding.path(Array("/%41#f?q=1:&".utf8)) == "/%2541%23f%3Fq%3D1%3A%26")
    #expect(PercentEncoding.path(Array("/a\n\u{1b}".utf8)) == "/a%0A%1B")
    #expect(PercentEncoding.path(Array("/é\u{202E}".utf8)) == "/%C3%A9%E2%80%AE")
    #expect(PercentEncoding.path([0x2f, 0xff, 0xfe]) == "/%FF%FE")
  }

  @Test("encoding then decoding gives back every byte", arguments: 0..<8)
  func roundTrip(seed: Int) throws {
    var generator = SeededBytes(seed: UInt64(seed))
    let bytes = (0..<64).map { _ in generator.next() }
    let encoded = PercentEncoding.path(bytes)
    #expect(encoded.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
    let decoded = try #require(Self.decode(encoded))
    #expect(decoded == bytes)
  }

  @Test("a file path becomes a relative reference or a file URI")
  func fileReference() {
    #expect(PercentEncoding.fileReference("fixtures/a b/t") == "fixtures/a%20b/t")
    #expect(PercentEncoding.fileReference("./x/t") == "x/t")
    #expect(PercentEncoding.fileReference(".//./x") == "x")
    #expect(PercentEncoding.fileReference("/proc/42/mountinfo") == "file:///proc/42/mountinfo")
    // A first segment with a colon would read as a URI scheme: it is encoded.
    #expect(PercentEncoding.fileReference("c:t") == "c%3At")
  }

  /// Percent-decoding, written here so the test does not trust the code it checks.
  static func decode(_ text: String) -> [UInt8]? {
    var bytes: [UInt8] = []
    var scalars = Array(text.unicodeScalars)[...]
    while let first = scalars.first {
      scalars = scalars.dropFirst()
      guard first == "%" else {
        bytes.append(UInt8(first.value))
        continue
      }
      guard scalars.count >= 2,
        let byte = UInt8(String(String.UnicodeScalarView(scalars.prefix(2))), radix: 16)
      else { return nil }
      bytes.append(byte)
      scalars = scalars.dropFirst(2)
    }
    return bytes
  }
}

/// A small deterministic byte generator (SplitMix64), so that the round trip sees every
/// kind of byte without a random test.
struct SeededBytes {
  var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt8 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return UInt8(truncatingIfNeeded: value ^ (value >> 31))
  }
}
