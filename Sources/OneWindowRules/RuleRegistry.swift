public import OneWindowCore

/// Every rule, kept by hand in id order (a test checks order, uniqueness and that every file in
/// `Rules/` is listed). Retired ids stay in ``retired`` and are never handed out again.
public enum RuleRegistry {
  public static let all: [any Rule.Type] = [
    AmendmentChangesSomething.self,  // AM-001
    OwnerMatchesPreFiling.self,  // AM-002
    PreFilingOpenForChange.self,  // AM-003
    AmendmentReferencesExist.self,  // AM-004
    RetiringOccupiedUnit.self,  // AM-005
    TracksShareOperator.self,  // BD-001
    TracksShareName.self,  // BD-002
    TracksSharePremises.self,  // BD-003
    TracksShareScope.self,  // BD-004
    TracksShareBundle.self,  // BD-005
    TracksShareMaterials.self,  // BD-006
    TracksShareAgent.self,  // BD-007
    NamePartsMakeTheName.self,  // BL-001
    NameDivision.self,  // BL-002
    TradeNameLength.self,  // BL-003
    NameCharacters.self,  // BL-004
    ForbiddenNameWords.self,  // BL-005
    OrganisationFormAllowed.self,  // BL-006
    OrganisationFormUsual.self,  // BL-007
    TradeNameNotPlaceName.self,  // BL-008
    FamilyMembersFiled.self,  // BL-009
    ScopeNotEmpty.self,  // BL-010
    OperatorOfAge.self,  // BL-011
    OneShopOneLicencePair.self,  // BL-012
    NameFreeInDistrict.self,  // BL-013
    OperatorEligible.self,  // BL-014
    SimplifiedCancellationAllowed.self,  // CA-001
    SimplifiedCancellationClean.self,  // CA-002
    OrdinaryCancellationTaxCleared.self,  // CA-003
    ChangedFieldsHaveValues.self,  // CH-001
    ChangeAltersRegistration.self,  // CH-002
    ChangeFiledInTime.self,  // CH-003
    LicencesAffectedByChange.self,  // CH-004
    RequiredMaterials.self,  // DOC-001
    AttachmentDigests.self,  // DOC-002
    AttachmentsPresent.self,  // DOC-003
    UnlistedAttachments.self,  // DOC-004
    MaterialKindMatchesUse.self,  // DOC-005
    MaterialNotExpired.self,  // DOC-006
    NoFutureDates.self,  // DT-001
    CateringNeedsCateringScope.self,  // FL-001
    CateringScopeNeedsCateringLicence.self,  // FL-002
    ItemsMatchCategory.self,  // FL-003
    DedicatedRoomRequired.self,  // FL-004
    DedicatedAreaRequired.self,  // FL-005
    SemiFinishedOnlyCentralKitchen.self,  // FL-006
    BracketNotesMatchItems.self,  // FL-007
    HealthCertificateValid.self,  // FL-008
    HealthCertificateTerm.self,  // FL-009
    CateringSubtypeGiven.self,  // FL-010
    ItemsNotDuplicated.self,  // FL-011
    OperatingAreaWithinPremises.self,  // FL-012
    SmokeFlueForCatering.self,  // FL-013
    FumeCleaningWithoutFlue.self,  // FL-014
    PrepackagedSalesIsFiled.self,  // FL-015
    ItemsOn2023List.self,  // FL-016
    CategoryNotesMatchCategory.self,  // FL-017
    USCCCheckCharacter.self,  // ID-001
    USCCOrganisationCode.self,  // ID-002
    ResidentIdCheckCharacter.self,  // ID-003
    ResidentIdBirthDate.self,  // ID-004
    IdDocumentFormat.self,  // ID-005
    FoodLicenceCheckDigit.self,  // ID-006
    DistrictIsShinan.self,  // ID-007
    SubdistrictNameMatchesCode.self,  // ID-008
    IndividualBusinessCode.self,  // ID-009
    LicencesOnRecord.self,  // LC-001
    EveryUnitCovered.self,  // PF-001
    ProofUseMatchesUnits.self,  // PF-002
    ProofAreaCoversUnits.self,  // PF-003
    ResidentialUnitsNeedConsent.self,  // PF-004
    DeclarationCommitments.self,  // PF-005
    CapacityNeedsMultiLicenceMode.self,  // PF-006
    CentralOfficeDensity.self,  // PF-007
    SubstituteProofsConsolidated.self,  // PF-008
    RealEstateCertificateNumber.self,  // PF-009
    ConsolidationStepsNameProofs.self,  // PF-010
    PreFilingNotDuplicated.self,  // PF-011
    NoNuisanceTradeInResidence.self,  // PR-001
    ResidentialUseNeedsConsent.self,  // PR-002
    AgreementCoversDate.self,  // PR-003
    AgreementTermOrder.self,  // PR-004
    LesseeIsApplicant.self,  // PR-005
    AgreementUseMatchesActivity.self,  // PR-006
    ReasonsForAdverseDecisions.self,  // RD-001
    FoodApprovalInspected.self,  // RD-002
    ValidityWindowOrdered.self,  // RD-003
    ValidityWithinPolicy.self,  // RD-004
    PreFilingInForce.self,  // TR-001
    UnitInScope.self,  // TR-002
    LessorIsOwner.self,  // TR-003
    UnitCapacity.self,  // TR-004
    ActivitySuitsPlannedUse.self,  // TR-005
    ResidentialUnitConsentOnFile.self,  // TR-006
  ]

  /// The pair rules (``TrackPairRule``), checked when a bundle's two applications are assembled.
  public static var pairRules: [any Rule.Type] { all.filter { $0.input == .trackPair } }

  /// Every id in one list: the business rules, the input checks of ``SystemRules`` and the
  /// registry operation rules of ``RegistryRules``, in id order.
  public static var catalogue: [RuleDescriptor] {
    (all.map { $0.descriptor } + SystemRules.all + RegistryRules.all).sorted { $0.id < $1.id }
  }

  /// Ids of rules that were retired; never reuse them.
  public static let retired: [RuleID] = []

  /// The rule with this id, if any.
  public static func rule(_ id: RuleID) -> (any Rule.Type)? {
    all.first { $0.descriptor.id == id }
  }
}

extension RuleRegistry {
  /// The catalogue with where and how each id applies, in id order: business rules, pair rules,
  /// the input checks of ``SystemRules`` and the registry operation rules of ``RegistryRules``.
  public static var entries: [CatalogueEntry] {
    var entries: [CatalogueEntry] = all.map { rule in
      rule.input == .trackPair
        ? CatalogueEntry(
          rule: rule.descriptor,
          appliesTo: [PacketKind.businessLicenceApplication.rawValue, PacketKind.foodLicenceApplication.rawValue],
          input: "pair")
        : CatalogueEntry(rule: rule.descriptor, appliesTo: rule.appliesTo.map(\.rawValue).sorted(), input: "\(rule.input)")
    }
    entries += SystemRules.all.map { CatalogueEntry(rule: $0, appliesTo: ["*"], input: "system") }
    entries += RegistryRules.all.map { CatalogueEntry(rule: $0, appliesTo: ["registry operations"], input: "registry") }
    return entries.sorted { $0.rule.id < $1.rule.id }
  }
}

/// One entry of the rule catalogue: the descriptor plus where and how the rule applies.
public struct CatalogueEntry: Sendable, Hashable, Codable {
  public var rule: RuleDescriptor
  /// Packet kinds (root elements) the rule looks at.
  public var appliesTo: [String]
  /// `packet`, `registry`, `attachments`, `pair` (the two tracks of a bundle) or `system`.
  public var input: String
  /// A sample packet that breaks the rule, relative to `SampleFilings/`, when the corpus has one.
  public var failingExample: String?

  public init(rule: RuleDescriptor, appliesTo: [String], input: String, failingExample: String? = nil) {
    self.rule = rule
    self.appliesTo = appliesTo
    self.input = input
    self.failingExample = failingExample
  }
}

