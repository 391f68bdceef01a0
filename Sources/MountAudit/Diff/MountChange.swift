/// One mount that differs between two tables: added, removed, or changed in some fields.
public struct MountChange: Sendable {
  /// What happened to the mount.
  public enum Kind: String, Sendable {
    /// Only in the second table.
    case added
    /// Only in the first table.
    case removed
    /// In both, with some fields changed.
    case changed
  }

  /// What happened to the mount.
  public var kind: Kind
  /// The mount in the first table; `nil` when it was added.
  public var before: MountEntry?
  /// The mount in the second table; `nil` when it was removed.
  public var after: MountEntry?
  /// For a changed mount, each field that changed, in report order.
  public var fields: [FieldChange]
  /// Sentences about the mount that are not field changes, such as a peer group it shares
  /// with a mount of the other table.
  public var notes: [String]
  /// The position of the mount in the stack of mounts on its mount point.
  public var stackPosition: Int

  /// Creates a change.
  public init(
    kind: Kind, before: MountEntry?, after: MountEntry?, fields: [FieldChange] = [],
    notes: [String] = [], stackPosition: Int
  ) {
    self.kind = kind
    self.before = before
    self.after = after
    self.fields = fields
    self.notes = notes
    self.stackPosition = stackPosition
  }

  /// The mount as the report names it: the second table's, or the first's when removed.
  public var entry: MountEntry { after ?? before! }
}

/// One field of a mount that changed, with its old and new values.
public struct FieldChange: Sendable, Equatable {
  /// The field.
  public var field: DiffField
  /// The value in the first table, as the table prints it.
  public var old: ByteString
  /// The value in the second table.
  public var new: ByteString
  /// For option sets: the options only the second table has.
  public var added: [String]
  /// For option sets: the options only the first table has.
  public var removed: [String]
  /// For relations (propagation, device, parent): what changed in words, since the
  /// numbers alone do not say it.
  public var detail: String?

  /// Creates a field change.
  public init(
    field: DiffField, old: ByteString, new: ByteString, added: [String] = [],
    removed: [String] = [], detail: String? = nil
  ) {
    self.field = field
    self.old = old
    self.new = new
    self.added = added
    self.removed = removed
    self.detail = detail
  }
}
