import Foundation
import OneWindowTestSupport
import Testing

#if canImport(Glibc)
  import Glibc  // kill(2)
#endif

/// The pages in a real browser: `onewindow serve` on a free port over a fresh registry, driven by
/// `scripts/web-pages-story.py` (selenium, Debian's chromium and chromedriver, headless) through
/// the issue's story. Screenshots go to `.build/web-screenshots/`. Chromium missing is a failure
/// naming the fix (`scripts/test.sh` installs it), never a skip.
struct WebPagesBrowserTests {
  static let password = "correct horse battery staple"

  /// Username, kind, identity, roles, service centre.
  static let accounts: [(String, String, String, String, String?)] = [
    ("owner-taixingli", "OWNER", "91370202MA3C5Y7R9D", "", nil),
    ("owner-sanjiangli", "OWNER", "91370202MA3D8K2Q87", "", nil),
    ("applicant", "APPLICANT", "370202197805122312", "", nil),
    // A clerk at a street centre with no role beyond entering packets (帮办代办).
    ("window-clerk", "CLERK", "0232", "", "370202001"),
    ("reviewer-a", "CLERK", "0231", "REVIEWER", "370202"),
    ("reviewer-b", "CLERK", "0233", "REVIEWER", "370202001"),
    ("issuer", "CLERK", "0250", "ISSUER", "370202"),
  ]

  @Test(.timeLimit(.minutes(5))) func theStoryInChromium() throws {
    for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
      try #require(
        FileManager.default.isExecutableFile(atPath: tool),
        "\(tool) is missing: run scripts/test.sh, which installs chromium, chromium-driver and fonts-noto-cjk")
    }
    let db = try CommandRunner.newRegistry()
    for (username, kind, identity, roles, centre) in Self.accounts {
      var arguments = ["accounts", "add", username, "--db", db, "--kind", kind, "--identity", identity, "--name", username]
      arguments += ["--password-stdin", "--bcrypt-cost", "4"]
      if !roles.isEmpty { arguments += ["--roles", roles] }
      if let centre { arguments += ["--service-centre", centre] }
      let added = try CommandRunner.run(arguments, stdin: Array((Self.password + "\n").utf8))
      try #require(added.status == 0, "accounts add \(username): \(added.stderr)")
    }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = ["serve", "--db", db, "--port", "0", "--log-level", "error", "--bcrypt-cost", "4"]
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
      }
    }
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while !text.contains("正在监听 http://"), Date() < deadline {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    let address = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("onewindow: serve：正在监听 http://") }
        .map { String($0.split(separator: " ").last ?? "") }, "serve did not start: \(text)")

    let out = Repository.path(".build/web-screenshots")
    try? FileManager.default.removeItem(atPath: out)
    let output: String
    do {
      output = try Python.run(
        script: "scripts/web-pages-story.py", arguments: ["--url", address, "--out", out, "--password", Self.password])
    } catch let failure as Python.Failure {
      Issue.record("the browser story failed: \(failure.output ?? "")\n\(failure.description)")
      return
    }
    let lines = output.split(separator: "\n").map(String.init)
    // The story ran to its end, every check passing.
    #expect(lines.last?.hasPrefix("PASSED ") == true, "\(output)")
    #expect(lines.contains("ok the printed 回执's A4 pages = 1"))
    #expect(lines.contains("ok the entering clerk's approval is refused = '退回（不予办理）'"))
    #expect(lines.contains("ok another owner's pre-filing = 404"))
    #expect(lines.contains("ok a POST without the form's CSRF token = 403"))
    #expect(lines.contains("ok the hostile packet's page: script elements = 0"))
    // The first pre-filing and the first bundle of the year; the USCC of an individual business in Shinan.
    let numbers = try #require(lines.first { $0.hasPrefix("numbers: ") })
    let year = String(numbers.dropFirst("numbers: taixingli=YBA-370202-".count).prefix(4))
    #expect(numbers.hasPrefix("numbers: taixingli=YBA-370202-\(year)-000001 bundle=YJS-370202-\(year)-000001 uscc=92370202"))
    let screenshots = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".png") }
    // 17 pages, each at 375 px and 1280 px.
    #expect(screenshots.count == 34)
  }
}
