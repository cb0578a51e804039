import OneWindowCore
import OneWindowXML
public import OneWindowValidation

/// The `ValidationReport` packet (valid against `Schemas/report/ValidationReport-v1.xsd`): the
/// run's summary and every packet with its findings in both languages, hints, legal basis and
/// the Chinese label of the field each finding points at.
public struct XMLReportRenderer: Sendable {
  let labels: FieldLabels
  private let longText = XMLWriter.longText
  private let shortText = XMLWriter.shortText

  public init(oneWindow: OneWindow) { labels = FieldLabels(schemas: oneWindow.schemas) }

  public func render(_ run: ValidationRun) -> String {
    var out = XMLWriter()
    let summary = run.summary
    out.open("ValidationReport", attributes: ["xmlns": "urn:onewindow:report:v1"])
    out.element("Tool", "onewindow")
    out.element("Version", OneWindowVersion.current)
    if let asOf = run.asOf { out.element("AsOf", asOf.description) }
    if let ruleSetDate = run.ruleSetDate { out.element("RuleSetDate", ruleSetDate.description) }
    out.element("Strict", run.strict ? "true" : "false")
    out.element("Outcome", run.outcome.code)
    out.open("Summary")
    for (name, value) in [
      ("Packets", summary.packets), ("Accepted", summary.accepted), ("Rejected", summary.rejected),
      ("CouldNotRun", summary.couldNotRun), ("Errors", summary.errors), ("Warnings", summary.warnings),
      ("Infos", summary.infos),
    ] {
      out.element(name, String(value))
    }
    out.close("Summary")
    for packet in run.packets.sorted(by: { $0.source < $1.source }) {
      out.open("Packet")
      out.element("Source", packet.source.isEmpty ? "-" : packet.source, limit: longText)
      if let family = packet.family { out.element("Family", family, limit: shortText) }
      if let root = packet.root { out.element("Root", root, limit: shortText) }
      if let sha = packet.sha256 { out.element("SHA256", sha) }
      if let size = packet.size { out.element("Size", String(size)) }
      out.element("Outcome", packet.outcome.code)
      if let failure = packet.failure, !failure.isEmpty { out.element("Failure", failure, limit: longText) }
      if let diff = packet.resubmission {
        out.open("Resubmission", attributes: ["resubmits": diff.resubmits])
        for (name, findings) in [("Resolved", diff.resolved), ("StillPresent", diff.stillPresent), ("New", diff.new)] {
          out.element(name, findings.map(\.ruleID.rawValue).joined(separator: " "), attributes: ["count": String(findings.count)])
        }
        out.close("Resubmission")
      }
      for finding in packet.findings {
        out.open("Finding")
        out.element("RuleId", finding.ruleID.rawValue)
        out.element("Severity", finding.severity.rawValue.uppercased())
        out.element("Category", finding.category.rawValue)
        out.element("Stage", finding.stage.code)
        if let line = finding.location.line { out.element("Line", String(line)) }
        if let column = finding.location.column { out.element("Column", String(column)) }
        if let path = finding.location.path, !path.isEmpty { out.element("Path", path, limit: longText) }
        if let value = finding.value, !value.isEmpty { out.element("Value", value, limit: longText) }
        if let label = labels.label(family: packet.family, path: finding.location.path) { out.element("Label", label, limit: shortText) }
        out.element("MessageZh", finding.message.zh, limit: longText)
        out.element("MessageEn", finding.message.en, limit: longText)
        if let hint = finding.hint {
          out.element("HintZh", hint.zh, limit: longText)
          out.element("HintEn", hint.en, limit: longText)
        }
        if let basis = finding.legalBasis {
          out.element("BasisZh", basis.zh, limit: longText)
          out.element("BasisEn", basis.en, limit: longText)
        }
        out.close("Finding")
      }
      out.close("Packet")
    }
    out.close("ValidationReport")
    return out.text
  }
}

/// The Chinese labels the schemas give their elements, by family and element path.
struct FieldLabels: Sendable {
  let schemas: SchemaSet

  /// The label of the element at `path` (`/AddressPreFiling/Owner/Organisation/USCC`).
  func label(family: String?, path: String?) -> String? {
    guard let family, let path, let entry = schemas.entries.first(where: { $0.family == family }) else { return nil }
    return entry.label(forPath: path)
  }

  /// The packet section a path falls in: the root's child, as `(path, label)`.
  func section(family: String?, path: String?) -> (key: String, label: String?) {
    guard let path else { return ("", nil) }
    let steps = path.split(separator: "/")
    guard steps.count >= 2 else { return ("", nil) }
    let key = "/" + steps[0] + "/" + steps[1]
    let name = steps[1].split(separator: "[").first.map(String.init) ?? String(steps[1])
    return (name, label(family: family, path: key))
  }
}
