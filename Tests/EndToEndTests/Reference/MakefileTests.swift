import Testing

/// The root `Makefile`, dry-run with `make -n`: no release build in the test suite.
@Suite("Makefile")
struct MakefileTests {
  @Test("install builds a static release binary and installs it, the page and the completion")
  func install() throws {
    let run = try Tool.run("make", ["-n", "install", "PREFIX=/opt/ma", "DESTDIR=/stage"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("swift build -c release --static-swift-stdlib --product mountaudit"))
    for (source, destination) in [
      ("755 .build/release/mountaudit", "/stage/opt/ma/bin/mountaudit"),
      ("644 docs/mountaudit.1", "/stage/opt/ma/share/man/man1/mountaudit.1"),
      (
        "644 completions/mountaudit.bash",
        "/stage/opt/ma/share/bash-completion/completions/mountaudit"
      ),
    ] {
      #expect(lines.contains("install -m \(source) \(destination)"), "\(destination)")
    }
  }

  @Test("uninstall removes exactly what install installed")
  func uninstall() throws {
    let run = try Tool.run("make", ["-n", "uninstall", "PREFIX=/opt/ma"])
    #expect(run.status == 0)
    let removed = run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" })
    #expect(
      Set(removed.filter { $0.hasPrefix("/") }.map(String.init)) == [
        "/opt/ma/bin/mountaudit", "/opt/ma/share/man/man1/mountaudit.1",
        "/opt/ma/share/bash-completion/completions/mountaudit",
      ])
  }

  @Test("the default PREFIX is /usr/local, and make test runs scripts/test.sh")
  func defaults() throws {
    let install = try Tool.run("make", ["-n", "install"])
    #expect(install.stdout.contains(" /usr/local/bin/mountaudit\n"))
    let test = try Tool.run("make", ["-n", "test"])
    #expect(test.stdout == "scripts/test.sh\n")
  }
}
