public import OneWindowCore
public import OneWindowValidation

/// The answer to every write command: what was received, the outcome, the findings, and the
/// audit-chain head at that moment (so deleting the newest audit events is detectable too).
public struct Receipt: Sendable, Hashable, Codable {
  public var number: String
  /// A dry run's preview: nothing was written, and ``number`` is ``Receipt/previewNumber``.
  public var preview: Bool?
  /// The business time the operation applies to (Beijing time).
  public var issuedAt: String
  /// The real time the receipt was written, UTC (nil on receipts from before it was recorded).
  public var recordedAt: String?
  /// The business date the operation applies to.
  public var businessDate: CivilDate?
  /// True when the business date lies before the day the receipt was written (补录).
  public var backdated: Bool?
  /// The account, service centre and request a write came from over the service.
  public var origin: OperationOrigin?
  /// The service centre that accepted the packet (a 街道 code such as `370202005`, or the code of
  /// another centre): the signed-in clerk's centre over the service, else the centre the caller
  /// named, else the acting clerk account's centre. Nil when none is known (self-service online,
  /// or a local write that named none): `onewindow stats` counts those under "unknown".
  public var serviceCentre: String?
  /// `prefile.submit`, `prefile.review`, `register`, `bundle.issue`…
  public var operation: String
  public var actorRole: ActorRole
  public var actorID: String
  public var outcome: Outcome
  /// The pre-filing, bundle or receipt the operation concerns.
  public var subject: String?
  /// Who and what the operation concerns (applicant, business name, premises, unit), for the
  /// printed 回执: read from the packet, else from the record of ``subject``. Nil when neither
  /// names them (a packet that did not parse, or receipts from before it was recorded).
  public var particulars: PacketParticulars?
  public var packetSHA256: String?
  public var packetID: String?
  public var packetFamily: String?
  /// Size in bytes of what was received (the whole archive for a zip packet).
  public var packetSize: Int?
  /// Whether the packet's bytes are kept in the registry: false for input over the size limit,
  /// of which only the size and SHA-256 are recorded.
  public var packetStored: Bool?
  public var dueOn: CivilDate?
  /// True when the due date counts days of a year whose holiday schedule is not yet published
  /// (or late December, which next year's notice may change): completed when it is.
  public var dueProvisional: Bool?
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
    /// The permits of a bundle of another definition, by track (its business licence's USCC is
    /// `uscc`); nil for a restaurant.
    public var permits: [IssuedPermit]?

    public init(uscc: String?, foodLicenceNumber: String?, permits: [IssuedPermit]? = nil) {
      self.uscc = uscc
      self.foodLicenceNumber = foodLicenceNumber
      self.permits = permits
    }
  }

  /// One permit's number on a receipt.
  public struct IssuedPermit: Sendable, Hashable, Codable {
    public var track: Track
    public var number: String

    public init(track: Track, number: String) {
      self.track = track
      self.number = number
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
    if preview == true { out.element("Preview", "true") }
    out.element("IssuedAt", issuedAt)
    if let recordedAt { out.element("RecordedAt", recordedAt) }
    if let businessDate { out.element("BusinessDate", businessDate.description) }
    if backdated == true { out.element("Backdated", "true") }
    out.element("Operation", operation)
    out.empty("Actor", attributes: ["role": actorRole.rawValue, "id": actorID])
    if let origin {
      if let centre = origin.serviceCentre {
        out.empty("Origin", attributes: ["account": origin.account, "serviceCentre": centre, "requestId": origin.requestID])
      } else {
        out.empty("Origin", attributes: ["account": origin.account, "requestId": origin.requestID])
      }
    }
    if let serviceCentre { out.element("ServiceCentre", serviceCentre) }
    if let particulars, !particulars.isEmpty {
      out.open("Particulars")
      for (name, value) in [
        ("ApplicantName", particulars.applicantName), ("ApplicantIdentity", particulars.applicantIdentity),
        ("BusinessName", particulars.businessName), ("Premises", particulars.premises),
        ("PreFilingNumber", particulars.preFilingNumber),
      ] {
        if let value, !value.isEmpty { out.element(name, value, limit: XMLWriter.longText) }
      }
      for unit in (particulars.units ?? []).prefix(500) where !unit.isEmpty { out.element("Unit", unit, limit: XMLWriter.longText) }
      out.close("Particulars")
    }
    if let packetSHA256 {
      out.open("Packet")
      out.element("SHA256", packetSHA256)
      if let packetID { out.element("PacketId", packetID) }
      if let packetFamily { out.element("Family", packetFamily) }
      if let packetSize { out.element("Size", String(packetSize)) }
      if let packetStored { out.element("Stored", packetStored ? "true" : "false") }
      out.close("Packet")
    }
    out.element("Outcome", outcome.code)
    if let subject, subject.hasPrefix("YBA-") { out.element("PreFilingNumber", subject) }
    if let subject, subject.hasPrefix("YJS-") { out.element("BundleNumber", subject) }
    if let dueOn {
      out.element("DueOn", dueOn.description, attributes: dueProvisional == true ? ["provisional": "true"] : [:])
    }
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
      for permit in licences.permits ?? [] { out.element("Permit", permit.number, attributes: ["track": permit.track.rawValue]) }
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
        out.element("Stage", finding.stage.code)
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

extension Receipt {
  /// The number a preview receipt carries: never allocated (day 0000-00-00).
  public static let previewNumber = "RCPT-00000000-000000"
}

extension Receipt {
  /// The operation in words (`prefile.submit` → 住所预备案申报), for printed receipts; nil for a
  /// name this version does not know.
  public static func operationLabel(_ name: String) -> LocalizedText? {
    switch name {
    case "prefile.submit": LocalizedText("住所预备案申报", "Address pre-filing submitted")
    case "prefile.review": LocalizedText("住所预备案审查决定", "Address pre-filing reviewed")
    case "prefile.amend": LocalizedText("住所预备案变更", "Address pre-filing amended")
    case "prefile.withdraw": LocalizedText("住所预备案撤回", "Address pre-filing withdrawn")
    case "prefile.revoke": LocalizedText("住所预备案撤销", "Address pre-filing revoked")
    case "register": LocalizedText("入驻登记", "Tenant address registration")
    case "bundle.submit": LocalizedText("“一件事”申请", "One-thing application")
    case "bundle.decide": LocalizedText("“一件事”审批决定", "One-thing track decision")
    case "bundle.objection": LocalizedText("简易注销异议登记", "Objection to a simplified cancellation")
    case "bundle.issue": LocalizedText("统一出证", "Unified issuance")
    default: nil
    }
  }
}
