import Foundation
public import OneWindowCore
public import OneWindowReplay

/// Replay reports: a text summary with a readable diff per failing step, JSON, and JUnit XML
/// (one test case per step).
public struct ReplayRenderer: Sendable {
  public var language: Language

  public init(language: Language = .zh) { self.language = language }

  private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// One line per scenario, the differences of each failing step under it, a summary last.
  public func text(_ run: ReplayRun) -> String {
    var lines: [String] = []
    for scenario in run.scenarios {
      if let failure = scenario.failure {
        lines.append("ERROR \(scenario.path): \(failure)")
        continue
      }
      let passed = scenario.steps.filter(\.passed).count
      lines.append("\(scenario.passed ? "PASS" : "FAIL") \(scenario.path)  \(scenario.title)  (\(passed)/\(scenario.steps.count))")
      for step in scenario.steps where !step.passed {
        lines.append("  \(scenario.path):\(step.line): step \(step.id) \(step.action.rawValue) \(pick("于", "on")) \(step.asOf)")
        for difference in step.differences { lines.append("    " + difference) }
      }
    }
    let summary = run.summary
    var last = pick(
      "共 \(summary.scenarios) 个场景、\(summary.steps) 个步骤：场景通过 \(summary.scenariosPassed) 个，步骤通过 \(summary.stepsPassed) 个",
      "\(summary.scenarios) scenarios, \(summary.steps) steps: \(summary.scenariosPassed) scenarios and \(summary.stepsPassed) steps passed")
    if summary.unreadable > 0 { last += pick("，无法读取 \(summary.unreadable) 个", ", \(summary.unreadable) unreadable") }
    if let date = run.ruleSetDate { last += pick("（规则集日期 \(date)）", " (rule set of \(date))") }
    lines.append(last)
    return lines.joined(separator: "\n") + "\n"
  }

  /// JSON of the whole run (sorted keys).
  public func json(_ run: ReplayRun) -> String {
    struct Document: Encodable {
      var tool = "onewindow"
      var version = OneWindowVersion.current
      var outcome: Outcome
      var ruleSetDate: CivilDate?
      var summary: ReplayRun.Summary
      var scenarios: [ReplayScenarioResult]
    }
    return JSONReportRenderer.encode(
      Document(outcome: run.outcome, ruleSetDate: run.ruleSetDate, summary: run.summary, scenarios: run.scenarios))
  }

  /// JUnit XML: a test suite per scenario, a test case per step (classname
  /// `onewindow.replay.<scenario file name without .xml>`), each with its `time` in seconds; a
  /// failure with the differences, an error for a step that could not be carried out, and for a
  /// scenario that could not be read one `load` case with its error. The counts and times of the
  /// suites add up to those of `testsuites` (times to the millisecond).
  public func junit(_ run: ReplayRun) -> String {
    let suites = run.scenarios.map(JUnitSuite.init)
    var out = XMLWriter()
    out.open(
      "testsuites",
      attributes: [
        "name": "onewindow replay", "tests": String(suites.reduce(0) { $0 + $1.cases.count }),
        "failures": String(suites.reduce(0) { $0 + $1.count(.failure) }),
        "errors": String(suites.reduce(0) { $0 + $1.count(.error) }),
        "time": JUnitSuite.seconds(suites.reduce(0) { $0 + $1.milliseconds }),
      ])
    for suite in suites {
      out.open(
        "testsuite",
        attributes: [
          "name": suite.name, "file": suite.file, "tests": String(suite.cases.count), "failures": String(suite.count(.failure)),
          "errors": String(suite.count(.error)), "time": JUnitSuite.seconds(suite.milliseconds),
        ])
      for testCase in suite.cases {
        let time = JUnitSuite.seconds(testCase.milliseconds)
        let attributes: KeyValuePairs<String, String> =
          testCase.line.map { ["classname": suite.className, "name": testCase.name, "time": time, "file": suite.file, "line": String($0)] }
          ?? ["classname": suite.className, "name": testCase.name, "time": time]
        guard let problem = testCase.problem else {
          out.empty("testcase", attributes: attributes)
          continue
        }
        out.open("testcase", attributes: attributes)
        out.element(problem.kind.rawValue, problem.text, attributes: ["message": problem.message])
        out.close("testcase")
      }
      out.close("testsuite")
    }
    out.close("testsuites")
    return out.text
  }
}

/// One scenario as a JUnit test suite.
struct JUnitSuite {
  enum Kind: String {
    case failure
    case error
  }

  struct Problem {
    var kind: Kind
    var message: String
    var text: String
  }

  struct Case {
    var name: String
    var line: Int?
    var milliseconds: Int
    var problem: Problem?
  }

  var name: String
  var file: String
  /// `onewindow.replay.<scenario file name without .xml>`, dots in the name made `_`.
  var className: String
  var cases: [Case]

  init(_ scenario: ReplayScenarioResult) {
    name = scenario.title.isEmpty ? scenario.path : scenario.title
    file = scenario.path
    var stem = scenario.path.split(separator: "/").last.map(String.init) ?? scenario.path
    if stem.hasSuffix(".xml") { stem.removeLast(4) }
    className = "onewindow.replay." + stem.replacingOccurrences(of: ".", with: "_")
    if let failure = scenario.failure {
      cases = [Case(name: "load", line: nil, milliseconds: 0, problem: Problem(kind: .error, message: failure, text: failure))]
      return
    }
    cases = scenario.steps.map { step in
      let problem = step.passed
        ? nil
        : Problem(
          kind: step.couldNotBeCarriedOut ? .error : .failure, message: step.differences.first ?? "",
          text: step.differences.joined(separator: "\n"))
      return Case(
        name: "\(step.id) \(step.action.rawValue) \(step.asOf)", line: step.line, milliseconds: Self.milliseconds(step.duration),
        problem: problem)
    }
  }

  var milliseconds: Int { cases.reduce(0) { $0 + $1.milliseconds } }

  func count(_ kind: Kind) -> Int { cases.count { $0.problem?.kind == kind } }

  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int((Double(attoseconds) / 1e15).rounded())
  }

  /// `1234` → `1.234`.
  static func seconds(_ milliseconds: Int) -> String {
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}

/// Which steps change outcome or findings when the same scenarios run under another rule set.
public struct RuleChangeImpact: Sendable, Hashable, Codable {
  /// One step that differs between the two runs.
  public struct Change: Sendable, Hashable, Codable {
    public var scenario: String
    public var step: String
    public var line: Int
    public var action: ReplayScenario.Action
    public var before: Outcome
    public var after: Outcome
    /// Error and warning rule ids present only in the second run, or only in the first.
    public var appeared: [String]
    public var disappeared: [String]
  }

  public var baseline: CivilDate?
  public var alternative: CivilDate?
  public var changes: [Change]

  /// Compares two replays of the same scenarios step by step.
  public init(baseline: ReplayRun, alternative: ReplayRun) {
    self.baseline = baseline.ruleSetDate
    self.alternative = alternative.ruleSetDate
    var changes: [Change] = []
    let others = Dictionary(alternative.scenarios.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for scenario in baseline.scenarios {
      guard let other = others[scenario.path] else { continue }
      let otherSteps = Dictionary(other.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for step in scenario.steps {
        guard let twin = otherSteps[step.id] else { continue }
        let before = step.comparedRuleIDs
        let after = twin.comparedRuleIDs
        guard step.outcome != twin.outcome || before != after else { continue }
        changes.append(
          Change(
            scenario: scenario.path, step: step.id, line: step.line, action: step.action, before: step.outcome,
            after: twin.outcome, appeared: Self.subtract(after, before), disappeared: Self.subtract(before, after)))
      }
    }
    self.changes = changes
  }

  static func subtract(_ left: [String], _ right: [String]) -> [String] {
    var rest = right
    return left.filter { id in
      guard let index = rest.firstIndex(of: id) else { return true }
      rest.remove(at: index)
      return false
    }
  }

  /// One line per changed step and a summary.
  public func text(language: Language = .zh) -> String {
    let zh = language == .zh
    var lines = changes.map { change in
      var line = "\(change.scenario):\(change.line): step \(change.step) \(change.action.rawValue): \(change.before.code) → \(change.after.code)"
      if !change.appeared.isEmpty { line += (zh ? "  新增 " : "  appeared ") + change.appeared.joined(separator: ",") }
      if !change.disappeared.isEmpty { line += (zh ? "  消失 " : "  disappeared ") + change.disappeared.joined(separator: ",") }
      return line
    }
    let baseline = self.baseline?.description ?? (zh ? "各步骤日期" : "each step's date")
    let alternative = self.alternative?.description ?? (zh ? "各步骤日期" : "each step's date")
    lines.append(
      zh
        ? "规则集 \(baseline) → \(alternative)：\(changes.count) 个步骤结果或发现有变化"
        : "rule set \(baseline) → \(alternative): \(changes.count) steps change outcome or findings")
    return lines.joined(separator: "\n") + "\n"
  }
}
