import Foundation
import OneWindowCore
import OneWindowKit
import OneWindowZip

/// What must hold for any bytes submitted as a packet, whatever they are: the check of the
/// libFuzzer target (`onewindow-fuzz`) and of the fuzz regression tests, which replay every input
/// the fuzzer ever broke.
///
/// The bytes go through the whole packet path (encoding sniffing, zip reading, hardened parsing,
/// schema validation, mapping, every rule), then through every report format, then into a
/// registry as a submission. A crash or a hang anywhere on that path is a failure of its own; the
/// checks below catch wrong answers.
public struct PacketInvariants: Sendable {
  private let oneWindow: OneWindow
  private let options: ValidationOptions
  /// One in-memory registry for every input, as a window that keeps receiving packets.
  private let registry: Registry?

  /// The repository's schemas and data, rules as of a fixed date so results are reproducible.
  public init() {
    self.oneWindow = RegistryHarness.oneWindow
    self.options = ValidationOptions(asOf: CivilDate("2026-11-20"))
    self.registry = try? RegistryHarness().registry
  }

  /// The same check from synchronous code that is not on Swift's cooperative pool (the libFuzzer
  /// callback, on its own thread).
  public func violationsWaiting(for bytes: [UInt8]) -> [String] {
    (try? Blocking.wait { await self.violations(for: bytes) }) ?? ["the check did not finish"]
  }

  /// Every broken invariant, described; empty when all hold.
  public func violations(for bytes: [UInt8]) async -> [String] {
    let report = await oneWindow.validate(bytes: bytes, name: "fuzz-input.xml", options: options)
    var problems: [String] = []

    switch report.outcome {
    case .couldNotRun:
      if report.failure == nil { problems.append("could-not-run without a failure text") }
    case .accepted, .rejected:
      if report.outcome != Outcome.of(report.findings) {
        problems.append("outcome \(report.outcome.rawValue) disagrees with its findings")
      }
    }
    if report.outcome == .rejected, report.findings.isEmpty {
      problems.append("rejected without a finding")
    }
    for finding in report.findings {
      if finding.ruleID.rawValue.isEmpty { problems.append("a finding without a rule id") }
      if finding.message.zh.isEmpty || finding.message.en.isEmpty {
        problems.append("\(finding.ruleID): a message is empty")
      }
      if let line = finding.location.line, line < 1 { problems.append("\(finding.ruleID): line \(line)") }
    }
    if report.size != nil, report.size != bytes.count, !isZip(bytes) {
      problems.append("size \(report.size ?? -1) is not the input's \(bytes.count) bytes")
    }

    // Every report format renders it; the XML report is itself a valid ValidationReport packet.
    let run = ValidationRun(packets: [report], asOf: options.asOf)
    _ = TextReportRenderer(language: .zh).render(run)
    let json = JSONReportRenderer().render(run)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
      problems.append("the JSON report does not parse")
    }
    _ = HTMLReportRenderer(oneWindow: oneWindow).render(run)
    if let problem = notAValidPacket(XMLReportRenderer(oneWindow: oneWindow).render(run), family: "report") {
      problems.append("the XML report " + problem)
    }
    problems += await submissionViolations(for: bytes)
    return problems
  }

  /// Submitted to the registry (as a pre-filing or as a tenant registration, by the input's
  /// length), the packet is kept under its receipt (XML byte for byte), the receipt is kept as
  /// issued, and the receipt is itself a valid Receipt packet.
  private func submissionViolations(for bytes: [UInt8]) async -> [String] {
    guard let registry else { return ["the in-memory registry could not be opened"] }
    let source = PacketSource(displayName: "fuzz-input.xml", kind: .memory(bytes: bytes))
    let clock = RegistryHarness.on("2026-11-20")
    let receipt: Receipt
    do {
      receipt =
        bytes.count % 2 == 0
        ? try await registry.submitPreFiling(source, by: Taixingli.entryClerk, clock: clock)
        : try await registry.register(source, by: Taixingli.entryClerk, clock: clock)
    } catch {
      return ["submission failed: \(error)"]
    }
    var problems: [String] = []
    if (try? await registry.receipt(receipt.number)) != receipt { problems.append("receipt \(receipt.number) not kept as issued") }
    if receipt.packetSize != bytes.count { problems.append("the receipt records \(receipt.packetSize ?? -1) bytes, not \(bytes.count)") }
    if receipt.packetStored == false {
      // Over the size limit: refused with SEC-002, recorded by size and digest, not kept.
      if receipt.outcome != .rejected || !receipt.findings.contains(where: { $0.ruleID == "SEC-002" }) {
        problems.append("a packet that was not kept is not refused with SEC-002")
      }
      if receipt.packetSHA256 != PacketIntake.sha256(bytes) { problems.append("the receipt's digest is not the input's") }
      if (try? await registry.packet(forReceipt: receipt.number)) != nil { problems.append("a packet over the limit was stored") }
    } else if let stored = try? await registry.packet(forReceipt: receipt.number) {
      // A zip that could be read is kept as its packet.xml plus attachments; anything else verbatim.
      if stored.bytes != bytes, !isZip(bytes) { problems.append("the stored packet differs from the submitted bytes") }
      if stored.sha256 != receipt.packetSHA256 { problems.append("the receipt's packet digest is not the stored packet's") }
    } else {
      problems.append("no packet stored under \(receipt.number)")
    }
    if let problem = notAValidPacket(receipt.xml, family: "receipt") { problems.append("the receipt " + problem) }
    return problems
  }

  /// Why `xml`, which OneWindow wrote, is not an accepted packet of `family`; nil when it is.
  private func notAValidPacket(_ xml: String, family: String) -> String? {
    let check = oneWindow.validate(bytes: Array(xml.utf8), name: family + ".xml", options: options)
    guard check.family != family || check.outcome != .accepted else { return nil }
    let first = check.findings.first.map { "\($0.ruleID) \($0.location.path ?? "") \($0.message.en)" } ?? ""
    return "is not a valid \(family) packet: \(check.outcome.rawValue) \(first)"
  }

  private func isZip(_ bytes: [UInt8]) -> Bool { ZipPacketReader.isZip(bytes) }
}
