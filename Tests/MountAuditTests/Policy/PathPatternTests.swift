import Testing

@testable import MountAudit

@Suite("PathPattern")
struct PathPatternTests {
  @Test func anExactPathMatchesItselfOnly() {
    let pattern = PathPattern.exact("/data")
    #expect(pattern.matches("/data"))
    #expect(!pattern.matches("/data/x"))
    #expect(!pattern.matches("/database"))
    #expect(!pattern.matches("/"))
  }

  @Test func aStarStaysWithinOneComponent() {
    let pattern = PathPattern.glob("/var/lib/kubelet/pods/*/volumes")
    #expect(pattern.matches("/var/lib/kubelet/pods/1234/volumes"))
    #expect(!pattern.matches("/var/lib/kubelet/pods/1234/x/volumes"))
    #expect(!pattern.matches("/var/lib/kubelet/pods/1234/volumes/a"))
    #expect(PathPattern.glob("/data*").matches("/database"))
    #expect(!PathPattern.glob("/data*").matches("/data/x"))
  }

  @Test func questionMarksAndBracketsNeverMatchASlash() {
    #expect(PathPattern.glob("/srv/ca?he").matches("/srv/cache"))
    #expect(!PathPattern.glob("/srv?cache").matches("/srv/cache"))
    #expect(PathPattern.glob("/run/user/[0-9]*").matches("/run/user/1000"))
    #expect(!PathPattern.glob("/a[/]b").matches("/a/b"))
  }

  @Test func noWildcardMatchesTheRootItself() {
    #expect(!PathPattern.glob("/*").matches("/"))
    #expect(PathPattern.glob("/*").matches("/host"))
    #expect(!PathPattern.glob("/?*").matches("/"))
    #expect(!PathPattern.glob("/[!a]*").matches("/"))
    #expect(PathPattern.glob("/").matches("/"))
    #expect(!PathPattern.glob("/*/**").matches("/host"))
    #expect(PathPattern.glob("/*/**").matches("/host/etc"))
  }

  @Test func aLeadingDotIsNotSpecial() {
    #expect(PathPattern.glob("/run/*").matches("/run/.containerenv"))
  }

  @Test func aTrailingDoubleStarMatchesEverythingStrictlyBelow() {
    let pattern = PathPattern.glob("/srv/data/**")
    #expect(pattern.matches("/srv/data/a"))
    #expect(pattern.matches("/srv/data/a/b/c"))
    #expect(!pattern.matches("/srv/data"))
    #expect(!pattern.matches("/srv/database/a"))

    let pods = PathPattern.glob("/var/lib/kubelet/pods/*/volumes/**")
    #expect(pods.matches("/var/lib/kubelet/pods/u1/volumes/kubernetes.io~secret/token"))
    #expect(!pods.matches("/var/lib/kubelet/pods/u1/volumes"))
    #expect(!pods.matches("/var/lib/kubelet/pods/u1/etc-hosts"))

    #expect(PathPattern.glob("/**").matches("/a/b"))
    #expect(!PathPattern.glob("/**").matches("/"))
  }

  @Test func pathsMustBeAbsoluteAndInTheirTableForm() {
    for good in ["/", "/a", "/a/b.c", "/a/..b", "/a/.x"] {
      #expect(PathPattern.problem(inPath: good) == nil, "\(good)")
    }
    for bad in ["", "a", "/a/", "//a", "/a//b", "/a/./b", "/a/..", "/.", "/a\u{0}b"] {
      #expect(PathPattern.problem(inPath: bad) != nil, "\(bad)")
    }
  }

  @Test func doubleStarIsAllowedOnlyAsTheWholeLastComponent() {
    for good in ["/srv/**", "/**", "/a/*/b/**", "/a/*"] {
      #expect(PathPattern.problem(inGlob: good) == nil, "\(good)")
    }
    for bad in ["/a/**/b", "/a**", "/a/**x", "/**/a", "/a/**/", "a/**"] {
      #expect(PathPattern.problem(inGlob: bad) != nil, "\(bad)")
    }
  }
}
