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
      output.write(field)
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
    // Words and numbers only: nothing to escape.
    output.append(UInt8(ascii: "\""))
    propagation.appendDescription(to: &output.bytes)
    output.append(UInt8(ascii: "\""))
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

extension JSONOutput {
  /// Writes an optional field as its `description`, the kernel's words and numbers straight
  /// into the buffer; a tag the kernel does not document is escaped as any string is.
  fileprivate mutating func write(_ field: OptionalField) {
    func tagged(_ tag: StaticString, _ number: UInt32) {
      append(UInt8(ascii: "\""))
      append(tag)
      bytes.appendDecimal(number)
      append(UInt8(ascii: "\""))
    }
    switch field {
    case .shared(let group): tagged("shared:", group)
    case .master(let group): tagged("master:", group)
    case .propagateFrom(let group): tagged("propagate_from:", group)
    case .unbindable, .other: write(field.description)
    }
  }
}
