import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowStore
public import OneWindowValidation

extension Registry {
  /// A tenant registers its address in a pre-filed unit with only an entry agreement.
  ///
  /// The packet is checked against the registry inside the write transaction (TR-001 in force,
  /// TR-002 lessor is owner, TR-003 unit in scope, TR-004 capacity, TR-005 planned use, …), so
  /// two tenants racing for the last place get one acceptance and one TR-004 refusal. When
  /// accepted, the tenancy is recorded and the receipt counts the materials saved.
  public func register(_ source: PacketSource, by actor: Actor, clock: RegistryClock) async throws(OneWindowError) -> Receipt {
    let received = try await receive(source)
    return try await perform("register", actor: actor, clock: clock) { transaction, operation in
      let parsed = try check(received, kinds: [.tenantRegistration], in: transaction, operation: &operation)
      Self.requireRole([.applicant, .clerk], &operation)
      guard case .registration(let registration)? = parsed?.packet else {
        try store(received, in: transaction, operation: &operation)
        return
      }
      operation.subject = registration.preFilingNumber
      if case .applicant = actor {
        let id = actor.id
        let tenantIDs = [registration.tenant.uscc, registration.tenant.representative.document.number].compactMap { $0 }
        if !tenantIDs.map(Actor.normalized).contains(id) {
          operation.refuse(
            RegistryRules.actorMayAct,
            LocalizedText("申请人 \(id) 不是入驻主体或其负责人", "the applicant \(id) is neither the tenant nor its representative"),
            value: id)
        }
      }
      try store(received, in: transaction, operation: &operation)
      guard operation.outcome == .accepted,
        let row = try transaction.preFiling(reference: registration.preFilingNumber),
        let unit = try transaction.unit(preFilingID: row.id, unitID: registration.unitRef)
      else { return }
      _ = try transaction.insertTenancy(
        TenancyRow(
          preFilingID: row.id, unitID: unit.unitID, tenantName: registration.tenant.name,
          tenantIdentity: registration.tenant.uscc, activity: registration.activity.rawValue,
          termStart: registration.agreement.termStart?.description ?? clock.today.description,
          termEnd: registration.agreement.termEnd?.description ?? clock.today.description,
          registeredOn: clock.today.description, receiptNumber: operation.receiptNumber))
      let saved = Self.materialsSaved(unit: unit, preFiling: row, tenantMaterials: registration.materials)
      operation.materialsSaved = saved
      operation.log(
        "tenancy.registered", registration.preFilingNumber,
        "unit=\(unit.unitID); tenant=\(registration.tenant.name); saved=\(saved.count)/\(saved.fullSet)")
    }
  }

  /// Materials saved: the full 住所 proof set for the unit (its property proofs and consent, the
  /// building-wide papers of the pre-filing, and the lease) minus the premises materials the
  /// tenant submitted (the entry agreement, usually).
  static func materialsSaved(unit: UnitRow, preFiling: PreFilingRow, tenantMaterials: [Material]) -> Receipt.MaterialsSaved {
    let fullSet = unit.proofMaterials + preFiling.buildingMaterials + 1
    let premisesKinds: Set<MaterialKind> = [
      .propertyProof, .entryAgreement, .lease, .residentialConsent, .declaration, .sitePlan, .consolidationNote,
    ]
    let submitted = tenantMaterials.filter { premisesKinds.contains($0.kind) }.count
    let count = max(0, fullSet - submitted)
    let percent = fullSet == 0 ? 0 : (Double(count) * 1000 / Double(fullSet)).rounded() / 10
    return Receipt.MaterialsSaved(count: count, percent: percent, fullSet: fullSet)
  }
}
