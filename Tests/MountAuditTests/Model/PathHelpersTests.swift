import Testing

@testable import MountAudit

/// The path helpers that walk and split paths without copying them.
@Suite("Path helpers")
struct PathHelpersTests {
  @Test(
    "components split as ByteString.components does",
    arguments: ["/", "", "/a", "/a/b/", "//var//lib/kubelet", "relative/x", "/a b/\u{1}/c"])
  func components(path: String) {
    let split = PathComponents(ByteString(path))
    let expected = ByteString(path).components
    #expect(split.count == expected.count)
    for index in 0..<split.count {
      #expect(split[index].isNamed(expected[index]))
      #expect(split[index].byteString == expected[index])
    }
    #expect(split.last?.byteString == expected.last)
  }

  @Test("a byte string compares with a literal byte for byte, one-character literals too")
  func literalComparison() {
    let root: ByteString = "/"
    #expect(root == ("/" as StaticString))
    #expect(root != ("" as StaticString))
    #expect(root != ("//" as StaticString))
    #expect(ByteString([]) == ("" as StaticString))
    let null: ByteString = "/null"
    #expect(null == ("/null" as StaticString))
    #expect(null != ("/nul" as StaticString))
    #expect(null != ("/null/" as StaticString))
    #expect(null != ("/NULL" as StaticString))
    #expect(ByteString("/é") == ("/é" as StaticString))
    #expect(ByteString([0x2F, 0xC3]) != ("/é" as StaticString))
    // What a comparison with a bare literal resolves to agrees with comparing byte strings.
    #expect((null == "/null") == (null == ByteString("/null")))
    #expect((root == "/") && !(root == "/a"))
  }

  @Test("components compare with names and prefixes")
  func names() {
    let split = PathComponents("/var/lib/kubelet/pods/uid/volumes")
    #expect(split[2] == "kubelet")
    #expect(!(split[2] == "kubelets"))
    #expect(!(split[2] == "kube"))
    #expect(split.starts(with: ["var", "lib", "kubelet"]))
    #expect(!split.starts(with: ["var", "lib", "docker"]))
    #expect(!PathComponents("/var").starts(with: ["var", "lib"]))
    switch split[5] {
    case "volumes": break
    default: Issue.record("a switch matches the component by name")
    }
  }

  @Test(
    "ancestor lengths are the prefixes parentPath gives, nearest first",
    arguments: ["/", "/a", "/a/b/c", "/a/b/", "relative", "/var/lib/kubelet"])
  func ancestors(path: String) {
    let bytes = ByteString(path)
    var expected: [ByteString] = []
    var current = bytes
    while let parent = current.parentPath {
      expected.append(parent)
      current = parent
    }
    #expect(bytes.ancestorLengths.map { bytes.prefix(length: $0) } == expected)
  }

  @Test("path lengths answer for the lengths inserted only")
  func lengths() {
    let lengths = PathLengths(["/a", "/abc/de"] as [ByteString])
    #expect(lengths.contains(2))
    #expect(lengths.contains(7))
    #expect(!lengths.contains(3))
    #expect(!lengths.contains(0))
    #expect(!lengths.contains(1000))
  }

  @Test("byte strings order bytewise, as strcmp does")
  func ordering() {
    let ordered: [ByteString] = [
      "", "/", "/a", "/a/b", "/a\u{7f}", "/b", ByteString([0x2f, 0xff]),
    ]
    for (left, right) in zip(ordered, ordered.dropFirst()) {
      #expect(left < right)
      #expect(!(right < left))
    }
    #expect(!(ByteString("/a") < ByteString("/a")))
  }
}
