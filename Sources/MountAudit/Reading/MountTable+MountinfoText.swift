extension MountTable {
  /// The table printed as the kernel prints mountinfo, one line per entry in order, paths
  /// and source escaped (`\040`...), so that parsing the text gives the same entries back.
  ///
  /// A table read with statmount(2) keeps this as its text, for a snapshot.
  func mountinfoText() -> [UInt8] {
    var text: [UInt8] = []
    for entry in entries {
      var fields: [[UInt8]] = [
        Array("\(entry.id) \(entry.parentID) \(entry.device)".utf8),
        OctalEscapes.encode(entry.root.bytes), OctalEscapes.encode(entry.mountPoint.bytes),
        Array(entry.mountOptions.joined(separator: ",").utf8),
      ]
      fields += entry.optionalFields.map { Array($0.description.utf8) }
      fields += [
        Array("-".utf8), OctalEscapes.encode(Array(entry.filesystemType.utf8)),
        OctalEscapes.encode(entry.source.bytes), entry.superOptions.bytes,
      ]
      text += Array(fields.joined(separator: [UInt8(ascii: " ")]))
      text.append(UInt8(ascii: "\n"))
    }
    return text
  }
}
