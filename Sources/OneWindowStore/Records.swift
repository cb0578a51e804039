/// A packet as received, stored verbatim whatever its outcome.
package struct StoredPacket: Sendable, Hashable {
  package var sha256: String
  package var family: String?
  package var root: String?
  package var source: String
  package var bytes: [UInt8]
  package var attachments: [String: [UInt8]]
  package var receivedAt: String
  package var operation: String
  package var actorRole: String
  package var actorID: String
  package var outcome: String

  package init(
    sha256: String, family: String?, root: String?, source: String, bytes: [UInt8],
    attachments: [String: [UInt8]] = [:], receivedAt: String, operation: String, actorRole: String,
    actorID: String, outcome: String
  ) {
    self.sha256 = sha256
    self.family = family
    self.root = root
    self.source = source
    self.bytes = bytes
    self.attachments = attachments
    self.receivedAt = receivedAt
    self.operation = operation
    self.actorRole = actorRole
    self.actorID = actorID
    self.outcome = outcome
  }
}

/// A receipt row.
package struct ReceiptRow: Sendable, Hashable {
  package var number: String
  package var issuedAt: String
  package var operation: String
  package var actorRole: String
  package var actorID: String
  package var packetID: Int64?
  package var outcome: String
  package var subject: String?
  package var dueOn: String?
  package var savedCount: Int?
  package var savedPercent: Double?
  package var resubmits: String?
  /// The whole receipt as JSON (findings included), as the caller encoded it.
  package var body: String
  package var auditSequence: Int64
  package var auditHead: String
  /// The receipt packet (XML, valid against the receipt schema).
  package var document: String
  /// The real time it was written (UTC); nil on receipts from before times were recorded.
  package var recordedAt: String?
  /// The business date it applies to.
  package var businessDate: String?
  /// The business date lies before the day it was written.
  package var backdated: Bool

  package init(
    number: String, issuedAt: String, operation: String, actorRole: String, actorID: String,
    packetID: Int64?, outcome: String, subject: String?, dueOn: String?, savedCount: Int?,
    savedPercent: Double?, resubmits: String?, body: String, auditSequence: Int64,
    auditHead: String, document: String, recordedAt: String? = nil, businessDate: String? = nil, backdated: Bool = false
  ) {
    self.recordedAt = recordedAt
    self.businessDate = businessDate
    self.backdated = backdated
    self.number = number
    self.issuedAt = issuedAt
    self.operation = operation
    self.actorRole = actorRole
    self.actorID = actorID
    self.packetID = packetID
    self.outcome = outcome
    self.subject = subject
    self.dueOn = dueOn
    self.savedCount = savedCount
    self.savedPercent = savedPercent
    self.resubmits = resubmits
    self.body = body
    self.auditSequence = auditSequence
    self.auditHead = auditHead
    self.document = document
  }
}

/// One event of the append-only audit log.
package struct AuditEvent: Sendable, Hashable {
  package var sequence: Int64
  /// The business time the event applies to.
  package var at: String
  /// The real time it was written (UTC); nil for events from before times were recorded.
  package var recordedAt: String?
  package var actorRole: String
  package var actorID: String
  package var action: String
  package var subject: String
  package var detail: String
  package var previousHash: String
  package var hash: String
}

/// The newest audit event: its sequence and hash (recorded on every receipt).
package struct AuditHead: Sendable, Hashable {
  package var sequence: Int64
  package var hash: String

  package init(sequence: Int64, hash: String) {
    self.sequence = sequence
    self.hash = hash
  }

  package static let genesis = AuditHead(sequence: 0, hash: String(repeating: "0", count: 64))
}

/// A pre-filing row (current state).
package struct PreFilingRow: Sendable, Hashable {
  package var id: Int64
  package var number: String?
  package var status: String
  package var ownerName: String
  package var ownerIdentity: String
  package var premisesName: String
  package var address: String
  package var multiLicenceMode: String?
  /// Building-wide papers a tenant need not submit (declaration, owner's licence, plans…).
  package var buildingMaterials: Int
  package var validFrom: String?
  package var validUntil: String?
  package var version: Int
  package var submittedReceipt: String
  package var submittedByRole: String
  package var submittedByID: String
  package var decidedBy: String?
  package var reason: String?
  package var updatedAt: String

  package init(
    id: Int64 = 0, number: String? = nil, status: String, ownerName: String, ownerIdentity: String,
    premisesName: String, address: String, multiLicenceMode: String?, buildingMaterials: Int = 0,
    validFrom: String? = nil,
    validUntil: String? = nil, version: Int = 1, submittedReceipt: String, submittedByRole: String,
    submittedByID: String, decidedBy: String? = nil, reason: String? = nil, updatedAt: String
  ) {
    self.id = id
    self.number = number
    self.status = status
    self.ownerName = ownerName
    self.ownerIdentity = ownerIdentity
    self.premisesName = premisesName
    self.address = address
    self.multiLicenceMode = multiLicenceMode
    self.buildingMaterials = buildingMaterials
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.version = version
    self.submittedReceipt = submittedReceipt
    self.submittedByRole = submittedByRole
    self.submittedByID = submittedByID
    self.decidedBy = decidedBy
    self.reason = reason
    self.updatedAt = updatedAt
  }
}

/// A unit of a pre-filing (all versions; `retiredIn` marks the version that retired it).
package struct UnitRow: Sendable, Hashable {
  package var unitID: String
  package var floor: String
  package var room: String
  package var area: Double
  package var plannedUse: String
  package var capacity: Int
  /// Comma-separated feature codes.
  package var features: String
  package var hasConsent: Bool
  /// How many pre-filing materials a tenant of this unit need not submit.
  package var proofMaterials: Int
  package var addedIn: Int
  package var retiredIn: Int?

  package init(
    unitID: String, floor: String, room: String, area: Double, plannedUse: String, capacity: Int,
    features: String, hasConsent: Bool, proofMaterials: Int, addedIn: Int, retiredIn: Int? = nil
  ) {
    self.unitID = unitID
    self.floor = floor
    self.room = room
    self.area = area
    self.plannedUse = plannedUse
    self.capacity = capacity
    self.features = features
    self.hasConsent = hasConsent
    self.proofMaterials = proofMaterials
    self.addedIn = addedIn
    self.retiredIn = retiredIn
  }
}

/// A property proof of a pre-filing (all versions; `replacedIn` marks the version that replaced it).
package struct ProofRow: Sendable, Hashable {
  package var proofID: String
  package var type: String
  package var number: String
  package var plannedUse: String
  /// Comma-separated unit ids.
  package var covers: String
  package var materialFile: String
  package var addedIn: Int
  package var replacedIn: Int?
  /// Who issued it (nil for proofs filed before issuers were kept).
  package var issuer: String?

  package init(
    proofID: String, type: String, number: String, plannedUse: String, covers: String,
    materialFile: String, addedIn: Int, replacedIn: Int? = nil, issuer: String? = nil
  ) {
    self.issuer = issuer
    self.proofID = proofID
    self.type = type
    self.number = number
    self.plannedUse = plannedUse
    self.covers = covers
    self.materialFile = materialFile
    self.addedIn = addedIn
    self.replacedIn = replacedIn
  }
}

/// A tenant's occupation of a unit.
package struct TenancyRow: Sendable, Hashable {
  package var id: Int64
  package var preFilingID: Int64
  package var unitID: String
  package var tenantName: String
  package var tenantIdentity: String?
  package var activity: String
  package var termStart: String
  package var termEnd: String
  package var registeredOn: String
  package var receiptNumber: String
  package var bundleNumber: String?
  package var endedOn: String?

  package init(
    id: Int64 = 0, preFilingID: Int64, unitID: String, tenantName: String, tenantIdentity: String?,
    activity: String, termStart: String, termEnd: String, registeredOn: String,
    receiptNumber: String, bundleNumber: String? = nil, endedOn: String? = nil
  ) {
    self.id = id
    self.preFilingID = preFilingID
    self.unitID = unitID
    self.tenantName = tenantName
    self.tenantIdentity = tenantIdentity
    self.activity = activity
    self.termStart = termStart
    self.termEnd = termEnd
    self.registeredOn = registeredOn
    self.receiptNumber = receiptNumber
    self.bundleNumber = bundleNumber
    self.endedOn = endedOn
  }
}
