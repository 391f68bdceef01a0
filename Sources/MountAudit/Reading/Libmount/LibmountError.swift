import Glibc

/// A libmount call that failed, with the function's name and the errno it returned.
public struct LibmountError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The libmount (or libc) function that failed.
  public var function: String
  /// The positive errno value the call reported.
  public var errno: Int32
  /// The input being parsed when the call failed.
  public var input: String

  /// A phrase naming the call, the input and the system's description of the error.
  public var description: String {
    "\(function) failed on \(input): \(String(cString: strerror(errno)))"
  }

  /// Turns libmount's convention (0 success, negative errno failure) into a throw.
  static func check(_ result: Int32, _ function: String, input: String) throws(LibmountError) {
    if result < 0 {
      throw LibmountError(function: function, errno: -result, input: input)
    }
  }
}
