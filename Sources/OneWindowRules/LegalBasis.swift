public import OneWindowCore

/// The laws, standards and rules the rule catalogue cites, written once.
public enum LegalBasis {
  public static func cite(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh, en) }

  public static let gb32100 = cite(
    "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》第 4、5 条", "GB 32100-2015, unified social credit code, clauses 4–5")
  public static let gb11714 = cite(
    "GB 11714-1997《全国组织机构代码编制规则》第 5 条", "GB 11714-1997, organisation code, clause 5")
  public static let gb11643 = cite(
    "GB 11643-1999《公民身份号码》第 4、5 条", "GB 11643-1999, citizen identity number, clauses 4–5")
  public static let gb2260 = cite(
    "GB/T 2260《中华人民共和国行政区划代码》；2023 年统计用区划代码", "GB/T 2260 administrative division codes; 2023 statistical division codes")
  public static let shandongAddress = cite(
    "《山东省市场主体住所（经营场所）登记管理办法》（2024）第五条", "Shandong measures on registered premises (2024), art. 5")
  public static let shandongCommitment = cite(
    "《山东省市场主体住所（经营场所）登记管理办法》（2024）第六条", "Shandong measures on registered premises (2024), art. 6")
  public static let jyNumber = cite(
    "《食品经营许可和备案管理办法》（总局令第78号）许可证编号规则；校验位为 ISO 7064 MOD 11,10（推断，见 Data/policy.json）",
    "Food business licensing measures (SAMR order 78), licence numbering; check digit ISO 7064 MOD 11,10 (inferred, see Data/policy.json)")
  public static let individualName = cite(
    "《企业名称登记管理规定》第二十五条（个体工商户参照执行）；《个体工商户名称登记管理办法》（2008，效力待核）第六条至第十一条；《市场主体登记管理条例实施细则》第六条",
    "Enterprise name regulation art. 25 (applied to individual businesses); individual-business name measures (2008, status unverified) arts 6–11; implementing rules, art. 6")
  public static let individualItems = cite(
    "《市场主体登记管理条例实施细则》第六条第（七）项、第七条第（七）项", "Implementing rules, art. 6(7) and art. 7(7)")
  public static let scope = cite(
    "《市场主体登记管理条例》第十四条；《市场主体登记管理条例实施细则》第十二条", "Market-entity registration regulation, art. 14; implementing rules, art. 12")
  public static let capacity = cite(
    "《中华人民共和国民法典》第十七条、第十八条；《促进个体工商户发展条例》第二条",
    "Civil Code arts 17–18; Regulation on promoting individual businesses, art. 2")
  public static let foodLicence = cite(
    "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》", "Food Safety Law art. 35; food business licensing measures (2023)")
  /// The 2023 list of items and bracket notes. The measures' text was read only in secondary
  /// copies, none of which shows the article number of the list (believed to be art. 16, with the
  /// categories in art. 15): the article is named as unverified rather than guessed silently.
  public static let foodItems = cite(
    "《食品经营许可和备案管理办法》（2023，总局令第78号）经营项目分类条款（第十六条，条文号待与公报原文核对）；《食品经营许可审查通则》",
    "Food business licensing measures (2023, SAMR order 78), the article classifying business items (art. 16, number to be checked against the gazette text); general review rules")
  /// The bracket notes after the operator category (believed to be art. 15 of the 2023 measures).
  public static let foodCategories = cite(
    "《食品经营许可和备案管理办法》（2023，总局令第78号）主体业态分类条款（第十五条，条文号待与公报原文核对）",
    "Food business licensing measures (2023, SAMR order 78), the article on operator categories (art. 15, number to be checked against the gazette text)")
  /// Selling only prepackaged food is a filing, not a licence (食品安全法 art. 35(1) as amended on
  /// 2021-04-29; 办法 art. 4(1)(ii), art. 5).
  public static let prepackagedFiling = cite(
    "《中华人民共和国食品安全法》（2021 年修正）第三十五条第一款；《食品经营许可和备案管理办法》（2023）第四条第二款第（二）项、第五条",
    "Food Safety Law (as amended 2021) art. 35(1); food business licensing measures (2023) arts 4(2)(ii) and 5")
  public static let dedicatedSpaces = cite(
    "《食品经营许可审查通则》；《餐饮服务食品安全操作规范》专间与专用操作区（对照表见 Data/policy.json）",
    "General review rules for food licences; catering food-safety operating rules on dedicated rooms and areas (table in Data/policy.json)")
  public static let health = cite(
    "《中华人民共和国食品安全法》第四十五条第二款", "Food Safety Law art. 45(2)")
  /// Art. 44 binds 食品生产经营企业; the licence condition of a food-safety manager is art. 33(1)(iii).
  public static let foodManager = cite(
    "《中华人民共和国食品安全法》第三十三条第一款第（三）项", "Food Safety Law art. 33(1)(iii)")
  public static let premisesConditions = cite(
    "《中华人民共和国食品安全法》第三十三条；《食品经营许可审查通则》", "Food Safety Law art. 33; general review rules for food licences")
  public static let premisesDocuments = cite(
    "《市场主体登记管理条例》第十六条；《市场主体登记管理条例实施细则》第二十五条", "Market-entity registration regulation, art. 16; implementing rules, art. 25")
  public static let residential = cite(
    "《中华人民共和国民法典》第二百七十九条", "Civil Code art. 279")
  /// Art. 11(1) fixes one address per entity, not entities per address: the per-unit capacity
  /// rests on the provincial convenience rules art. 11(3) allows, Qingdao's rules and the capacity
  /// the owner declares.
  public static let multiLicence = cite(
    "《市场主体登记管理条例》第十一条第三款；《青岛市集中办公区登记管理细则》（2021）；可容纳户数以预备案申报为准（本局工作规则）",
    "Market-entity registration regulation, art. 11(3); Qingdao central office area rules (2021); capacity as declared in the pre-filing (bureau policy)")
  /// What the register records of a unit: its area and use (art. 8).
  public static let realEstate = cite(
    "《不动产登记暂行条例》第八条第一款、第三款第（一）项", "Interim regulation on real-estate registration, art. 8(1) and (3)(i)")
  /// That a certificate is issued on registration (art. 21(2)); its number format has no legal source.
  public static let realEstateCertificate = cite(
    "《不动产登记暂行条例》第二十一条第二款；证号格式以公开样本为准（本局工作规则）",
    "Interim regulation on real-estate registration, art. 21(2); the number format follows public samples (bureau policy)")
  public static let prefilingReuse = cite(
    "《市场主体登记管理条例》第十六条（能够通过政务信息共享平台获取的信息不得要求重复提供）；市南区住所预备案改革",
    "Market-entity registration regulation, art. 16 (no repeated submission of shared information); Shinan address pre-filing reform")
  /// What an individual business registers (细则 art. 6(7)), files (art. 7(7)) and how it changes
  /// them (art. 32); a change of operator goes directly (促进条例 art. 13(1), later and higher than
  /// 细则 art. 38's cancel-and-reregister).
  public static let change = cite(
    "《市场主体登记管理条例实施细则》第六条第（七）项、第七条第（七）项、第三十二条；《促进个体工商户发展条例》第十三条第一款（变更经营者直接办理变更登记）",
    "Implementing rules arts 6(vii), 7(vii) and 32; Regulation on promoting individual businesses art. 13(1) (a change of operator is registered directly)")
  public static let simplifiedCancellation = cite(
    "《市场主体登记管理条例》第三十三条；《市场主体登记管理条例实施细则》第四十七条、第四十八条",
    "Market-entity registration regulation, art. 33; implementing rules, arts 47–48")
  public static let ordinaryCancellation = cite(
    "《市场主体登记管理条例实施细则》第四十六条", "Implementing rules, art. 46")
  public static let materials = cite(
    "《市场主体登记管理条例》第十六条、第十九条；《食品经营许可和备案管理办法》申请材料", "Market-entity registration regulation, arts 16 and 19; food licensing measures, application materials")
  public static let review = cite(
    "《中华人民共和国行政许可法》第三十二条第一款第（四）项、第三十八条第二款；《市场主体登记管理条例》第十九条第二款、第二十条；《市场主体登记管理条例实施细则》第十九条第一款",
    "Administrative Licensing Law arts 32(1)(iv) and 38(2); market-entity registration regulation, arts 19(2) and 20; implementing rules, art. 19(1)")
  /// Verification of material contents by two or more staff (许可法 art. 34(3)); for food licences 食安法 art. 35(2).
  public static let inspection = cite(
    "《中华人民共和国行政许可法》第三十四条第三款（指派两名以上工作人员进行核查）；《中华人民共和国食品安全法》第三十五条第二款",
    "Administrative Licensing Law art. 34(3) (verification by two or more staff); Food Safety Law art. 35(2)")
  /// A correction notice for incomplete materials (许可法 art. 32(1)(iv), (v)).
  public static let correction = cite(
    "《中华人民共和国行政许可法》第三十二条第一款第（四）项、第（五）项", "Administrative Licensing Law art. 32(1)(iv) and (v)")
  /// No article requires it: the bureau's own working rules, said as such rather than citing an
  /// article that does not say it.
  public static func bureauPolicy(_ zh: String, _ en: String) -> LocalizedText {
    cite("本局工作规则（非法定条款）：" + zh, "Bureau policy (no statutory article): " + en)
  }
  /// Address pre-filing is the bureau's scheme; the owner's commitment is Shandong's art. 6(2).
  public static let preFilingScheme = bureauPolicy("市南区住所预备案", "Shinan address pre-filing")
  public static let oneThing = cite(
    "《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）；青审服字〔2024〕44号",
    "State Council guidance on the 'one thing' reform (Guofa 2024 No. 3); Qingdao one-thing plan (Qingshenfu 2024 No. 44)")
  public static let oneShop = cite(
    "《市场主体登记管理条例》第十七条（申请人对材料的真实性负责）；同一经营者以同一名称或同一场所不重复开办，为本局“一件事”办理规则（推断，可用 --disable 关闭）",
    "Market-entity registration regulation, art. 17 (applicants answer for their materials); one opening per operator, name and premises is this bureau's one-thing practice (inferred; can be disabled)")
  public static let truthfulness = cite(
    "《市场主体登记管理条例》第十七条（申请人对提交材料的真实性、合法性和有效性负责）", "Market-entity registration regulation, art. 17 (applicants answer for their materials)")
}
