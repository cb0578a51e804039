import OneWindowCore
import OneWindowValidation

/// Review-decision packets built from a clerk's flags, so every decision is stored as a packet.
enum DecisionPacket {
  static func build(
    subject: DecisionSubject, kind: DecisionKind, clerk clock: RegistryClock, staff: String, reasons: [String],
    validity: (CivilDate?, CivilDate?)?, inspection: (date: CivilDate, inspectors: [String], result: InspectionResult)? = nil
  ) -> ReceivedPacket {
    var out = XMLWriter()
    out.open("ReviewDecision", attributes: ["xmlns": "urn:onewindow:decision:v1"])
    out.open("Header")
    let subjectText: String
    switch subject {
    case .preFiling(let number): subjectText = number
    case .submission(let receipt): subjectText = receipt
    case .bundleTrack(let number, let track): subjectText = "\(number)-\(track.rawValue)"
    }
    out.element("PacketId", "RD-\(subjectText)-\(kind.rawValue)".filter { $0.isASCII })
    out.element("SchemaVersion", PacketHeader.schemaVersion)
    out.element("CreatedAt", clock.now)
    out.element("Channel", "WINDOW")
    out.close("Header")
    switch subject {
    case .preFiling(let number): out.element("PreFilingNumber", number)
    case .submission(let receipt): out.element("SubmissionReceipt", receipt)
    case .bundleTrack(let number, let track):
      out.element("BundleNumber", number)
      out.element("Track", track.rawValue)
    }
    out.element("Decision", kind.rawValue)
    out.open("Clerk")
    out.element("StaffNumber", staff)
    out.close("Clerk")
    out.element("DecidedOn", clock.today.description)
    if !reasons.isEmpty {
      out.open("Reasons")
      for reason in reasons {
        out.open("Reason")
        let ruleID = RuleID.cited(by: reason)?.rawValue
        if let ruleID { out.element("RuleRef", ruleID) }
        out.element("Text", reason)
        out.close("Reason")
      }
      out.close("Reasons")
    }
    if let (from, until) = validity, let from, let until {
      out.open("Validity")
      out.element("ValidFrom", from.description)
      out.element("ValidUntil", until.description)
      out.close("Validity")
    }
    if let inspection {
      out.open("Inspection")
      out.element("InspectedOn", inspection.date.description)
      out.open("Inspectors")
      for inspector in inspection.inspectors {
        out.open("Inspector")
        out.element("StaffNumber", inspector)
        out.element("Name", inspector)
        out.close("Inspector")
      }
      out.close("Inspectors")
      out.element("Result", inspection.result.rawValue)
      out.close("Inspection")
    }
    out.close("ReviewDecision")
    let bytes = Array(out.text.utf8)
    return ReceivedPacket.generated(bytes, name: "decision:\(subjectText)")
  }
}
