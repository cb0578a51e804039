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
  public var inspectedOn: CivilDate?
  public var inspectors: [Inspector] = []
  public var result: InspectionResult = .pass
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
  public var decision: DecisionKind
  public var clerk: String
  public var clerkName: String?
  public var decidedOn: CivilDate?
  public var reasons: [DecisionReason] = []
  public var validFrom: CivilDate?
  public var validUntil: CivilDate?
  public var inspection: Inspection?
  public var materials: [Material] = []
  public var node: NodeRef = .none

  public init(subject: DecisionSubject, decision: DecisionKind, clerk: String) {
    self.subject = subject
    self.decision = decision
    self.clerk = clerk
  }
}
