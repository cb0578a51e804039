import Foundation
public import OneWindowCore
import OneWindowXML
public import OneWindowValidation
public import OneWindowRegistry

/// A replay scenario (`ReplayScenario` packet): ordered steps with their expected results.
public struct ReplayScenario: Sendable, Hashable {
  /// What a step does.
  public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
    case validate
    case preFilingSubmit = "prefile.submit"
    case preFilingReview = "prefile.review"
    case preFilingAmend = "prefile.amend"
    case preFilingWithdraw = "prefile.withdraw"
    case preFilingRevoke = "prefile.revoke"
    /// Checks that the subject pre-filing has expired on the step's date.
    case preFilingExpire = "prefile.expire"
    case register
    case bundleSubmit = "bundle.submit"
    case bundleDecide = "bundle.decide"
    /// A department's objection to a simplified cancellation (`Department`, `Reason`).
    case bundleObjection = "bundle.objection"
    case bundleIssue = "bundle.issue"
    case bundleOverdue = "bundle.overdue"
    case auditVerify = "audit.verify"
  }

  /// What a step should produce.
  public struct Expectation: Sendable, Hashable, Codable {
    public var outcome: Outcome
    /// Every error and warning rule id expected, in any order (infos are not compared).
    public var findings: [String]
    /// Named values (`dueOn`, `subject`, `licences.uscc`…) and what they should equal.
    public var values: [NamedValue]
  }

  /// A named value of a step's result.
  public struct NamedValue: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
  }

  /// One step.
  public struct Step: Sendable, Hashable {
    public var id: String
    public var line: Int
    public var action: Action
    public var actor: Actor?
    /// The service centre where the step's packet is accepted (`<Actor centre="…">`); nil: unknown.
    public var serviceCentre: String?
    public var asOf: CivilDate
    /// Relative to the scenario file.
    public var packet: String?
    /// Text in the packet to replace by a bound symbol's value before submitting.
    public var replacements: [(text: String, with: String)]
    /// A number, or a `$symbol`.
    public var subject: String?
    public var track: Track?
    public var decision: DecisionKind?
    public var reason: String?
    public var department: String?
    public var validUntil: CivilDate?
    public var inspectors: [String]
    /// Symbols bound to values this step produces (`preFilingNumber`, `bundleNumber`…).
    public var binds: [(symbol: String, value: String)]
    public var expect: Expectation

    public static func == (lhs: Step, rhs: Step) -> Bool { lhs.id == rhs.id && lhs.line == rhs.line }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(id)
      hasher.combine(line)
    }
  }

  /// The scenario file, as given.
  public var path: String
  public var title: String
  public var description: String?
  /// The date whose rule set applies, when it is not each step's own date.
  public var ruleSetDate: CivilDate?
  public var steps: [Step]
}

extension OneWindow {
  /// Reads a scenario file; it must be valid against the scenario schema.
  public func loadScenario(path: String) throws(OneWindowError) -> ReplayScenario {
    let bytes = try readFile(path, cap: 4 << 20)
    let read = try readDocument(bytes: bytes, name: path, root: "ReplayScenario") { root in
      ScenarioMapper.scenario(root, path: path)
    }
    switch read {
    case .success(let scenario): return scenario
    case .failure(let problem): throw .unreadable(path: path, reason: "not a valid replay scenario (\(problem))")
    }
  }
}

/// Maps a schema-valid `ReplayScenario` tree.
enum ScenarioMapper {
  static func scenario(_ root: PacketElement, path: String) -> ReplayScenario {
    let steps = root.child("Steps")?.children("Step").map(step) ?? []
    return ReplayScenario(
      path: path, title: root.string("Title") ?? "", description: root.child("Description")?.rawText,
      ruleSetDate: root.date("RuleSetDate"), steps: steps)
  }

  static func step(_ element: PacketElement) -> ReplayScenario.Step {
    let actor: Actor? = element.child("Actor").flatMap { actor in
      let id = actor.attribute("id") ?? ""
      switch ActorRole(rawValue: actor.attribute("role") ?? "") {
      case .clerk: return .clerk(id)
      case .owner: return .owner(id)
      case .applicant: return .applicant(id)
      case .system: return .system
      case nil: return nil
      }
    }
    let expect = element.child("Expect")
    return ReplayScenario.Step(
      id: element.attribute("id") ?? "", line: element.line,
      action: ReplayScenario.Action(rawValue: element.string("Action") ?? "") ?? .validate, actor: actor,
      serviceCentre: element.child("Actor")?.attribute("centre"),
      asOf: element.date("AsOf") ?? CivilDate(dayNumber: 0), packet: element.child("Packet")?.rawText,
      replacements: element.children("Replace").map { ($0.attribute("text") ?? "", $0.attribute("with") ?? "") },
      subject: element.string("Subject"), track: element.code("Track", as: Track.self),
      decision: element.code("Decision", as: DecisionKind.self), reason: element.child("Reason")?.rawText,
      department: element.string("Department"), validUntil: element.date("ValidUntil"),
      inspectors: element.child("Inspectors")?.children("Inspector").map { $0.text } ?? [],
      binds: element.children("Bind").map { ($0.attribute("symbol") ?? "", $0.attribute("to") ?? "") },
      expect: ReplayScenario.Expectation(
        outcome: outcome(expect?.string("Outcome")), findings: expect?.children("Finding").map { $0.text } ?? [],
        values: expect?.children("Value").map {
          ReplayScenario.NamedValue(name: $0.attribute("name") ?? "", value: $0.attribute("equals") ?? "")
        } ?? []))
  }

  static func outcome(_ code: String?) -> Outcome {
    switch code {
    case "ACCEPTED": .accepted
    case "REJECTED": .rejected
    default: .couldNotRun
    }
  }
}
