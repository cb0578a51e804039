import Crypto
import OneWindowCore
import OneWindowRules
import OneWindowStore
import OneWindowXML

/// Checks packets on one thread: load, guard, parse, validate, translate. Not `Sendable`; each
/// worker makes its own and they share one compiled ``SchemaSet``.
final class PacketChecker {
  let schemas: SchemaSet
  let policy: Policy
  let options: ValidationOptions
  let asOf: CivilDate
  let validator: PacketValidator
  private let engine = RuleEngine()
  /// The rules to run, worked out once per packet kind (the settings and date are fixed).
  private var plans: [PacketKind: RuleEngine.Plan] = [:]

  init(schemas: SchemaSet, policy: Policy, options: ValidationOptions) throws(OneWindowError) {
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
    self.validator = validator
  }

  func check(_ source: PacketSource) -> PacketReport {
    let bytes: [UInt8]
    var attachments: Attachments?
    do {
      switch try PacketBytes.load(source, cap: options.maxBytes, zipCap: options.zip.maxArchiveBytes) {
      case .bytes(let loaded):
        if source.isZip || ZipPacketReader.isZip(loaded) {
          return checkZip(loaded, name: source.displayName)
        }
        bytes = loaded
        if case .folder(let path) = source.kind {
          attachments = try AttachmentReader.folder(path)
        }
      case .oversize(let size):
        let finding =
          source.isZip
          ? SystemRules.zipOverLimit.finding(
            at: SourceLocation(file: source.displayName),
            detail: LocalizedText(
              zh: "zip 数据包有 \(size) 字节，超过上限 \(options.zip.maxArchiveBytes) 字节",
              en: "the zip is \(size) bytes, the limit is \(options.zip.maxArchiveBytes)"))
          : SystemRules.packetTooLarge.finding(
            at: SourceLocation(file: source.displayName),
            detail: LocalizedText(
              zh: "数据包有 \(size) 字节，超过上限 \(options.maxBytes) 字节",
              en: "the packet is \(size) bytes, the limit is \(options.maxBytes)"))
        return PacketReport(
          source: source.displayName, size: size, outcome: .rejected, findings: [finding])
      }
    } catch {
      return PacketReport(
        source: source.displayName, outcome: .couldNotRun, failure: error.description)
    }
    return check(bytes: bytes, name: source.displayName, attachments: attachments)
  }

  /// Checks a zip packet: refused with its `SEC-` findings, or its `packet.xml` checked with the
  /// other entries as attachments.
  func checkZip(_ archive: [UInt8], name: String) -> PacketReport {
    let read = ZipPacketReader.read(archive, limits: options.zip, maxPacketBytes: options.maxBytes)
    guard let packet = read.packet else {
      return PacketReport(
        source: name, sha256: options.computeHashes ? Self.sha256Hex(archive) : nil, size: archive.count,
        outcome: .rejected,
        findings: read.refusals.map { $0.finding(file: name) }.sorted(by: Finding.reportOrder))
    }
    return check(
      bytes: packet.packetXML, name: name,
      attachments: Attachments(digests: packet.attachments.mapValues(Self.sha256Hex)))
  }

  func check(bytes: [UInt8], name: String, attachments: Attachments? = nil) -> PacketReport {
    checkAndParse(bytes: bytes, name: name, attachments: attachments).report
  }

  /// Checks a packet and also returns its typed form when it was schema-valid.
  ///
  /// - Parameters:
  ///   - lookup: where registry facts come from; by default the options' registry. Write
  ///     commands pass a lookup into their own transaction, so the check sees what it will change.
  ///   - runRules: false to stop after the schema (re-reading a stored packet, whose findings
  ///     nobody reads); the report then holds the schema findings only.
  func checkAndParse(
    bytes: [UInt8], name: String, attachments: Attachments? = nil,
    lookup: ((Packet) throws -> RegistryFacts)? = nil, runRules: Bool = true
  ) -> (report: PacketReport, parsed: ParsedPacket?) {
    let check = bytes.withUnsafeBytes { raw in
      validator.check(raw, name: name) { root, _ -> ParsedPacket in
        let tree = ElementTree(root: root)
        let packet = PacketMapper.packet(from: tree.root)
        return ParsedPacket(packet: packet, sourceMap: tree.sourceMap, root: tree.root.node)
      }
    }
    let entry = check.schemaIndex.map { schemas.entries[$0] }
    let translator = XMLFindingTranslator(entry: entry)
    var findings = SchemaCascade.soften(check.issues.map { translator.finding(for: $0, file: name) })
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
            size: bytes.count, outcome: .couldNotRun, failure: String(describing: error))
          return (report, parsed)
        }
      }
      let environment = RuleEnvironment(
        asOf: asOf, policy: policy, registry: registryFacts, attachments: attachments)
      let kind = parsed.packet.kind
      let plan = plans[kind] ?? engine.plan(for: kind, asOf: asOf, settings: options.rules)
      plans[kind] = plan
      findings += engine.run(on: parsed, file: name, environment: environment, plan: plan)
    }
    findings.sort(by: Finding.reportOrder)
    var report = PacketReport(
      source: name, family: entry?.family, root: check.root?.localName,
      sha256: options.computeHashes ? Self.sha256Hex(bytes) : nil, size: bytes.count,
      outcome: Outcome.of(findings, strict: options.strict), findings: findings)
    if lookup == nil, let resubmits = check.mapped?.packet.header?.resubmits,
      let earlier = options.registry?.findings(ofReceipt: resubmits)
    {
      report.resubmission = ResubmissionDiff(resubmits: resubmits, earlier: earlier, now: findings)
    }
    return (report, check.mapped)
  }

  /// The pair rules over a business and a food application that are each schema-valid.
  func checkTracks(business: ParsedPacket, food: ParsedPacket, foodName: String) -> [Finding] {
    guard case .businessApplication(let businessApplication) = business.packet else { return [] }
    let environment = RuleEnvironment(asOf: asOf, policy: policy)
    return RuleEngine.runPairRules(
      business: businessApplication, food: food, file: foodName, environment: environment,
      settings: options.rules
    ).sorted(by: Finding.reportOrder)
  }

  static func sha256Hex(_ bytes: [UInt8]) -> String {
    AuditChain.hex(SHA256.hash(data: bytes))
  }
}

/// Reads a packet source's main XML, or a zip packet's archive.
enum PacketBytes {
  /// - Parameters:
  ///   - cap: the limit for XML.
  ///   - zipCap: the limit for a zip archive (a `.zip` path, or memory bytes that start like one).
  static func load(_ source: PacketSource, cap: Int, zipCap: Int = ZipLimits().maxArchiveBytes)
    throws(OneWindowError) -> FileBytes.Result
  {
    switch source.kind {
    case .file(let path):
      return try FileBytes.load(path, cap: cap)
    case .folder(let path):
      return try FileBytes.load(
        PacketSourceCollector.join(path, PacketSourceCollector.packetFileName), cap: cap)
    case .zip(let path):
      return try FileBytes.load(path, cap: zipCap)
    case .memory(let bytes):
      let limit = ZipPacketReader.isZip(bytes) ? zipCap : cap
      return bytes.count > limit ? .oversize(bytes.count) : .bytes(bytes)
    }
  }
}

extension PacketSource {
  /// A `.zip` path, or bytes in memory that start like a zip.
  var isZip: Bool {
    switch kind {
    case .zip: true
    case .memory(let bytes): ZipPacketReader.isZip(bytes)
    case .file, .folder: false
    }
  }
}

/// Marks schema findings that are only consequences of an earlier structural error.
///
/// When an element is out of place, libxml2 skips its content, so the ids inside it are never
/// collected and every reference to them is reported as dangling. Such reference findings are
/// kept, as infos saying they could not be checked, so the real error stands alone.
enum SchemaCascade {
  static let structuralCodes: Set<String> = ["XSD-1871", "XSD-1841", "XSD-1842", "XSD-1843"]

  static func soften(_ findings: [Finding]) -> [Finding] {
    guard findings.contains(where: { structuralCodes.contains($0.ruleID.rawValue) }) else {
      return findings
    }
    return findings.map { finding in
      guard finding.ruleID.rawValue == "XSD-1877", finding.message.en.contains("No match found")
      else { return finding }
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
