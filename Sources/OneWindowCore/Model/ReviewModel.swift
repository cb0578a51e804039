/// One reason of a review decision.
public struct DecisionReason: Sendable, Hashable {
  public var ruleRef: String?
  public var text: String

  public init(ruleRef: String? = nil, text: String) {
    self.ruleRef = ruleRef
    self.text = text
  }
}

/// An inspector on an on-site inspection.
public struct Inspector: Sendable, Hashable {
  public var staffNumber: String
  public var name: String

  public init(staffNumber: String, name: String) {
    self.staffNumber = staffNumber
    self.name = name
  }
}

/// An on-site inspection record.
public struct Inspection: Sendable, Hashable {
  @Located public var inspectedOn: CivilDate? = nil
  @Located public var inspectors: [Inspector] = []
  @Located public var result: InspectionResult = .pass
  public var notes: String?
  public var node: NodeRef = .none

  public init() {}
}

/// What a review decision is about.
public enum DecisionSubject: Sendable, Hashable {
  case preFiling(String)
  /// A submitted pre-filing not numbered yet, by its submission receipt.
  case submission(String)
  case bundleTrack(String, Track)
}

/// A clerk's review decision packet.
public struct ReviewDecision: Sendable, Hashable {
  public var header = PacketHeader()
  public var subject: DecisionSubject
  @Located public var decision: DecisionKind
  public var clerk: String
  public var clerkName: String?
  @Located public var decidedOn: CivilDate? = nil
  public var reasons: [DecisionReason] = []
  public var validFrom: CivilDate?
  @Located public var validUntil: CivilDate? = nil
  public var inspection: Inspection?
  @Located public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(subject: DecisionSubject, decision: DecisionKind, clerk: String) {
    self.subject = subject
    self.decision = decision
    self.clerk = clerk
  }
}
