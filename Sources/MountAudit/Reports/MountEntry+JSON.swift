extension MountEntry {
  /// Every field of the mount as a JSON object, with the propagation parsed; the tree and
  /// diff documents share this layout.
  public var jsonFields: [String: JSONValue] {
    let propagation = propagation
    return [
      "line": .integer(line),
      "id": .integer(id),
      "parentId": .integer(parentID),
      "device": .string(device.description),
      "root": .bytes(root),
      "mountPoint": .bytes(mountPoint),
      "mountOptions": .array(mountOptions.map(JSONValue.string)),
      "optionalFields": .array(optionalFields.map { .string($0.description) }),
      "propagation": .object([
        "text": .string(propagation.description),
        "peerGroup": .integer(propagation.peerGroup),
        "master": .integer(propagation.master),
        "propagateFrom": .integer(propagation.propagateFrom),
        "unbindable": .bool(propagation.isUnbindable),
      ]),
      "fsType": .string(filesystemType),
      "source": .bytes(source),
      "superOptions": .bytes(superOptions),
    ]
  }
}

extension MountEntry {
  /// Writes the members of `jsonFields`, in their order, into the object being written,
  /// without making a `JSONValue` of them. Members that sort before `device` or after
  /// `superOptions` can be written around them.
  func writeJSONMembers(to output: inout JSONOutput) {
    output.key("device")
    output.append(UInt8(ascii: "\""))
    output.bytes.appendDecimal(device.major)
    output.append(UInt8(ascii: ":"))
    output.bytes.appendDecimal(device.minor)
    output.append(UInt8(ascii: "\""))
    output.key("fsType")
    output.write(filesystemType)
    output.key("id")
    output.write(Int(id))
    output.key("line")
    output.write(line)
    output.key("mountOptions")
    output.openArray()
    for option in mountOptions {
      output.startElement()
      output.write(option)
    }
    output.closeArray()
    output.key("mountPoint")
    output.write(mountPoint)
    output.key("optionalFields")
    output.openArray()
    for field in optionalFields {
      output.startElement()
      output.write(field.description)
    }
    output.closeArray()
    output.key("parentId")
    output.write(Int(parentID))
    let propagation = propagation
    output.key("propagation")
    output.openObject()
    output.key("master")
    output.write(propagation.master)
    output.key("peerGroup")
    output.write(propagation.peerGroup)
    output.key("propagateFrom")
    output.write(propagation.propagateFrom)
    output.key("text")
    var text: [UInt8] = []
    propagation.appendDescription(to: &text)
    text.withUnsafeBufferPointer { output.writeString(utf8: $0) }
    output.key("unbindable")
    output.write(propagation.isUnbindable)
    output.closeObject()
    output.key("root")
    output.write(root)
    output.key("source")
    output.write(source)
    output.key("superOptions")
    output.write(superOptions)
  }
}
