package import OneWindowCore
import OneWindowRules
package import OneWindowXML
import OneWindowZip

/// A packet checked: its report, and its typed form when it was schema-valid.
package struct CheckedPacket: Sendable {
  package var report: PacketReport
  package var parsed: ParsedPacket?
}

/// Checks packets on one thread: parse, validate, map, run the rules, translate. Not `Sendable`;
/// each worker makes its own and they share one compiled ``SchemaSet``.
///
/// Every entry point reaches the engine through ``check(_:lookup:runRules:)`` with a
/// ``ReceivedPacket`` from ``PacketIntake``.
package final class PacketChecker {
  let schemas: SchemaSet
  let policy: Policy
  let options: ValidationOptions
  let asOf: CivilDate
  /// The bundle definitions a generic bundle's parts and declared checks come from.
  let definitions: BundleDefinitions
  package let validator: PacketValidator
  private let engine = RuleEngine()
  /// Element names, made once per name for the parser's life.
  private let names = ElementNames()
  /// The operator's rule settings over the policy's severities.
  private var ruleSettings: RuleSettings { options.rules.withSeverities(underneath: policy.ruleSeverities) }
  /// The rules to run, worked out once per packet kind (the settings and date are fixed).
  private var plans: [PacketKind: RuleEngine.Plan] = [:]

  package init(
    schemas: SchemaSet, policy: Policy, options: ValidationOptions, definitions: BundleDefinitions = .none
  ) throws(OneWindowError) {
    let limits = ParseLimits(
      maxBytes: options.maxBytes, maxDepth: options.maxDepth,
      maxAttributesPerElement: options.maxAttributesPerElement)
    guard let validator = PacketValidator(schemas: schemas, limits: limits) else {
      throw .parserUnavailable
    }
    self.schemas = schemas
    self.policy = policy
    self.options = options
    self.asOf = options.referenceDate
    self.definitions = definitions
    self.validator = validator
  }

  /// Receives a source through the intake and checks it; an unreadable input is a could-not-run
  /// report.
  package func check(_ source: PacketSource) -> PacketReport {
    do {
      let received = try PacketIntake.receive(
        source, maxBytes: options.maxBytes, zip: options.zip, hashing: options.computeHashes)
      return check(received).report
    } catch {
      return PacketReport(source: source.displayName, outcome: .couldNotRun, failure: error.description)
    }
  }

  /// Checks a packet held in memory (a packet OneWindow made, a track application).
  package func check(bytes: [UInt8], name: String, runRules: Bool = true) -> CheckedPacket {
    check(
      ReceivedPacket(
        name: name, size: bytes.count, sha256: options.computeHashes ? PacketIntake.sha256(bytes) : nil,
        content: .xml(bytes, attachments: nil)),
      runRules: runRules)
  }

  /// The one check: parse, XSD, map, rules.
  ///
  /// - Parameters:
  ///   - lookup: where registry facts come from; by default the options' registry. Write
  ///     commands pass a lookup into their own transaction, so the check sees what it will change.
  ///   - runRules: false to stop after the schema (re-reading a stored packet, whose findings
  ///     nobody reads); the report then holds the schema findings only.
  package func check(
    _ received: ReceivedPacket, lookup: ((Packet) throws -> RegistryFacts)? = nil, runRules: Bool = true
  ) -> CheckedPacket {
    let name = received.name
    let bytes: [UInt8]
    let attachments: [String: [UInt8]]?
    switch received.content {
    case .refused(let findings, _):
      return CheckedPacket(
        report: PacketReport(
          source: name, sha256: received.sha256, size: received.size, outcome: .rejected, findings: findings),
        parsed: nil)
    case .xml(let xml, let files):
      bytes = xml
      attachments = files
    }
    let definitions = self.definitions
    let validator = self.validator
    var partIssues: [XMLIssue] = []
    let check = bytes.withUnsafeBytes { raw in
      validator.check(raw, name: name) { root, _ -> ParsedPacket in
        let map = SourceMapBuilder(names: names)
        let element = PacketElement(root: root, map: map)
        let packet = PacketMapper.packet(from: element)
        if case .tradeBundle(let trade) = packet {
          partIssues = TradeBundleChecker.partIssues(root: root, packet: trade, definitions: definitions, validator: validator)
        }
        return ParsedPacket(packet: packet, sourceMap: map.map, root: element.node)
      }
    }
    let entry = check.schemaIndex.map { schemas.entries[$0] }
    let translator = XMLFindingTranslator(entry: entry)
    let issues = check.issues + partIssues
    var findings = SchemaCascade.soften(issues, issues.map { translator.finding(for: $0, file: name) })
    if let parsed = check.mapped, case .tradeBundle(let trade) = parsed.packet {
      findings += TradeBundleChecker.findings(parsed, trade, definitions: definitions, file: name)
    }
    // Not XML at all: say what the file is, on its first well-formedness error.
    if !check.wellFormed, let kind = FileKind.named(bytes),
      let first = findings.firstIndex(where: { $0.category == .wellFormedness })
    {
      findings[first].message = FileKind.message(kind)
    }
    if check.wellFormed, check.schemaIndex == nil, let root = check.root {
      findings.append(
        SystemRules.unknownPacket.finding(
          at: SourceLocation(file: name, line: check.rootLine, path: "/" + root.localName),
          detail: LocalizedText(
            zh: "根元素 \(root) 不是已知的数据包类型",
            en: "the root element \(root) is not a known packet type"),
          value: root.description))
    }
    if runRules, let parsed = check.mapped {
      var registryFacts: RegistryFacts?
      let asOf = self.asOf
      let registry = options.registry
      let lookup = lookup ?? registry.map { registry in { packet in try registry.facts(for: packet, asOf: asOf) } }
      if let lookup {
        do {
          registryFacts = try lookup(parsed.packet)
        } catch {
          let report = PacketReport(
            source: name, family: entry?.family, root: check.root?.localName,
            size: received.size, outcome: .couldNotRun, failure: String(describing: error))
          return CheckedPacket(report: report, parsed: parsed)
        }
      }
      let environment = RuleEnvironment(
        asOf: asOf, policy: policy, registry: registryFacts,
        attachments: attachments.map { Attachments(digests: $0.mapValues(PacketIntake.sha256)) })
      let kind = parsed.packet.kind
      let plan = plans[kind] ?? engine.plan(for: kind, asOf: asOf, settings: ruleSettings)
      plans[kind] = plan
      findings += engine.run(on: parsed, file: name, environment: environment, plan: plan)
    }
    findings.sort(by: Finding.reportOrder)
    var report = PacketReport(
      source: name, family: entry?.family, root: check.root?.localName, sha256: received.sha256,
      size: received.size, outcome: Outcome.of(findings, strict: options.strict), findings: findings)
    if let packet = check.mapped?.packet {
      report.packetID = packet.header.flatMap { $0.packetID.isEmpty ? nil : $0.packetID }
      let particulars = PacketParticulars(packet)
      report.particulars = particulars.isEmpty ? nil : particulars
    }
    if lookup == nil, let resubmits = check.mapped?.packet.header?.resubmits,
      let earlier = options.registry?.findings(ofReceipt: resubmits)
    {
      report.resubmission = ResubmissionDiff(resubmits: resubmits, earlier: earlier, now: findings)
    }
    return CheckedPacket(report: report, parsed: check.mapped)
  }

  /// The pair rules over a business and a food application that are each schema-valid: the
  /// engine's own path, with only the rules that need the pair.
  func checkTracks(business: ParsedPacket, food: ParsedPacket, foodName: String) -> [Finding] {
    guard case .businessApplication(let businessApplication) = business.packet else { return [] }
    let environment = RuleEnvironment(asOf: asOf, policy: policy, pairedBusiness: businessApplication)
    let plan = engine.plan(
      for: food.packet.kind, asOf: asOf, settings: ruleSettings, inputs: [.trackPair])
    return engine.run(on: food, file: foodName, environment: environment, plan: plan).sorted(by: Finding.reportOrder)
  }

  static func sha256Hex(_ bytes: [UInt8]) -> String { PacketIntake.sha256(bytes) }
}

/// Marks schema findings that are only consequences of an earlier structural error.
///
/// When an element is out of place, libxml2 skips its content, so the ids inside it are never
/// collected and every reference to them is reported as dangling. Such reference findings are
/// kept, as infos saying they could not be checked, so the real error stands alone.
enum SchemaCascade {
  static let structuralCodes: Set<Int> = [1871, 1841, 1842, 1843]

  /// `findings` (translated from `issues`, in the same order) with dangling-reference findings
  /// softened when a structural error stands before them.
  static func soften(_ issues: [XMLIssue], _ findings: [Finding]) -> [Finding] {
    guard issues.contains(where: { $0.stage == .schema && structuralCodes.contains($0.code) }) else {
      return findings
    }
    return zip(issues, findings).map { issue, finding in
      guard issue.stage == .schema, issue.code == 1877, issue.details.noMatch else { return finding }
      var softened = finding
      softened.severity = .info
      softened.message = LocalizedText(
        zh: "未能核对（数据包结构有误，相关内容未被读取）：" + finding.message.zh,
        en: "not checked (the packet's structure is wrong, so the referenced part was not read): "
          + finding.message.en)
      return softened
    }
  }
}
