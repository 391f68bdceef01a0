/// The `major:minor` pair of a mounted filesystem's superblock (field 3 of mountinfo).
///
/// Two mounts with the same device number show the same filesystem instance, which is how
/// the auditor recognises a host filesystem bound into a container.
public struct DeviceNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The major number.
  public var major: UInt32
  /// The minor number.
  public var minor: UInt32

  /// Creates a device number from its parts.
  public init(major: UInt32, minor: UInt32) {
    self.major = major
    self.minor = minor
  }

  /// The device number as mountinfo prints it: `major:minor`.
  public var description: String { "\(major):\(minor)" }

  /// Orders by major, then minor.
  public static func < (lhs: DeviceNumber, rhs: DeviceNumber) -> Bool {
    (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
  }
}
