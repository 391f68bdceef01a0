/// A struct's fields kept in one heap box that copies share until one of them changes a
/// field (copy on write).
///
/// A value type with many reference-counted fields (strings, arrays, byte strings) costs one
/// reference count per field each time it is copied; kept here, a copy costs one.
struct SharedFields<Fields: Hashable & Sendable>: Hashable, Sendable {
  private var box: Box

  init(_ fields: Fields) {
    box = Box(fields)
  }

  /// The fields, read in place.
  var fields: Fields {
    _read { yield box.fields }
  }

  /// Changes the fields, first copying them if another value shares them.
  mutating func update(_ change: (inout Fields) -> Void) {
    if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    change(&box.fields)
  }

  static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  func hash(into hasher: inout Hasher) {
    box.fields.hash(into: &hasher)
  }

  /// Written only through `update`, which copies a shared box first, so never while shared.
  private final class Box: @unchecked Sendable {
    var fields: Fields

    init(_ fields: Fields) {
      self.fields = fields
    }
  }
}
