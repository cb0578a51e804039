import Foundation
import OneWindowCore
import OneWindowStore

extension PacketParticulars {
  /// These particulars with what is missing read from the registry: the pre-filing's owner and
  /// premises, or the bundle's operator, name and premises (its pre-filed unit, or the address on
  /// its licences).
  func completed(subject: String?, in transaction: RegistryTransaction) throws -> Self {
    var particulars = self
    if let subject, let bundle = try transaction.bundle(reference: subject) {
      if particulars.applicantName == nil {
        particulars.applicantName = bundle.operatorName
        particulars.applicantIdentity = bundle.operatorIdentity
      }
      if particulars.businessName == nil { particulars.businessName = bundle.businessName }
      if particulars.premises == nil, particulars.preFilingNumber == nil {
        if let number = bundle.preFilingNumber {
          particulars.preFilingNumber = number
          if particulars.units == nil, let unit = bundle.unitID { particulars.units = [unit] }
        } else if let uscc = bundle.uscc, let licence = try transaction.licenceRow(uscc: uscc) {
          particulars.premises = licence.premises
        } else if try transaction.bundleDefinition(bundleID: bundle.id) != nil, let basis = TradeBasis(of: bundle) {
          // Another definition's bundle: the place its application gave.
          particulars.premises = basis.place
        } else if let key = bundle.premisesKey {
          // A declared address: `<address>/<floor>/<room>`.
          let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
          particulars.premises = parts.first
          if particulars.units == nil, parts.count == 3 {
            particulars.units = [[parts[1], parts[2]].filter { !$0.isEmpty }.joined(separator: " ")]
          }
        }
      }
    }
    let preFiling = try (particulars.preFilingNumber ?? subject).flatMap { try transaction.preFiling(reference: $0) }
    if let preFiling {
      if particulars.applicantName == nil {
        particulars.applicantName = preFiling.ownerName
        particulars.applicantIdentity = preFiling.ownerIdentity
      }
      if particulars.premises == nil { particulars.premises = "\(preFiling.premisesName) \(preFiling.address)" }
    }
    return particulars.normalised
  }

}
