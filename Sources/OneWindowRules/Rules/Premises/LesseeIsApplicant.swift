public import OneWindowCore

/// The lessee of the agreement is the applicant: the tenant, or the restaurant's operator or name.
///
/// Finding: an error at `Lessee` when it names someone else.
public struct LesseeIsApplicant: Rule {
  public static let descriptor = RuleDescriptor(
    id: "PR-005", severity: .error, category: .premises,
    summary: LocalizedText("入驻协议的承租方为申请人本人。", "The agreement's lessee is the applicant."),
    message: LocalizedText("入驻协议的承租方与申请人不一致", "the agreement's lessee is not the applicant"),
    hint: LocalizedText("由申请人本人（或拟设立的主体）与出租方签订入驻协议。", "The applicant (or the entity being set up) signs the agreement."),
    legalBasis: LegalBasis.premisesDocuments)
  public static let appliesTo = AgreementCoversDate.appliesTo

  public init() {}

  public func check(_ packet: Packet, in context: inout RuleContext) {
    for (agreement, applicants) in packet.agreements where !applicants.contains(agreement.lessee) {
      context.report(
        LocalizedText("承租方“\(agreement.lessee)”不是申请人“\(applicants.first ?? "")”", "the lessee '\(agreement.lessee)' is not the applicant '\(applicants.first ?? "")'"),
        at: agreement.$lessee, value: agreement.lessee)
    }
  }
}
