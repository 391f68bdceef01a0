/// The host reference an audit actually used, and any fallback taken to get it.
public struct HostReference: Sendable {
  /// Where the host's table came from, or `nil` when the audit had none.
  public var origin: TableOrigin?
  /// The host reference's mount namespace, when known.
  public var namespace: NamespaceIdentity?
  /// Where the namespace identity was read (`/proc/1/ns/mnt`, `/proc/self/ns/mnt`).
  public var namespacePath: String?
  /// The host reference's network namespace, when known.
  public var networkNamespace: NamespaceIdentity?
  /// Where the network namespace identity was read (`/proc/1/ns/net`, `/proc/self/ns/net`).
  public var networkNamespacePath: String?
  /// Sentences saying which fallbacks were taken and why, for the report.
  public var notes: [String]

  /// Creates a host reference description.
  public init(
    origin: TableOrigin?, namespace: NamespaceIdentity? = nil, namespacePath: String? = nil,
    networkNamespace: NamespaceIdentity? = nil, networkNamespacePath: String? = nil,
    notes: [String] = []
  ) {
    self.origin = origin
    self.namespace = namespace
    self.namespacePath = namespacePath
    self.networkNamespace = networkNamespace
    self.networkNamespacePath = networkNamespacePath
    self.notes = notes
  }
}
