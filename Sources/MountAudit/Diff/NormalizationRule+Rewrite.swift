/// A normalization rule ready to rewrite byte strings (a substitution's regular expression
/// compiled once per table).
struct CompiledRule {
  private let rule: NormalizationRule
  private let regex: Regex<AnyRegexOutput>?

  init(_ rule: NormalizationRule) {
    self.rule = rule
    if case .substitution(let pattern, _) = rule {
      regex = try? Regex(pattern)
    } else {
      regex = nil
    }
  }

  func rewrite(_ text: ByteString) -> ByteString {
    switch rule {
    case .containerIDs: return ByteString(Self.replacingIDs(text.bytes))
    case .runtimeState: return ByteString(Self.replacingStateDirectories(text.bytes))
    case .overlayLayers: return ByteString(Self.replacingLayers(text.bytes))
    case .tmpfsSizes: return ByteString(Self.replacingSizes(text.bytes))
    case .substitution(_, let replacement):
      guard let regex, let string = text.validUTF8 else { return text }
      return ByteString(Self.substitute(string, regex, replacement))
    }
  }

  // MARK: Container IDs

  private static func replacingIDs(_ bytes: [UInt8]) -> [UInt8] {
    rewritingWords(bytes, isWordByte: { isHex($0) || $0 == UInt8(ascii: "-") }) { word in
      if word.count == 64, word.allSatisfy(isHex) { return Array("<id>".utf8) }
      if isUUID(word) { return Array("<uid>".utf8) }
      return nil
    }
  }

  private static func isUUID(_ word: ArraySlice<UInt8>) -> Bool {
    let groups = word.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(isHex) }
  }

  // MARK: Runtime state directories

  /// Directories whose entries are named per container, and how many components to keep
  /// after the directory before the name (containerd puts a namespace first).
  private static let stateDirectories: [(prefix: [UInt8], kept: Int)] = [
    ("/io.containerd.runtime.v2.task/", 1), ("/io.containerd.runtime.v1.linux/", 1),
    ("/io.containerd.grpc.v1.cri/sandboxes/", 0), ("/io.containerd.grpc.v1.cri/containers/", 0),
    ("/docker/containers/", 0), ("-containers/", 0), ("/kubelet/pods/", 0), ("/run/netns/", 0),
    ("/docker/netns/", 0), ("/run/runc/", 0), ("/run/crun/", 0), ("/libpod/tmp/persist/", 0),
  ].map { (Array($0.0.utf8), $0.1) }

  private static func replacingStateDirectories(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    outer: while index < bytes.count {
      for (prefix, kept) in stateDirectories where bytes[index...].starts(with: prefix) {
        output += prefix
        index += prefix.count
        for _ in 0..<kept {
          let end = componentEnd(bytes, from: index)
          output += bytes[index..<end]
          index = end
          guard index < bytes.count, bytes[index] == UInt8(ascii: "/") else { continue outer }
          output.append(bytes[index])
          index += 1
        }
        let end = componentEnd(bytes, from: index)
        if end > index { output += Array("<id>".utf8) }
        index = end
        continue outer
      }
      output.append(bytes[index])
      index += 1
    }
    return output
  }

  private static func componentEnd(_ bytes: [UInt8], from start: Int) -> Int {
    var end = start
    while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
    return end
  }

  // MARK: Overlay layers

  /// Directories whose entries are layer IDs: overlay2's (`overlay2/<id>`, its short links
  /// `l/<id>`), containers/storage's (`overlay/<id>`), containerd's snapshots (numbered).
  private static let layerParents: Set<[UInt8]> = Set(
    ["overlay2", "overlay", "l", "overlayfs"].map { Array($0.utf8) })

  private static func replacingLayers(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "/")) else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var previous: ArraySlice<UInt8> = []
    var index = 0
    while index < bytes.count {
      if isSeparator(bytes[index]) {
        output.append(bytes[index])
        index += 1
        continue
      }
      let end = componentEnd(bytes, from: index)
      let component = bytes[index..<end]
      let isLayerID =
        layerParents.contains(Array(previous)) && component.count >= 20
        && component.allSatisfy(isAlphanumeric)
      let isSnapshot =
        previous.elementsEqual("snapshots".utf8) && component.allSatisfy { (48...57).contains($0) }
      output += isLayerID || isSnapshot ? Array("<layer>".utf8) : Array(component)
      previous = component
      index = end
    }
    return output
  }

  // MARK: Sizes

  private static func replacingSizes(_ bytes: [UInt8]) -> [UInt8] {
    let options = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    let rewritten = options.map { option -> [UInt8] in
      if option.starts(with: Array("size=".utf8)) { return Array("size=<size>".utf8) }
      if option.starts(with: Array("nr_inodes=".utf8)) { return Array("nr_inodes=<n>".utf8) }
      return Array(option)
    }
    return Array(rewritten.joined(separator: [UInt8(ascii: ",")]))
  }

  // MARK: Substitutions

  /// Replaces every match of `regex`, expanding `$0`-`$9` to the match's groups.
  private static func substitute(
    _ text: String, _ regex: Regex<AnyRegexOutput>, _ replacement: String
  ) -> String {
    text.replacing(regex) { match in
      var output = ""
      var characters = replacement.makeIterator()
      while let character = characters.next() {
        guard character == "$" else {
          output.append(character)
          continue
        }
        guard let next = characters.next() else {
          output.append("$")
          break
        }
        if let group = next.wholeNumberValue, group < match.output.count {
          output += match.output[group].substring.map(String.init) ?? ""
        } else {
          output.append("$")
          output.append(next)
        }
      }
      return output
    }
  }

  // MARK: Words

  /// Calls `replace` on each maximal run of word bytes that stands between separators, and
  /// puts what it returns in the run's place (the run itself for `nil`).
  private static func rewritingWords(
    _ bytes: [UInt8], isWordByte: (UInt8) -> Bool,
    replace: (ArraySlice<UInt8>) -> [UInt8]?
  ) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard isWordByte(bytes[index]), index == 0 || !isAlphanumeric(bytes[index - 1]) else {
        output.append(bytes[index])
        index += 1
        continue
      }
      var end = index
      while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
      if end < bytes.count, isAlphanumeric(bytes[end]) {
        output += bytes[index..<end]
      } else if let replacement = replace(bytes[index..<end]) {
        output += replacement
      } else {
        output += bytes[index..<end]
      }
      index = end
    }
    return output
  }

  private static func isHex(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (97...102).contains(byte)
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
  }

  private static func isSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "/") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":")
      || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "=")
  }
}
