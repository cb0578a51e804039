/// What kind of problem a finding describes.
public enum FindingCategory: String, Sendable, Hashable, Codable, CaseIterable {
  /// The bytes are not well-formed XML.
  case wellFormedness = "well-formedness"
  /// The packet breaks its XSD.
  case schema
  /// Hostile or oversized input refused by the input policy.
  case security
  /// The packet as a whole: unknown family, unreadable attachment container.
  case packet
  /// An identifier fails its check algorithm (统一社会信用代码, 身份证号, JY number…).
  case identifier
  /// The 个体工商户 name.
  case name
  /// 经营范围 and the licences it needs.
  case scope
  /// Food-licence conditions.
  case food
  /// Premises, 规划用途 and 住所 evidence.
  case premises
  /// Facts held in the registry (pre-filings, tenancies, bundles).
  case registry
  /// The materials manifest and attachments.
  case materials
  /// Dates and time limits.
  case dates
  /// Change and cancellation packets.
  case lifecycle
  /// A check a bundle definition declares (`Data/bundles/`).
  case definition
}

/// Where a finding points: the packet, a line, and the element path.
public struct SourceLocation: Sendable, Hashable, Codable {
  /// The packet as the user named it (a path, `<stdin>`, or a member of a zip).
  public var file: String
  /// 1-based line, nil when unknown.
  public var line: Int?
  /// 1-based column, for well-formedness errors only.
  public var column: Int?
  /// Element path such as `/AddressPreFiling/Units/Unit[2]/Area`.
  public var path: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.path = path
  }
}

/// One problem found in one packet.
public struct Finding: Sendable, Hashable, Codable {
  public var ruleID: RuleID
  public var severity: Severity
  public var category: FindingCategory
  /// Acceptance (受理) or review (审查): only acceptance errors refuse a write.
  public var stage: RuleStage
  /// What is wrong, in Chinese and English.
  public var message: LocalizedText
  /// How the applicant can fix it.
  public var hint: LocalizedText?
  /// The law and article behind the rule, for the clerk.
  public var legalBasis: LocalizedText?
  public var location: SourceLocation
  /// The offending value, when there is one.
  public var value: String?
  /// Why a rule was not evaluated, for its info finding (no registry connected, no attachments
  /// supplied); nil for every other finding. Text and HTML reports fold these into one line.
  public var notEvaluated: NotEvaluated?

  public init(
    ruleID: RuleID, severity: Severity, category: FindingCategory, stage: RuleStage? = nil, message: LocalizedText,
    hint: LocalizedText? = nil, legalBasis: LocalizedText? = nil, location: SourceLocation,
    value: String? = nil
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.category = category
    self.stage = stage ?? .usual(for: category)
    self.message = message
    self.hint = hint
    self.legalBasis = legalBasis
    self.location = location
    self.value = value
  }

  /// The order reports print findings in: file, line, id, message, path.
  public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
    let leftLine = lhs.location.line ?? 0
    let rightLine = rhs.location.line ?? 0
    if leftLine != rightLine { return leftLine < rightLine }
    if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
    if lhs.message.en != rhs.message.en { return lhs.message.en < rhs.message.en }
    return (lhs.location.path ?? "") < (rhs.location.path ?? "")
  }
}

/// Why a rule could not be evaluated on a packet.
public enum NotEvaluated: String, Sendable, Hashable, Codable {
  /// The rule needs registry facts and no registry was connected (`--db`).
  case registry = "REGISTRY"
  /// The rule needs the attachments and the packet came as a single file.
  case attachments = "ATTACHMENTS"
}

/// The three outcomes of checking a packet, never confused.
public enum Outcome: String, Sendable, Hashable, CodedInJSON {
  /// No error findings (warnings and infos allowed).
  case accepted
  /// At least one error finding.
  case rejected
  /// The check could not be carried out (unreadable input, schema or store failure).
  case couldNotRun = "could-not-run"

  /// The outcome implied by a set of findings, with warnings promoted under `strict`.
  public static func of(_ findings: [Finding], strict: Bool = false) -> Outcome {
    let rejecting = findings.contains {
      $0.severity == .error || (strict && $0.severity == .warning)
    }
    return rejecting ? .rejected : .accepted
  }
}

extension Finding {
  /// The compiler-style report line: `file:line: error: [ID] message (path)`.
  ///
  /// Control characters in the file name, the message or the path are escaped
  /// (``TerminalText/escaped(_:)``), so a crafted file name cannot forge a finding line.
  public func reportLine(in language: Language) -> String {
    var head = TerminalText.escaped(location.file)
    if let line = location.line { head += ":\(line)" }
    var text = "\(head): \(severity.label): [\(ruleID)] "
    text += TerminalText.escaped(message.text(in: language))
    if let path = location.path { text += " (\(TerminalText.escaped(path)))" }
    return text
  }
}

extension Outcome {
  /// The code used in XML packets (`ACCEPTED`, `REJECTED`, `COULD_NOT_RUN`).
  public var code: String {
    switch self {
    case .accepted: "ACCEPTED"
    case .rejected: "REJECTED"
    case .couldNotRun: "COULD_NOT_RUN"
    }
  }
}

/// Text printed one finding a line: control characters made visible.
public enum TerminalText {
  /// `text` with newlines, carriage returns, tabs, escape and every other C0/C1 control
  /// character (and DEL) written as `\n`, `\r`, `\t` or `\u{1B}`; other text unchanged.
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      guard isControl(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}

extension Finding {
  /// Decodes a finding; one stored before findings were staged takes its category's usual stage.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    ruleID = try container.decode(RuleID.self, forKey: .ruleID)
    severity = try container.decode(Severity.self, forKey: .severity)
    category = try container.decode(FindingCategory.self, forKey: .category)
    stage = try container.decodeIfPresent(RuleStage.self, forKey: .stage) ?? .usual(for: category)
    message = try container.decode(LocalizedText.self, forKey: .message)
    hint = try container.decodeIfPresent(LocalizedText.self, forKey: .hint)
    legalBasis = try container.decodeIfPresent(LocalizedText.self, forKey: .legalBasis)
    location = try container.decode(SourceLocation.self, forKey: .location)
    value = try container.decodeIfPresent(String.self, forKey: .value)
    notEvaluated = try container.decodeIfPresent(NotEvaluated.self, forKey: .notEvaluated)
  }

  /// Whether the finding refuses a write: an error judged at acceptance.
  public var refusesAcceptance: Bool { severity == .error && stage == .acceptance }
}
