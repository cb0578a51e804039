import Foundation
public import OneWindowCore
import OneWindowRules
public import OneWindowValidation
public import OneWindowRegistry

/// How scenarios are replayed.
public struct ReplayOptions: Sendable, Hashable {
  /// Replay under the rules in force on this date instead of each scenario's own rule-set date
  /// (or each step's date).
  public var ruleSetDate: CivilDate?
  /// Rules switched off for the whole replay.
  public var disabledRules: Set<RuleID>
  /// A PostgreSQL database (`postgres://…`) to replay in, each scenario in a fresh schema dropped
  /// afterwards; nil replays each in a fresh in-memory SQLite registry.
  public var postgres: String?

  public init(ruleSetDate: CivilDate? = nil, disabledRules: Set<RuleID> = [], postgres: String? = nil) {
    self.ruleSetDate = ruleSetDate
    self.disabledRules = disabledRules
    self.postgres = postgres
  }

  /// A fresh registry for one scenario: in memory, or a scratch schema of ``postgres``.
  func freshRegistry(_ oneWindow: OneWindow) throws(OneWindowError) -> Registry {
    guard let postgres else { return try Registry(oneWindow: oneWindow, path: nil) }
    return try Registry(oneWindow: oneWindow, scratchIn: postgres)
  }
}

/// What one step did, next to what was expected.
public struct ReplayStepResult: Sendable, Hashable, Codable {
  public var id: String
  public var line: Int
  public var action: ReplayScenario.Action
  public var asOf: CivilDate
  public var expected: ReplayScenario.Expectation
  public var outcome: Outcome
  /// Every finding, infos included.
  public var findings: [Finding]
  /// The named values the step produced.
  public var values: [String: String]
  public var receipt: String?
  /// Why the step could not be carried out (a missing packet, an unbound symbol…).
  public var failure: String?
  /// One readable line per difference from the expectation; empty when the step passed.
  public var differences: [String]
  /// How long the step took (wall clock), for JUnit's `time`; not in the JSON, which stays the
  /// same from run to run.
  public var duration: Duration = .zero

  enum CodingKeys: String, CodingKey {
    case id, line, action, asOf, expected, outcome, findings, values, receipt, failure, differences
  }

  public var passed: Bool { differences.isEmpty }

  /// A step that was to run and could not be carried out (JUnit reports it as an error).
  public var couldNotBeCarriedOut: Bool { differences.contains { $0.hasPrefix(Self.couldNotRunPrefix) } }

  /// The first words of the difference a step that could not be carried out shows.
  static let couldNotRunPrefix = "could not run: "

  /// The rule ids compared with the expectation: errors and warnings, sorted.
  public var comparedRuleIDs: [String] {
    findings.filter { $0.severity != .info }.map(\.ruleID.rawValue).sorted()
  }
}

/// One scenario's replay.
public struct ReplayScenarioResult: Sendable, Hashable, Codable {
  public var path: String
  public var title: String
  public var steps: [ReplayStepResult]
  /// Why the scenario itself could not be read.
  public var failure: String?

  public var passed: Bool { failure == nil && steps.allSatisfy(\.passed) }
}

/// A replay of several scenarios.
public struct ReplayRun: Sendable, Hashable, Codable {
  public struct Summary: Sendable, Hashable, Codable {
    public var scenarios: Int
    public var scenariosPassed: Int
    public var steps: Int
    public var stepsPassed: Int
    /// Scenarios that could not be read.
    public var unreadable: Int
  }

  public var scenarios: [ReplayScenarioResult]
  public var ruleSetDate: CivilDate?

  public init(scenarios: [ReplayScenarioResult], ruleSetDate: CivilDate? = nil) {
    self.scenarios = scenarios
    self.ruleSetDate = ruleSetDate
  }

  public var summary: Summary {
    Summary(
      scenarios: scenarios.count, scenariosPassed: scenarios.filter(\.passed).count,
      steps: scenarios.reduce(0) { $0 + $1.steps.count },
      stepsPassed: scenarios.reduce(0) { $0 + $1.steps.filter(\.passed).count },
      unreadable: scenarios.filter { $0.failure != nil }.count)
  }

  /// Accepted when every step matched; could not run when a scenario was unreadable.
  public var outcome: Outcome {
    if scenarios.contains(where: { $0.failure != nil }) { return .couldNotRun }
    return scenarios.allSatisfy(\.passed) ? .accepted : .rejected
  }
}

extension OneWindow {
  /// The scenario files below `paths` (files are taken as given; folders are walked for `*.xml`
  /// files whose root element is `ReplayScenario`), sorted.
  public static func scenarioFiles(in paths: [String]) -> [String] {
    var found: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        found.append(path)
        continue
      }
      guard isDirectory.boolValue else {
        found.append(path)
        continue
      }
      guard let enumerator = FileManager.default.enumerator(atPath: path) else { continue }
      while let relative = enumerator.nextObject() as? String {
        guard relative.hasSuffix(".xml") else { continue }
        let file = (path as NSString).appendingPathComponent(relative)
        if isScenario(file) { found.append(file) }
      }
    }
    return found.sorted()
  }

  /// Whether a file's root element is `ReplayScenario` (a look at its first kilobytes).
  static func isScenario(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4096)) ?? Data()
    return String(decoding: head, as: UTF8.self).contains("<ReplayScenario")
  }

  /// Replays every scenario below `paths`, each in a fresh in-memory registry.
  public func replay(_ paths: [String], options: ReplayOptions = ReplayOptions()) async -> ReplayRun {
    var scenarios: [ReplayScenarioResult] = []
    for path in Self.scenarioFiles(in: paths) { scenarios.append(await replay(scenarioAt: path, options: options)) }
    return ReplayRun(scenarios: scenarios, ruleSetDate: options.ruleSetDate)
  }

  /// Replays every scenario below `paths` as ``replay(_:options:)`` does, each in a fresh
  /// in-memory registry, and adds up the published figures of those registries: each as of its
  /// scenario's last step date (for overdue bundles), merged by ``RegistryStatistics/merged(_:asOf:subdistricts:)``.
  /// Deterministic: the same scenarios give the same figures (`onewindow stats --replay`).
  public func replayStatistics(_ paths: [String], options: ReplayOptions = ReplayOptions()) async -> (
    run: ReplayRun, statistics: RegistryStatistics
  ) {
    var scenarios: [ReplayScenarioResult] = []
    var figures: [RegistryStatistics] = []
    for path in Self.scenarioFiles(in: paths) {
      var kept: Registry?
      let result = await replay(scenarioAt: path, options: options) { scenario throws(OneWindowError) -> any ReplayBackend in
        var registry = try options.freshRegistry(self)
        registry.rules = RuleSettings(disabled: options.disabledRules, ruleSetDate: options.ruleSetDate ?? scenario.ruleSetDate)
        kept = registry
        return InProcessReplay(oneWindow: self, registry: registry)
      }
      scenarios.append(result)
      if let kept, let last = result.steps.map(\.asOf).max(), let statistics = try? await kept.statistics(asOf: last) {
        figures.append(statistics)
      }
      try? kept?.discardScratch()
    }
    let run = ReplayRun(scenarios: scenarios, ruleSetDate: options.ruleSetDate)
    return (run, RegistryStatistics.merged(figures, subdistricts: policy.subdistricts))
  }

  /// Replays one scenario file in a fresh in-memory registry.
  public func replay(scenarioAt path: String, options: ReplayOptions = ReplayOptions()) async -> ReplayScenarioResult {
    var kept: Registry?
    let result = await replay(scenarioAt: path, options: options) { scenario throws(OneWindowError) -> any ReplayBackend in
      var registry = try options.freshRegistry(self)
      registry.rules = RuleSettings(disabled: options.disabledRules, ruleSetDate: options.ruleSetDate ?? scenario.ruleSetDate)
      kept = registry
      return InProcessReplay(oneWindow: self, registry: registry)
    }
    try? kept?.discardScratch()
    return result
  }

  /// Replays one scenario file against the backend `makeBackend` gives for it (a fresh
  /// registry in process, or a service's throwaway registry over HTTP): the same steps, the same
  /// comparisons, whatever carries them out.
  public func replay(
    scenarioAt path: String, options: ReplayOptions = ReplayOptions(),
    backend makeBackend: (ReplayScenario) async throws -> any ReplayBackend
  ) async -> ReplayScenarioResult {
    let scenario: ReplayScenario
    do {
      scenario = try loadScenario(path: path)
    } catch {
      return ReplayScenarioResult(path: path, title: "", steps: [], failure: error.description)
    }
    let backend: any ReplayBackend
    do {
      backend = try await makeBackend(scenario)
    } catch {
      return ReplayScenarioResult(path: path, title: scenario.title, steps: [], failure: String(describing: error))
    }
    var player = ScenarioPlayer(backend: backend, scenario: scenario, definitions: bundleDefinitions)
    var steps: [ReplayStepResult] = []
    for step in scenario.steps { steps.append(await player.play(step)) }
    await backend.finish()
    return ReplayScenarioResult(path: path, title: scenario.title, steps: steps)
  }
}

/// What a replay needs of a registry: the write operations of the scenario actions and the
/// views its expectations read. ``InProcessReplay`` calls the library; `onewindow replay
/// --server` calls a service in replay mode over HTTP.
public protocol ReplayBackend: Sendable {
  /// Checks a packet with the scenario's registry facts and rule settings.
  func validate(_ source: PacketSource, asOf: CivilDate) async throws -> PacketReport
  func submitPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func reviewPreFiling(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func reviewPreFiling(_ reference: String, decision: PreFilingDecision, by actor: Actor, clock: RegistryClock) async throws
    -> Receipt
  func amendPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func withdrawPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func revokePreFiling(_ reference: String, reason: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func register(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func submitBundle(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func decideTrack(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func decideTrack(_ reference: String, track: Track, decision: TrackDecision, by actor: Actor, clock: RegistryClock)
    async throws -> Receipt
  func recordObjection(_ reference: String, department: String, reason: String, by actor: Actor, clock: RegistryClock) async throws
    -> Receipt
  func issueBundle(_ reference: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt
  func preFiling(_ reference: String, asOf: CivilDate) async throws -> PreFilingDetail?
  func bundle(_ reference: String) async throws -> BundleDetail?
  func overdueBundles(asOf: CivilDate) async throws -> [OverdueBundle]
  func provisionalDueBundles() async throws -> [BundleSummary]
  func verifyAudit() async throws -> AuditVerification
  /// Called once the scenario's steps are done (a service drops its throwaway registry).
  func finish() async
  /// The backend whose writes are accepted at `serviceCentre` (a step's `<Actor centre="…">`).
  func at(serviceCentre: String) -> any ReplayBackend
}

extension ReplayBackend {
  /// By default the centre is not passed on: the writes count under "unknown".
  public func at(serviceCentre: String) -> any ReplayBackend { self }
}

/// A replay in this process, on a fresh in-memory registry.
public struct InProcessReplay: ReplayBackend {
  let oneWindow: OneWindow
  let registry: Registry

  public init(oneWindow: OneWindow, registry: Registry) {
    self.oneWindow = oneWindow
    self.registry = registry
  }

  public func validate(_ source: PacketSource, asOf: CivilDate) async throws -> PacketReport {
    var options = ValidationOptions(computeHashes: false, asOf: asOf, rules: registry.rules)
    options.registry = registry
    return await oneWindow.validate([source], options: options)[0]
  }

  public func submitPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.submitPreFiling(source, by: actor, clock: clock)
  }

  public func reviewPreFiling(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.reviewPreFiling(decisionPacket: source, by: actor, clock: clock)
  }

  public func reviewPreFiling(_ reference: String, decision: PreFilingDecision, by actor: Actor, clock: RegistryClock)
    async throws -> Receipt
  {
    try await registry.reviewPreFiling(reference, decision: decision, by: actor, clock: clock)
  }

  public func amendPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.amendPreFiling(source, by: actor, clock: clock)
  }

  public func withdrawPreFiling(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.withdrawPreFiling(source, by: actor, clock: clock)
  }

  public func revokePreFiling(_ reference: String, reason: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.revokePreFiling(reference, reason: reason, by: actor, clock: clock)
  }

  public func register(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.register(source, by: actor, clock: clock)
  }

  public func submitBundle(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.submitBundle(source, by: actor, clock: clock)
  }

  public func decideTrack(decisionPacket source: PacketSource, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.decideTrack(decisionPacket: source, by: actor, clock: clock)
  }

  public func decideTrack(_ reference: String, track: Track, decision: TrackDecision, by actor: Actor, clock: RegistryClock)
    async throws -> Receipt
  {
    try await registry.decideTrack(reference, track: track, decision: decision, by: actor, clock: clock)
  }

  public func recordObjection(
    _ reference: String, department: String, reason: String, by actor: Actor, clock: RegistryClock
  ) async throws -> Receipt {
    try await registry.recordObjection(reference, department: department, reason: reason, by: actor, clock: clock)
  }

  public func issueBundle(_ reference: String, by actor: Actor, clock: RegistryClock) async throws -> Receipt {
    try await registry.issueBundle(reference, by: actor, clock: clock)
  }

  public func preFiling(_ reference: String, asOf: CivilDate) async throws -> PreFilingDetail? {
    try await registry.preFiling(reference, asOf: asOf)
  }

  public func bundle(_ reference: String) async throws -> BundleDetail? { try await registry.bundle(reference) }

  public func overdueBundles(asOf: CivilDate) async throws -> [OverdueBundle] { try await registry.overdueBundles(asOf: asOf) }

  public func provisionalDueBundles() async throws -> [BundleSummary] { try await registry.provisionalDueBundles() }

  public func verifyAudit() async throws -> AuditVerification { try await registry.verifyAudit() }

  public func finish() async {}

  public func at(serviceCentre: String) -> any ReplayBackend {
    var registry = self.registry
    registry.serviceCentre = serviceCentre
    return InProcessReplay(oneWindow: oneWindow, registry: registry)
  }
}

/// Plays a scenario's steps in order, binding symbols as it goes.
struct ScenarioPlayer {
  let registry: any ReplayBackend
  let scenario: ReplayScenario
  /// Where a bundle's published figures come from (`figures.forms`…).
  let definitions: BundleDefinitions
  var symbols: [String: String] = [:]

  init(backend: any ReplayBackend, scenario: ReplayScenario, definitions: BundleDefinitions = .none) {
    self.registry = backend
    self.scenario = scenario
    self.definitions = definitions
  }

  /// A step that could not be carried out.
  struct StepFailure: Error {
    var reason: String
  }

  mutating func play(_ step: ReplayScenario.Step) async -> ReplayStepResult {
    var result = ReplayStepResult(
      id: step.id, line: step.line, action: step.action, asOf: step.asOf, expected: step.expect, outcome: .couldNotRun,
      findings: [], values: [:], receipt: nil, failure: nil, differences: [])
    let started = ContinuousClock.now
    do {
      try await perform(step, into: &result)
      for bind in step.binds {
        guard let value = bound(bind.value, in: result) else {
          throw StepFailure(reason: "nothing to bind to \(bind.symbol): the step produced no \(bind.value)")
        }
        symbols[bind.symbol] = value
      }
    } catch let failure as StepFailure {
      result.failure = failure.reason
    } catch let error as OneWindowError {
      result.failure = error.description
    } catch {
      result.failure = String(describing: error)
    }
    result.differences = differences(step, result)
    result.duration = ContinuousClock.now - started
    return result
  }

  /// The value a `Bind` names.
  func bound(_ name: String, in result: ReplayStepResult) -> String? {
    switch name {
    case "preFilingNumber": result.values["subject"].flatMap { $0.hasPrefix("YBA-") ? $0 : nil }
    case "bundleNumber": result.values["subject"].flatMap { $0.hasPrefix("YJS-") ? $0 : nil }
    case "receiptNumber": result.receipt
    case "uscc": result.values["licences.uscc"]
    case "foodLicenceNumber": result.values["licences.foodLicenceNumber"]
    default: result.values[name]
    }
  }

  func resolve(_ text: String?) throws -> String? {
    guard let text, text.hasPrefix("$") else { return text }
    guard let value = symbols[text] else { throw StepFailure(reason: "\(text) is not bound by an earlier step") }
    return value
  }

  /// Text with every `$symbol` in it replaced by its bound value.
  func interpolate(_ text: String) throws -> String {
    var result = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      result += rest[..<dollar]
      let name = rest[dollar...].prefix { $0 == "$" || $0.isLetter || $0.isNumber || $0 == "_" }
      let symbol = "$" + name.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
      guard symbol.count > 1 else {
        result += "$"
        rest = rest[rest.index(after: dollar)...]
        continue
      }
      guard let value = symbols[symbol] else { throw StepFailure(reason: "\(symbol) is not bound by an earlier step") }
      result += value
      rest = rest[rest.index(dollar, offsetBy: symbol.count)...]
    }
    return result + rest
  }

  func required<T>(_ value: T?, _ what: String, _ step: ReplayScenario.Step) throws -> T {
    guard let value else { throw StepFailure(reason: "\(step.action.rawValue) needs \(what)") }
    return value
  }

  /// The packet a step names, relative to the scenario file, with its replacements made.
  func source(_ step: ReplayScenario.Step) throws -> PacketSource {
    let relative = try required(step.packet, "a Packet", step)
    let folder = (scenario.path as NSString).deletingLastPathComponent
    let name = relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
    let path = URL(fileURLWithPath: name).standardizedFileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw StepFailure(reason: "no packet \(relative) beside \(scenario.path)")
    }
    if isDirectory.boolValue || PacketSourceCollector.isZipName(path) {
      guard step.replacements.isEmpty else { throw StepFailure(reason: "Replace works on packet files, not folders or zips") }
      return isDirectory.boolValue
        ? PacketSource(displayName: name, kind: .folder(path: path)) : PacketSource(displayName: name, kind: .zip(path: path))
    }
    guard var text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
      throw StepFailure(reason: "cannot read \(relative)")
    }
    for replacement in step.replacements {
      guard text.contains(replacement.text) else { throw StepFailure(reason: "\(relative) does not contain \(replacement.text)") }
      text = text.replacingOccurrences(of: replacement.text, with: try interpolate(replacement.with))
    }
    return PacketSource(displayName: name, kind: .memory(bytes: Array(text.utf8)))
  }

  func perform(_ step: ReplayScenario.Step, into result: inout ReplayStepResult) async throws {
    let registry = step.serviceCentre.map { self.registry.at(serviceCentre: $0) } ?? self.registry
    let clock = RegistryClock.fixed(step.asOf)
    let actor = step.actor ?? .system
    let receipt: Receipt?
    switch step.action {
    case .validate:
      let report = try await registry.validate(try source(step), asOf: step.asOf)
      result.outcome = report.outcome
      result.findings = report.findings
      if let failure = report.failure { throw StepFailure(reason: failure) }
      return
    case .preFilingSubmit: receipt = try await registry.submitPreFiling(try source(step), by: actor, clock: clock)
    case .preFilingReview:
      if step.packet != nil {
        receipt = try await registry.reviewPreFiling(decisionPacket: try source(step), by: actor, clock: clock)
      } else {
        let reasons = step.reason.map { [$0] } ?? []
        let decision: PreFilingDecision
        switch try required(step.decision, "a Decision", step) {
        case .approve: decision = .approve(validUntil: step.validUntil, reasons: reasons)
        case .reject: decision = .reject(reasons: reasons)
        case .requestCorrection: decision = .requestCorrection(reasons: reasons)
        case .revoke: throw StepFailure(reason: "revoke is its own action, prefile.revoke")
        }
        receipt = try await registry.reviewPreFiling(
          try required(try resolve(step.subject), "a Subject", step), decision: decision, by: actor, clock: clock)
      }
    case .preFilingAmend: receipt = try await registry.amendPreFiling(try source(step), by: actor, clock: clock)
    case .preFilingWithdraw: receipt = try await registry.withdrawPreFiling(try source(step), by: actor, clock: clock)
    case .preFilingRevoke:
      receipt = try await registry.revokePreFiling(
        try required(try resolve(step.subject), "a Subject", step), reason: try required(step.reason, "a Reason", step),
        by: actor, clock: clock)
    case .preFilingExpire:
      let reference = try required(try resolve(step.subject), "a Subject", step)
      guard let detail = try await registry.preFiling(reference, asOf: step.asOf) else {
        throw StepFailure(reason: "no pre-filing \(reference)")
      }
      result.values["status"] = detail.summary.status.rawValue
      result.outcome = detail.summary.status == .expired ? .accepted : .rejected
      return
    case .register: receipt = try await registry.register(try source(step), by: actor, clock: clock)
    case .bundleSubmit: receipt = try await registry.submitBundle(try source(step), by: actor, clock: clock)
    case .bundleDecide:
      if step.packet != nil {
        receipt = try await registry.decideTrack(decisionPacket: try source(step), by: actor, clock: clock)
      } else {
        let reasons = step.reason.map { [$0] } ?? []
        let decision: TrackDecision
        switch try required(step.decision, "a Decision", step) {
        case .approve:
          decision = .approve(
            inspection: step.inspectors.isEmpty ? nil : InspectionRecord(inspectedOn: step.asOf, inspectors: step.inspectors),
            reasons: reasons)
        case .reject: decision = .reject(reasons: reasons)
        case .requestCorrection: decision = .requestCorrection(reasons: reasons)
        case .revoke: throw StepFailure(reason: "a bundle track cannot be revoked")
        }
        receipt = try await registry.decideTrack(
          try required(try resolve(step.subject), "a Subject", step), track: try required(step.track, "a Track", step),
          decision: decision, by: actor, clock: clock)
      }
    case .bundleObjection:
      receipt = try await registry.recordObjection(
        try required(try resolve(step.subject), "a Subject", step), department: try required(step.department, "a Department", step),
        reason: try required(step.reason, "a Reason", step), by: actor, clock: clock)
    case .bundleIssue:
      receipt = try await registry.issueBundle(try required(try resolve(step.subject), "a Subject", step), by: actor, clock: clock)
    case .bundleOverdue:
      let late = try await registry.overdueBundles(asOf: step.asOf)
      result.outcome = .accepted
      result.values["count"] = String(late.count)
      result.values["bundles"] = Self.list(late.map(\.summary.number))
      result.values["workingDaysLate"] = Self.list(late.map { String($0.workingDaysLate) })
      result.values["provisional"] = Self.list(try await registry.provisionalDueBundles().map(\.number))
      return
    case .auditVerify:
      let verification = try await registry.verifyAudit()
      result.outcome = verification.isIntact ? .accepted : .rejected
      result.values["events"] = String(verification.events)
      result.values["intact"] = String(verification.isIntact)
      return
    }
    guard let receipt else { return }
    result.outcome = receipt.outcome
    result.findings = receipt.findings
    result.receipt = receipt.number
    result.values.merge(try await values(of: receipt, step: step)) { _, new in new }
  }

  /// A list as a value: comma-separated, `none` when empty.
  static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ",") }

  /// The named values of a receipt, and the state of the record it concerns.
  func values(of receipt: Receipt, step: ReplayScenario.Step) async throws -> [String: String] {
    var values: [String: String] = ["receipt": receipt.number]
    values["subject"] = receipt.subject
    values["dueOn"] = receipt.dueOn?.description
    values["dueProvisional"] = receipt.dueOn == nil ? nil : String(receipt.dueProvisional == true)
    values["backdated"] = String(receipt.backdated == true)
    values["serviceCentre"] = receipt.serviceCentre
    if let saved = receipt.materialsSaved {
      values["materialsSaved.count"] = String(saved.count)
      values["materialsSaved.percent"] = String(format1: saved.percent)
    }
    values["licences.uscc"] = receipt.licences?.uscc
    values["licences.foodLicenceNumber"] = receipt.licences?.foodLicenceNumber
    // A bundle of another definition: each certificate's number by track (`numbers.PUBLICATION`).
    for permit in receipt.licences?.permits ?? [] { values["numbers.\(permit.track)"] = permit.number }
    if receipt.licences?.permits != nil, let uscc = receipt.licences?.uscc { values["numbers.BUSINESS"] = uscc }
    values["reasons"] = String(receipt.reasons.count)
    if let diff = receipt.resubmission {
      values["resubmission.resolved"] = Self.list(diff.resolved.map(\.ruleID.rawValue))
      values["resubmission.stillPresent"] = Self.list(diff.stillPresent.map(\.ruleID.rawValue))
      values["resubmission.new"] = Self.list(diff.new.map(\.ruleID.rawValue))
    }
    guard let subject = receipt.subject else { return values }
    if subject.hasPrefix("YJS-"), let bundle = try await registry.bundle(subject) {
      values["status"] = bundle.summary.status.rawValue
      values["workingDaysTaken"] = bundle.summary.workingDaysTaken.map(String.init)
      values["workingDaysProvisional"] = bundle.summary.workingDaysTaken == nil ? nil : String(bundle.summary.workingDaysProvisional == true)
      values["tracks"] = bundle.summary.tracks.map { "\($0.track.rawValue)=\($0.status.rawValue)" }.joined(separator: ",")
      if let id = bundle.summary.definition, let definition = definitions.definition(id) {
        // The figures the bureau publishes for the matter, before→after.
        let (before, after) = (definition.figures.before, definition.figures.after)
        values["definition"] = id
        values["figures.items"] = "\(before.items)→\(after.items)"
        values["figures.departments"] = "\(before.departments)→\(after.departments)"
        values["figures.forms"] = "\(before.forms)→\(after.forms)"
        values["figures.materials"] = "\(before.materials)→\(after.materials)"
        values["figures.visits"] = "\(before.visits)→\(after.visits)"
        values["tracks.approved"] = "\(bundle.summary.tracks.filter { $0.status == .approved }.count)/\(bundle.summary.tracks.count)"
      }
    } else if let preFiling = try await registry.preFiling(subject, asOf: step.asOf) {
      values["status"] = preFiling.summary.status.rawValue
      values["version"] = String(preFiling.summary.version)
      values["occupied"] = "\(preFiling.summary.occupied)/\(preFiling.summary.places)"
    }
    return values
  }

  /// Readable differences between what a step did and what it should have done.
  func differences(_ step: ReplayScenario.Step, _ result: ReplayStepResult) -> [String] {
    var lines: [String] = []
    if let failure = result.failure, step.expect.outcome != .couldNotRun || result.outcome != .couldNotRun {
      lines.append(ReplayStepResult.couldNotRunPrefix + failure)
    }
    if result.outcome != step.expect.outcome {
      lines.append("outcome: expected \(step.expect.outcome.code), got \(result.outcome.code)")
    }
    let expected = step.expect.findings.sorted()
    let actual = result.comparedRuleIDs
    if expected != actual {
      lines.append("findings: expected [\(expected.joined(separator: ", "))], got [\(actual.joined(separator: ", "))]")
      var missing = expected
      var extra: [Finding] = []
      for finding in result.findings where finding.severity != .info {
        if let index = missing.firstIndex(of: finding.ruleID.rawValue) {
          missing.remove(at: index)
        } else {
          extra.append(finding)
        }
      }
      for finding in extra {
        let place = [finding.location.file, finding.location.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        lines.append("  + \(finding.ruleID) \(finding.severity.label) at \(place): \(finding.message.zh)")
      }
      for id in missing { lines.append("  - \(id) expected but not reported") }
    }
    for value in step.expect.values {
      let want = (try? resolve(value.value)) ?? value.value
      guard let got = result.values[value.name] else {
        lines.append("value \(value.name): expected \(want), not produced")
        continue
      }
      if got != want { lines.append("value \(value.name): expected \(want), got \(got)") }
    }
    return lines
  }
}
