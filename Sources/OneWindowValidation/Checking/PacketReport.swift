public import OneWindowCore

/// The result of checking one packet.
public struct PacketReport: Sendable, Hashable, Codable {
  /// The packet as the user named it.
  public var source: String
  /// The packet family (`prefiling`, `bundle`, …) when its root element is known.
  public var family: String?
  /// The root element's local name.
  public var root: String?
  /// SHA-256 of the packet bytes as received (lower-case hex), when computed.
  public var sha256: String?
  /// Size in bytes as received.
  public var size: Int?
  public var outcome: Outcome
  /// Sorted in report order.
  public var findings: [Finding]
  /// Why the packet could not be checked, for ``Outcome/couldNotRun``.
  public var failure: String?
  /// For a packet naming the receipt of an earlier one (`Resubmits`), checked with a registry:
  /// the findings resolved, still present and new.
  public var resubmission: ResubmissionDiff?
  /// The packet's own id (`Header/PacketId`), when it could be read.
  public var packetID: String?
  /// The applicant, business name, premises and units the packet names, when it could be read.
  public var particulars: PacketParticulars?

  public init(
    source: String, family: String? = nil, root: String? = nil, sha256: String? = nil,
    size: Int? = nil, outcome: Outcome, findings: [Finding] = [], failure: String? = nil
  ) {
    self.source = source
    self.family = family
    self.root = root
    self.sha256 = sha256
    self.size = size
    self.outcome = outcome
    self.findings = findings
    self.failure = failure
  }

  public var errorCount: Int { findings.count { $0.severity == .error } }
  public var warningCount: Int { findings.count { $0.severity == .warning } }
  public var infoCount: Int { findings.count { $0.severity == .info } }
}

/// The result of one `validate` run over many packets.
public struct ValidationRun: Sendable, Hashable, Codable {
  public var packets: [PacketReport]
  /// The reference date the rules used.
  public var asOf: CivilDate?
  public var strict: Bool
  /// The date whose rule set ran, when it is not the reference date.
  public var ruleSetDate: CivilDate?

  public init(packets: [PacketReport], asOf: CivilDate? = nil, strict: Bool = false, ruleSetDate: CivilDate? = nil) {
    self.packets = packets
    self.asOf = asOf
    self.strict = strict
    self.ruleSetDate = ruleSetDate
  }

  /// Counts for the summary line.
  public struct Summary: Sendable, Hashable, Codable {
    public var packets = 0
    public var accepted = 0
    public var rejected = 0
    public var couldNotRun = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init() {}

    /// Counts one more packet.
    public mutating func add(_ packet: PacketReport) {
      packets += 1
      switch packet.outcome {
      case .accepted: accepted += 1
      case .rejected: rejected += 1
      case .couldNotRun: couldNotRun += 1
      }
      for finding in packet.findings {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
      }
    }

    /// The outcome of the packets counted: could-not-run wins over rejected, which wins over
    /// accepted (the same as ``ValidationRun/outcome``).
    public var outcome: Outcome {
      couldNotRun > 0 ? .couldNotRun : rejected > 0 ? .rejected : .accepted
    }
  }

  public var summary: Summary {
    var summary = Summary()
    for packet in packets { summary.add(packet) }
    return summary
  }

  /// The outcome of the whole run: could-not-run wins over rejected, which wins over accepted.
  public var outcome: Outcome {
    if packets.contains(where: { $0.outcome == .couldNotRun }) { return .couldNotRun }
    if packets.contains(where: { $0.outcome == .rejected }) { return .rejected }
    return .accepted
  }
}
