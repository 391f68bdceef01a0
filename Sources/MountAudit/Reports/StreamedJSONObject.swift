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

  /// Writers of some of `streamedArrays` straight into the document: each writes the
  /// elements (each starting with `startElement()`) that its producer gives, in the same
  /// bytes, without making a `JSONValue` of them.
  var elementWriters: [String: (inout JSONOutput) -> Void] = [:]

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
      let keys = Set(members.keys).union(streamedArrays.keys).sorted(by: JSONOutput.keyPrecedes)
      output.openObject()
      for key in keys {
        output.key(named: key)
        if let write = elementWriters[key] {
          output.openArray()
          write(&output)
          output.closeArray()
        } else if let produce = streamedArrays[key] {
          output.openArray()
          produce { element in
            output.startElement()
            element.write(to: &output)
          }
          output.closeArray()
        } else {
          members[key]!.write(to: &output)
        }
      }
      output.closeObject()
      output.append(UInt8(ascii: "\n"))
      deliver(output.bytes)
    }
  }
}
