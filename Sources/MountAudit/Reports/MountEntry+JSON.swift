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
