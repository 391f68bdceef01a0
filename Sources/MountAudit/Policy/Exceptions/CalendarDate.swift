/// A day of the Gregorian calendar, as a policy writes it: `2026-12-31`.
///
/// Exceptions expire by date, not by instant: an exception with `expires` set to a day
/// applies through the end of that day on the auditor's clock (its local time zone) and no
/// longer from the next day on.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 to 9999.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, 1 to 31 as the month allows.
  public var day: Int

  /// Creates a date from its parts, or `nil` when no such day exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY-MM-DD` exactly (four, two and two digits), or `nil` when the text is not
  /// that or names a day that does not exist (`2026-02-30`).
  public init?(parsing text: String) {
    let bytes = Array(text.utf8)
    let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      digitPositions.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
    else { return nil }
    func number(_ range: Range<Int>) -> Int {
      bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
    self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
  }

  /// Today on the auditor's clock, in its local time zone.
  public static func today() -> CalendarDate {
    let date = SystemCall.localDate()
    // localtime_r always gives a real day in range.
    return CalendarDate(year: date.year, month: date.month, day: date.day)!
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  /// Orders dates in time.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
