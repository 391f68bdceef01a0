/// A JSON document whose top level is an object with arrays made while the document is
/// written, so that a report on a large table never holds every element at once.
///
/// It writes exactly the bytes of `materialized.serialized()`, the same document built
/// whole.
public struct StreamedJSONObject {
  /// Hands each element of an array to `emit`, in order.
  public typealias ElementProducer = (_ emit: (JSONValue) -> Void) -> Void

  /// The members built whole.
  public var members: [String: JSONValue]
  /// The members whose arrays are produced element by element as they are written.
  public var streamedArrays: [String: ElementProducer]

  /// Creates a document from members built whole and arrays produced while writing.
  public init(members: [String: JSONValue], streamedArrays: [String: ElementProducer]) {
    self.members = members
    self.streamedArrays = streamedArrays
  }

  /// The document built whole in memory.
  public var materialized: JSONValue {
    var all = members
    for (key, produce) in streamedArrays {
      var elements: [JSONValue] = []
      produce { elements.append($0) }
      all[key] = .array(elements)
    }
    return .object(all)
  }

  /// Writes the document, ending in a newline, handing its bytes to `deliver` in chunks.
  public func write(inChunks deliver: ([UInt8]) -> Void) {
    withoutActuallyEscaping(deliver) { deliver in
      var output = JSONOutput(deliver: deliver)
      let keys = Set(members.keys).union(streamedArrays.keys).sorted {
        $0.utf8.lexicographicallyPrecedes($1.utf8)
      }
      output.append(UInt8(ascii: "{"))
      JSONValue.writeMembers(of: keys, depth: 0, to: &output) { key, output in
        JSONValue.writeString(key, to: &output)
        output.append(contentsOf: " : ".utf8)
        if let produce = streamedArrays[key] {
          Self.writeArray(produce, depth: 1, to: &output)
        } else {
          members[key]!.write(to: &output, depth: 1)
        }
      }
      output.append(contentsOf: "}\n".utf8)
      deliver(output.bytes)
    }
  }

  /// An array at `depth` in the layout `JSONValue` writes, one element at a time.
  private static func writeArray(
    _ produce: ElementProducer, depth: Int, to output: inout JSONOutput
  ) {
    output.append(contentsOf: "[\n".utf8)
    var isFirst = true
    produce { element in
      if !isFirst { output.append(contentsOf: ",\n".utf8) }
      isFirst = false
      output.deliverIfFull()
      output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (depth + 1)))
      element.write(to: &output, depth: depth + 1)
    }
    output.append(UInt8(ascii: "\n"))
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    output.append(UInt8(ascii: "]"))
  }
}
