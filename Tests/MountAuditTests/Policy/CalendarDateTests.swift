import Testing

@testable import MountAudit

@Suite("CalendarDate")
struct CalendarDateTests {
  @Test func readsRealDaysOnly() {
    #expect(CalendarDate(parsing: "2026-12-31") == CalendarDate(year: 2026, month: 12, day: 31))
    #expect(CalendarDate(parsing: "2028-02-29") != nil)
    #expect(CalendarDate(parsing: "2000-02-29") != nil)
    for bad in [
      "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "0000-01-01",
      "2026-1-01", "2026/01/01", "2026-01-01T00:00", " 2026-01-01", "２０２６-01-01",
    ] {
      #expect(CalendarDate(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func ordersByDayAndPrintsPadded() throws {
    let early = try #require(CalendarDate(parsing: "0999-01-09"))
    let late = try #require(CalendarDate(parsing: "2026-01-10"))
    #expect(early < late)
    #expect(early.description == "0999-01-09")
  }

  @Test func todayIsARealDay() {
    let today = CalendarDate.today()
    #expect(CalendarDate(parsing: today.description) == today)
    #expect(today.year >= 2024)
  }
}
