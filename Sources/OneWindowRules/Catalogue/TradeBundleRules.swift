public import OneWindowCore

/// The checks every generic bundle (`TradeBundle`) gets from its definition, before the
/// definition's own declared checks: all acceptance checks (受理: complete, well-formed materials).
public enum TradeBundleRules {
  private static let basis = LocalizedText(
    zh: "《行政许可法》第三十二条（申请材料齐全、符合法定形式）；OneWindow“一件事”定义（Data/bundles/）",
    en: "Administrative Licensing Law art 32 (complete materials in the legal form); OneWindow bundle definitions (Data/bundles/)")

  public static let definitionKnown = RuleDescriptor(
    id: "TB-001", severity: .error, category: .packet,
    summary: LocalizedText(zh: "通用“一件事”申请指明一项已加载的定义。", en: "A generic bundle names a definition that is loaded."),
    message: LocalizedText(zh: "申请指明的“一件事”定义不存在或未能加载", en: "the bundle definition the packet names does not exist or was not loaded"),
    hint: LocalizedText(
      zh: "在“所属一件事”一项填写窗口公布的“一件事”编号（窗口的“一件事”清单可查），或请窗口人员检查该定义为何未加载。",
      en: "Give as the bundle the id the bureau publishes (its list of bundles shows them), or ask the bureau why that bundle did not load."),
    legalBasis: basis, stage: .acceptance)

  public static let definitionIsGeneric = RuleDescriptor(
    id: "TB-002", severity: .error, category: .packet,
    summary: LocalizedText(zh: "使用专用数据包的“一件事”不以通用数据包申请。", en: "A bundle with dedicated families is not applied for with the generic one."),
    message: LocalizedText(zh: "该“一件事”使用专用数据包，不接受通用 TradeBundle 申请", en: "this bundle has dedicated packet families and takes no generic TradeBundle"),
    hint: LocalizedText(zh: "请用该“一件事”的专用申请表提交（如开办餐饮店的专用申请）。", en: "Submit the bundle's own application form (the restaurant opening form for a restaurant, say)."),
    legalBasis: basis, stage: .acceptance)

  public static let partsMatchTracks = RuleDescriptor(
    id: "TB-003", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "申请部分与定义的审批线一一对应：新办每线一份，变更为所涉各线，不含定义之外的线。",
      en: "The parts match the definition's tracks: one per track for an opening, the affected tracks for a change, none outside the definition."),
    message: LocalizedText(zh: "申请部分与定义的审批线不对应", en: "the parts do not match the definition's tracks"),
    hint: LocalizedText(
      zh: "为本次需要办理的每项证照填写一份申请部分，删去多余或重复的部分。",
      en: "Give one application part for each licence the case needs, and remove extra or repeated parts."),
    legalBasis: basis, stage: .acceptance)

  public static let partInTrackSchema = RuleDescriptor(
    id: "TB-004", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "每份申请部分是一个属于该线 XSD 命名空间的元素（其内容再按该 XSD 校验）。",
      en: "Each part is one element in its track schema's namespace (its content is then validated against that schema)."),
    message: LocalizedText(zh: "申请部分不是该审批线规范所定义的元素", en: "the part is not the element its track's schema defines"),
    hint: LocalizedText(
      zh: "请按该审批线的申请表规范填写（命名空间见 onewindow bundle definitions 的输出）。",
      en: "Fill the part in as its track's form requires (onewindow bundle definitions shows the namespace)."),
    legalBasis: basis, stage: .acceptance)

  public static let caseParticulars = RuleDescriptor(
    id: "TB-005", severity: .error, category: .lifecycle,
    summary: LocalizedText(
      zh: "变更、注销写明现有证照编号；变更事项为定义所列事项。",
      en: "A change or cancellation gives the current licence numbers; a change lists fields its definition declares."),
    message: LocalizedText(zh: "变更或注销的事项、证照编号不完整", en: "the change or cancellation particulars are incomplete"),
    hint: LocalizedText(
      zh: "在“现有证照”中填写每项证照的编号；变更事项按窗口公布的变更事项清单填写。",
      en: "Give each licence's current number among the current licences; name changed fields as the bureau's list of changes does."),
    legalBasis: basis, stage: .acceptance)

  public static let coreComplete = RuleDescriptor(
    id: "TB-006", severity: .error, category: .packet,
    summary: LocalizedText(
      zh: "新办的共享信息含定义要求一次填报的每一项。", en: "An opening's shared core holds every element its definition requires."),
    message: LocalizedText(zh: "共享信息不完整", en: "the shared core is incomplete"),
    hint: LocalizedText(zh: "补填共享信息中缺少的项目，各审批线共用，只填一次。", en: "Fill in the missing item of the shared core; every track uses it, so it is entered once."),
    legalBasis: basis, stage: .acceptance)

  /// Every trade-bundle rule, for the catalogue.
  public static let all: [RuleDescriptor] = [
    definitionKnown, definitionIsGeneric, partsMatchTracks, partInTrackSchema, caseParticulars, coreComplete,
  ]
}
