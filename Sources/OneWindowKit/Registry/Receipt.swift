public import OneWindowCore

/// The answer to every write command: what was received, the outcome, the findings, and the
/// audit-chain head at that moment (so deleting the newest audit events is detectable too).
public struct Receipt: Sendable, Hashable, Codable {
  public var number: String
  public var issuedAt: String
  /// `prefile.submit`, `prefile.review`, `register`, `bundle.issue`…
  public var operation: String
  public var actorRole: ActorRole
  public var actorID: String
  public var outcome: Outcome
  /// The pre-filing, bundle or receipt the operation concerns.
  public var subject: String?
  public var packetSHA256: String?
  public var packetID: String?
  public var packetFamily: String?
  public var dueOn: CivilDate?
  /// Materials the tenant did not have to submit thanks to the pre-filing.
  public var materialsSaved: MaterialsSaved?
  public var resubmits: String?
  /// Numbers issued or replaced by this operation (bundle issuance).
  public var licences: IssuedLicences?
  /// Reasons of an adverse decision; a rejected bundle lists both tracks'.
  public var reasons: [Reason] = []
  /// For a packet naming an earlier receipt: the findings resolved, still present and new.
  public var resubmission: ResubmissionDiff?
  public var findings: [Finding]
  public var auditSequence: Int64
  public var auditHead: String

  /// The licence numbers on the certificates issued.
  public struct IssuedLicences: Sendable, Hashable, Codable {
    public var uscc: String?
    public var foodLicenceNumber: String?

    public init(uscc: String?, foodLicenceNumber: String?) {
      self.uscc = uscc
      self.foodLicenceNumber = foodLicenceNumber
    }
  }

  /// A reason given by a clerk, with the track it belongs to.
  public struct Reason: Sendable, Hashable, Codable {
    public var track: Track?
    public var text: String

    public init(track: Track?, text: String) {
      self.track = track
      self.text = text
    }
  }

  /// Count and share of materials saved.
  public struct MaterialsSaved: Sendable, Hashable, Codable {
    public var count: Int
    public var percent: Double
    /// What the full proof set for the unit would have been.
    public var fullSet: Int

    public init(count: Int, percent: Double, fullSet: Int) {
      self.count = count
      self.percent = percent
      self.fullSet = fullSet
    }
  }
}

extension Receipt {
  /// The receipt as a `Receipt` packet (valid against `Schemas/receipt/Receipt-v1.xsd`).
  public var xml: String {
    var out = XMLWriter()
    out.open("Receipt", attributes: ["xmlns": "urn:onewindow:receipt:v1"])
    out.element("Number", number)
    out.element("IssuedAt", issuedAt)
    out.element("Operation", operation)
    out.empty("Actor", attributes: ["role": actorRole.rawValue, "id": actorID])
    if let packetSHA256 {
      out.open("Packet")
      out.element("SHA256", packetSHA256)
      if let packetID { out.element("PacketId", packetID) }
      if let packetFamily { out.element("Family", packetFamily) }
      out.close("Packet")
    }
    out.element("Outcome", outcome.code)
    if let subject, subject.hasPrefix("YBA-") { out.element("PreFilingNumber", subject) }
    if let subject, subject.hasPrefix("YJS-") { out.element("BundleNumber", subject) }
    if let dueOn { out.element("DueOn", dueOn.description) }
    if let materialsSaved {
      out.open("MaterialsSaved")
      out.element("Count", String(materialsSaved.count))
      out.element("Percent", String(format1: materialsSaved.percent))
      out.close("MaterialsSaved")
    }
    if let resubmits { out.element("Resubmits", resubmits) }
    if let licences {
      out.open("Licences")
      if let uscc = licences.uscc { out.element("USCC", uscc) }
      if let number = licences.foodLicenceNumber { out.element("FoodLicenceNumber", number) }
      out.close("Licences")
    }
    if !reasons.isEmpty {
      out.open("Reasons")
      for reason in reasons {
        if let track = reason.track {
          out.element("Reason", reason.text, attributes: ["track": track.rawValue])
        } else {
          out.element("Reason", reason.text)
        }
      }
      out.close("Reasons")
    }
    if let resubmission {
      out.open("Resubmission")
      for (name, findings) in [("Resolved", resubmission.resolved), ("StillPresent", resubmission.stillPresent), ("New", resubmission.new)] {
        out.open(name, attributes: ["count": String(findings.count)])
        for finding in findings {
          out.open("Finding")
          out.element("RuleId", finding.ruleID.rawValue)
          if let path = finding.location.path, !path.isEmpty { out.element("Path", path, limit: XMLWriter.longText) }
          out.close("Finding")
        }
        out.close(name)
      }
      out.close("Resubmission")
    }
    if !findings.isEmpty {
      out.open("Findings")
      for finding in findings {
        out.open("Finding")
        out.element("RuleId", finding.ruleID.rawValue)
        out.element("Severity", finding.severity.rawValue.uppercased())
        if let line = finding.location.line { out.element("Line", String(line)) }
        if let path = finding.location.path, !path.isEmpty { out.element("Path", path, limit: XMLWriter.longText) }
        if let value = finding.value, !value.isEmpty { out.element("Value", value, limit: XMLWriter.longText) }
        out.element("MessageZh", finding.message.zh, limit: XMLWriter.longText)
        out.element("MessageEn", finding.message.en, limit: XMLWriter.longText)
        out.close("Finding")
      }
      out.close("Findings")
    }
    out.open("AuditChain")
    out.element("Sequence", String(auditSequence))
    out.element("Head", auditHead)
    out.close("AuditChain")
    out.close("Receipt")
    return out.text
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

extension String {
  /// One decimal, without Foundation formatting (12.5, 100.0).
  init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(abs(tenths % 10))"
  }
}

/// A tiny XML writer with escaping, for the packets OneWindow produces.
struct XMLWriter {
  private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  private var depth = 0

  static func escape(_ value: String) -> String {
    guard needsEscaping(value) else { return value }
    var out = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out.append(contentsOf: "&amp;".unicodeScalars)
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
      default: appendVisible(scalar, to: &out)
      }
    }
    return String(out)
  }

  /// Appends `scalar`, or `\u{…}` for one XML 1.0 has no place for (a control character other
  /// than tab, newline and carriage return; U+FFFE; U+FFFF).
  private static func appendVisible(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
    if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
      || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    {
      out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
    } else {
      out.append(scalar)
    }
  }

  /// Whether `escape` would change anything: a byte of `&<>"`, a control character other than
  /// tab, newline and carriage return, or U+FFFE or U+FFFF. Without one, every character is
  /// appended as it is.
  private static func needsEscaping(_ value: String) -> Bool {
    var value = value
    return value.withUTF8 { bytes in
      for (index, byte) in bytes.enumerated() {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
        case 0x09, 0x0A, 0x0D: continue
        case 0..<0x20: return true
        case 0xEF:
          if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
            return true
          }
        default: continue
        }
      }
      return false
    }
  }

  private func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
    attributes.map { " \($0.key)=\"\(Self.escape($0.value))\"" }.joined()
  }

  mutating func open(_ name: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))>\n"
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    text += String(repeating: "  ", count: depth) + "</\(name)>\n"
  }

  mutating func element(_ name: String, _ value: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))>\(Self.escape(value))</\(name)>\n"
  }

  /// `maxLength` of the common schema's `LongText` and `ShortText`: text from a packet (a
  /// libxml2 message quoting a huge value, the path of an overlong element name) is cut to fit.
  static let longText = 2000
  static let shortText = 100

  /// An element whose text holds at most `limit` characters once parsed (Unicode scalars, as
  /// XSD's `maxLength` counts them): control characters are first spelt `\u{…}` as `escape`
  /// does, then overlong text is cut and ends in "…".
  mutating func element(_ name: String, _ value: String, limit: Int) {
    element(name, Self.clipped(value, to: limit))
  }

  static func clipped(_ value: String, to limit: Int) -> String {
    var visible = String.UnicodeScalarView()
    for scalar in value.unicodeScalars { appendVisible(scalar, to: &visible) }
    guard visible.count > limit else { return String(visible) }
    return String(String.UnicodeScalarView(visible.prefix(limit - 1))) + "…"
  }


  mutating func empty(_ name: String, attributes: KeyValuePairs<String, String> = [:]) {
    text += String(repeating: "  ", count: depth) + "<\(name)\(attributeText(attributes))/>\n"
  }
}
