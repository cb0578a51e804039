/// Code lists of `Schemas/common/CommonTypes-v1.xsd`, with their Chinese and English labels.
///
/// Raw values are the stable ASCII codes; `CodeListTests` keeps labels equal to the XSD.

/// 身份证件类型。 Kind of identity document.
public enum IdDocumentType: String, CodeList {
  /// 居民身份证
  case residentId = "RESIDENT_ID"
  /// 港澳居民居住证
  case hkMoResidence = "HK_MO_RESIDENCE"
  /// 台湾居民居住证
  case twResidence = "TW_RESIDENCE"
  /// 港澳居民来往内地通行证
  case hkMoPermit = "HK_MO_PERMIT"
  /// 台湾居民来往大陆通行证
  case twPermit = "TW_PERMIT"
  /// 护照
  case passport = "PASSPORT"

  public var label: LocalizedText {
    switch self {
    case .residentId: LocalizedText(zh: "居民身份证", en: "Resident identity card")
    case .hkMoResidence: LocalizedText(zh: "港澳居民居住证", en: "Residence permit for Hong Kong and Macao residents")
    case .twResidence: LocalizedText(zh: "台湾居民居住证", en: "Residence permit for Taiwan residents")
    case .hkMoPermit: LocalizedText(zh: "港澳居民来往内地通行证", en: "Mainland travel permit for Hong Kong and Macao residents")
    case .twPermit: LocalizedText(zh: "台湾居民来往大陆通行证", en: "Mainland travel permit for Taiwan residents")
    case .passport: LocalizedText(zh: "护照", en: "Passport")
    }
  }
}

/// 受理渠道。 Channel the packet came through.
public enum Channel: String, CodeList {
  /// 网上申请
  case online = "ONLINE"
  /// 政务服务中心综合窗口
  case window = "WINDOW"
  /// 街道便民服务中心
  case streetCentre = "STREET_CENTRE"

  public var label: LocalizedText {
    switch self {
    case .online: LocalizedText(zh: "网上申请", en: "Online")
    case .window: LocalizedText(zh: "政务服务中心综合窗口", en: "Service-centre window")
    case .streetCentre: LocalizedText(zh: "街道便民服务中心", en: "Subdistrict service centre")
    }
  }
}

/// 规划用途（不动产登记记载的用途）。 Planned use as recorded in the real-estate register.
public enum PlannedUse: String, CodeList {
  /// 住宅
  case residential = "RESIDENTIAL"
  /// 商业
  case commercial = "COMMERCIAL"
  /// 办公
  case office = "OFFICE"
  /// 商住
  case commercialResidential = "COMMERCIAL_RESIDENTIAL"
  /// 工业
  case industrial = "INDUSTRIAL"
  /// 仓储
  case warehouse = "WAREHOUSE"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .residential: LocalizedText(zh: "住宅", en: "Residential")
    case .commercial: LocalizedText(zh: "商业", en: "Commercial")
    case .office: LocalizedText(zh: "办公", en: "Office")
    case .commercialResidential: LocalizedText(zh: "商住", en: "Mixed commercial and residential")
    case .industrial: LocalizedText(zh: "工业", en: "Industrial")
    case .warehouse: LocalizedText(zh: "仓储", en: "Warehouse")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 住所（经营场所）产权证明类型。 Kind of property proof for the premises.
public enum PropertyProofType: String, CodeList {
  /// 不动产权证书
  case realEstateCert = "REAL_ESTATE_CERT"
  /// 房屋所有权证（附国有土地使用证）
  case houseOwnershipCert = "HOUSE_OWNERSHIP_CERT"
  /// 购房合同（商品房买卖合同，尚未取得产权证）
  case purchaseContract = "PURCHASE_CONTRACT"
  /// 建设工程规划许可证及竣工验收备案
  case planningAndCompletion = "PLANNING_AND_COMPLETION"
  /// 场所证明（街道、社区、管委会或房管部门出具）
  case premisesCertificate = "PREMISES_CERTIFICATE"
  /// 历史建筑或公房使用证明
  case historicOrPublicHousing = "HISTORIC_OR_PUBLIC_HOUSING"
  /// 其他产权证明
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .realEstateCert: LocalizedText(zh: "不动产权证书", en: "Real-estate title certificate")
    case .houseOwnershipCert: LocalizedText(zh: "房屋所有权证（附国有土地使用证）", en: "House ownership certificate (with land-use certificate)")
    case .purchaseContract: LocalizedText(zh: "购房合同（商品房买卖合同，尚未取得产权证）", en: "House purchase contract (title not yet issued)")
    case .planningAndCompletion: LocalizedText(zh: "建设工程规划许可证及竣工验收备案", en: "Construction planning permit with completion acceptance filing")
    case .premisesCertificate: LocalizedText(zh: "场所证明（街道、社区、管委会或房管部门出具）", en: "Premises certificate (issued by subdistrict, community, park committee or housing office)")
    case .historicOrPublicHousing: LocalizedText(zh: "历史建筑或公房使用证明", en: "Use certificate for a historic building or public housing")
    case .other: LocalizedText(zh: "其他产权证明", en: "Other proof")
    }
  }
}

/// 申请材料种类（材料清单中使用）。 Kind of application material (used in the materials manifest).
public enum MaterialKind: String, CodeList {
  /// 申请书
  case applicationForm = "APPLICATION_FORM"
  /// 身份证明
  case idProof = "ID_PROOF"
  /// 主体资格证明（营业执照等）
  case entityLicence = "ENTITY_LICENCE"
  /// 产权证明
  case propertyProof = "PROPERTY_PROOF"
  /// 入驻协议
  case entryAgreement = "ENTRY_AGREEMENT"
  /// 租赁（借用）合同
  case lease = "LEASE"
  /// 住改商利害关系业主同意证明
  case residentialConsent = "RESIDENTIAL_CONSENT"
  /// 申报承诺书
  case declaration = "DECLARATION"
  /// 场地分割平面图及说明
  case sitePlan = "SITE_PLAN"
  /// 材料整合说明（精简、合并、共享、代替、取消）
  case consolidationNote = "CONSOLIDATION_NOTE"
  /// 经营场所布局平面图
  case layoutPlan = "LAYOUT_PLAN"
  /// 主要设备设施清单
  case equipmentList = "EQUIPMENT_LIST"
  /// 食品安全规章制度目录清单
  case foodSafetyRules = "FOOD_SAFETY_RULES"
  /// 从业人员健康证明
  case healthCertificate = "HEALTH_CERTIFICATE"
  /// 授权委托书
  case powerOfAttorney = "POWER_OF_ATTORNEY"
  /// 清税证明
  case taxClearance = "TAX_CLEARANCE"
  /// 缴回的证照（正副本）
  case returnedLicence = "RETURNED_LICENCE"
  /// 现场核查记录
  case inspectionRecord = "INSPECTION_RECORD"
  /// 其他材料
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .applicationForm: LocalizedText(zh: "申请书", en: "Application form")
    case .idProof: LocalizedText(zh: "身份证明", en: "Proof of identity")
    case .entityLicence: LocalizedText(zh: "主体资格证明（营业执照等）", en: "Proof of legal entity (business licence…)")
    case .propertyProof: LocalizedText(zh: "产权证明", en: "Property proof")
    case .entryAgreement: LocalizedText(zh: "入驻协议", en: "Entry agreement")
    case .lease: LocalizedText(zh: "租赁（借用）合同", en: "Lease or loan-for-use contract")
    case .residentialConsent: LocalizedText(zh: "住改商利害关系业主同意证明", en: "Consent of interested owners to commercial use of a residence")
    case .declaration: LocalizedText(zh: "申报承诺书", en: "Declaration and commitment")
    case .sitePlan: LocalizedText(zh: "场地分割平面图及说明", en: "Floor-division plan with explanation")
    case .consolidationNote: LocalizedText(zh: "材料整合说明（精简、合并、共享、代替、取消）", en: "Consolidation note for historical papers")
    case .layoutPlan: LocalizedText(zh: "经营场所布局平面图", en: "Premises layout plan")
    case .equipmentList: LocalizedText(zh: "主要设备设施清单", en: "List of main equipment and facilities")
    case .foodSafetyRules: LocalizedText(zh: "食品安全规章制度目录清单", en: "Index of food-safety rules")
    case .healthCertificate: LocalizedText(zh: "从业人员健康证明", en: "Staff health certificate")
    case .powerOfAttorney: LocalizedText(zh: "授权委托书", en: "Power of attorney")
    case .taxClearance: LocalizedText(zh: "清税证明", en: "Tax clearance certificate")
    case .returnedLicence: LocalizedText(zh: "缴回的证照（正副本）", en: "Licence returned for cancellation")
    case .inspectionRecord: LocalizedText(zh: "现场核查记录", en: "On-site inspection record")
    case .other: LocalizedText(zh: "其他材料", en: "Other material")
    }
  }
}

/// 场所类型。 Kind of premises.
public enum PremisesKind: String, CodeList {
  /// 楼宇（按楼层、房间备案）
  case building = "BUILDING"
  /// 里院、院落（按院落或门户备案）
  case courtyard = "COURTYARD"
  /// 沿街商铺
  case streetShops = "STREET_SHOPS"
  /// 园区
  case park = "PARK"

  public var label: LocalizedText {
    switch self {
    case .building: LocalizedText(zh: "楼宇（按楼层、房间备案）", en: "Building (filed by floor and room)")
    case .courtyard: LocalizedText(zh: "里院、院落（按院落或门户备案）", en: "Courtyard block (filed by courtyard or doorway)")
    case .streetShops: LocalizedText(zh: "沿街商铺", en: "Street-front shops")
    case .park: LocalizedText(zh: "园区", en: "Business park")
    }
  }
}

/// 一址多照方式。 How one address may host several entities.
public enum MultiLicenceMode: String, CodeList {
  /// 不适用（每单元一户）
  case none = "NONE"
  /// 关联企业共享办公
  case sharedOffice = "SHARED_OFFICE"
  /// 集群注册
  case cluster = "CLUSTER"
  /// 集中办公区
  case centralOfficeArea = "CENTRAL_OFFICE_AREA"

  public var label: LocalizedText {
    switch self {
    case .none: LocalizedText(zh: "不适用（每单元一户）", en: "Not used (one entity per unit)")
    case .sharedOffice: LocalizedText(zh: "关联企业共享办公", en: "Shared office of related enterprises")
    case .cluster: LocalizedText(zh: "集群注册", en: "Cluster registration")
    case .centralOfficeArea: LocalizedText(zh: "集中办公区", en: "Central office area")
    }
  }
}

/// 单元设施条件。 Unit feature.
public enum UnitFeature: String, CodeList {
  /// 专用烟道
  case smokeFlue = "SMOKE_FLUE"
  /// 燃气供应
  case gasSupply = "GAS_SUPPLY"
  /// 隔油设施
  case greaseTrap = "GREASE_TRAP"
  /// 临街独立出入口
  case streetEntrance = "STREET_ENTRANCE"

  public var label: LocalizedText {
    switch self {
    case .smokeFlue: LocalizedText(zh: "专用烟道", en: "Dedicated smoke flue")
    case .gasSupply: LocalizedText(zh: "燃气供应", en: "Gas supply")
    case .greaseTrap: LocalizedText(zh: "隔油设施", en: "Grease trap")
    case .streetEntrance: LocalizedText(zh: "临街独立出入口", en: "Separate street entrance")
    }
  }
}

/// 历史材料处理方式（精简、合并、共享、代替、取消）。 Consolidation action.
public enum ConsolidationAction: String, CodeList {
  /// 精简
  case simplify = "SIMPLIFY"
  /// 合并
  case merge = "MERGE"
  /// 共享
  case share = "SHARE"
  /// 代替
  case substitute = "SUBSTITUTE"
  /// 取消
  case cancel = "CANCEL"

  public var label: LocalizedText {
    switch self {
    case .simplify: LocalizedText(zh: "精简", en: "Simplify")
    case .merge: LocalizedText(zh: "合并", en: "Merge")
    case .share: LocalizedText(zh: "共享", en: "Share")
    case .substitute: LocalizedText(zh: "代替", en: "Substitute")
    case .cancel: LocalizedText(zh: "取消", en: "Drop")
    }
  }
}

/// 申报承诺事项。 Commitment item.
public enum Commitment: String, CodeList {
  /// 权属关系真实
  case ownership = "OWNERSHIP"
  /// 符合法定用途
  case lawfulUse = "LAWFUL_USE"
  /// 安全使用
  case safeUse = "SAFE_USE"
  /// 租赁（入驻）合同真实有效
  case lease = "LEASE"
  /// 地址信息真实有效
  case addressValidity = "ADDRESS_VALIDITY"

  public var label: LocalizedText {
    switch self {
    case .ownership: LocalizedText(zh: "权属关系真实", en: "Ownership is as declared")
    case .lawfulUse: LocalizedText(zh: "符合法定用途", en: "Use is lawful")
    case .safeUse: LocalizedText(zh: "安全使用", en: "Safe use")
    case .lease: LocalizedText(zh: "租赁（入驻）合同真实有效", en: "Leases and entry agreements are genuine")
    case .addressValidity: LocalizedText(zh: "地址信息真实有效", en: "Address information is valid")
    }
  }
}

/// 经营主体类型。 Kind of market entity.
public enum EntityType: String, CodeList {
  /// 公司
  case company = "COMPANY"
  /// 个体工商户
  case individualBusiness = "INDIVIDUAL_BUSINESS"
  /// 合伙企业
  case partnership = "PARTNERSHIP"
  /// 个人独资企业
  case soleProprietorship = "SOLE_PROPRIETORSHIP"
  /// 分支机构
  case branch = "BRANCH"
  /// 农民专业合作社
  case cooperative = "COOPERATIVE"
  /// 其他组织（律师事务所、社会组织等非市场主体）
  case nonMarketOrganisation = "NON_MARKET_ORGANISATION"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .company: LocalizedText(zh: "公司", en: "Company")
    case .individualBusiness: LocalizedText(zh: "个体工商户", en: "Individual business")
    case .partnership: LocalizedText(zh: "合伙企业", en: "Partnership")
    case .soleProprietorship: LocalizedText(zh: "个人独资企业", en: "Sole proprietorship")
    case .branch: LocalizedText(zh: "分支机构", en: "Branch")
    case .cooperative: LocalizedText(zh: "农民专业合作社", en: "Farmers' cooperative")
    case .nonMarketOrganisation: LocalizedText(zh: "其他组织（律师事务所、社会组织等非市场主体）", en: "Other organisation not registered as a market entity (law firm, social organisation…)")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 拟从事的经营活动类别（用于规划用途相容性检查）。 Intended kind of activity (checked against the planned use).
public enum Activity: String, CodeList {
  /// 办公
  case office = "OFFICE"
  /// 零售
  case retail = "RETAIL"
  /// 餐饮
  case catering = "CATERING"
  /// 生活服务
  case lifeServices = "LIFE_SERVICES"
  /// 仓储
  case storage = "STORAGE"
  /// 生产加工
  case production = "PRODUCTION"
  /// 娱乐
  case entertainment = "ENTERTAINMENT"
  /// 洗浴
  case bathing = "BATHING"
  /// 洗染
  case laundryDyeing = "LAUNDRY_DYEING"
  /// 教育培训
  case training = "TRAINING"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .office: LocalizedText(zh: "办公", en: "Office")
    case .retail: LocalizedText(zh: "零售", en: "Retail")
    case .catering: LocalizedText(zh: "餐饮", en: "Catering")
    case .lifeServices: LocalizedText(zh: "生活服务", en: "Personal services")
    case .storage: LocalizedText(zh: "仓储", en: "Storage")
    case .production: LocalizedText(zh: "生产加工", en: "Production")
    case .entertainment: LocalizedText(zh: "娱乐", en: "Entertainment")
    case .bathing: LocalizedText(zh: "洗浴", en: "Bathing")
    case .laundryDyeing: LocalizedText(zh: "洗染", en: "Laundry and dyeing")
    case .training: LocalizedText(zh: "教育培训", en: "Training")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 个体工商户组成形式。 How an individual business is composed.
public enum CompositionForm: String, CodeList {
  /// 个人经营
  case individual = "INDIVIDUAL"
  /// 家庭经营
  case family = "FAMILY"

  public var label: LocalizedText {
    switch self {
    case .individual: LocalizedText(zh: "个人经营", en: "Run by one person")
    case .family: LocalizedText(zh: "家庭经营", en: "Run by a family")
    }
  }
}

/// 食品经营主体业态。 Food operator category.
public enum OperatorCategory: String, CodeList {
  /// 食品销售经营者
  case foodSales = "FOOD_SALES"
  /// 餐饮服务经营者
  case catering = "CATERING"
  /// 集中用餐单位食堂
  case canteen = "CANTEEN"

  public var label: LocalizedText {
    switch self {
    case .foodSales: LocalizedText(zh: "食品销售经营者", en: "Food seller")
    case .catering: LocalizedText(zh: "餐饮服务经营者", en: "Catering operator")
    case .canteen: LocalizedText(zh: "集中用餐单位食堂", en: "Institutional canteen")
    }
  }
}

/// 餐饮服务经营者类型。 Kind of catering operator.
public enum CateringSubtype: String, CodeList {
  /// 特大型餐馆
  case extraLarge = "EXTRA_LARGE"
  /// 大型餐馆
  case large = "LARGE"
  /// 中型餐馆
  case medium = "MEDIUM"
  /// 小型餐馆
  case small = "SMALL"
  /// 微型餐饮
  case micro = "MICRO"
  /// 美食城
  case foodCourt = "FOOD_COURT"
  /// 中央厨房
  case centralKitchen = "CENTRAL_KITCHEN"
  /// 集体用餐配送单位
  case groupMealDelivery = "GROUP_MEAL_DELIVERY"
  /// 餐饮服务连锁企业总部
  case chainHeadquarters = "CHAIN_HEADQUARTERS"
  /// 餐饮服务管理企业
  case cateringManagement = "CATERING_MANAGEMENT"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .extraLarge: LocalizedText(zh: "特大型餐馆", en: "Extra-large restaurant")
    case .large: LocalizedText(zh: "大型餐馆", en: "Large restaurant")
    case .medium: LocalizedText(zh: "中型餐馆", en: "Medium restaurant")
    case .small: LocalizedText(zh: "小型餐馆", en: "Small restaurant")
    case .micro: LocalizedText(zh: "微型餐饮", en: "Micro catering")
    case .foodCourt: LocalizedText(zh: "美食城", en: "Food court")
    case .centralKitchen: LocalizedText(zh: "中央厨房", en: "Central kitchen")
    case .groupMealDelivery: LocalizedText(zh: "集体用餐配送单位", en: "Group-meal delivery unit")
    case .chainHeadquarters: LocalizedText(zh: "餐饮服务连锁企业总部", en: "Catering chain headquarters")
    case .cateringManagement: LocalizedText(zh: "餐饮服务管理企业", en: "Catering management company")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 主体业态后的括号标注（2023 年《食品经营许可和备案管理办法》）。 Bracket note on the operator
/// category (2023 measures): wholesale, central kitchen, group-meal delivery, automatic equipment,
/// school and childcare canteens.
public enum OperatorCategoryNote: String, CodeList {
  /// 批发
  case wholesale = "WHOLESALE"
  /// 中央厨房
  case centralKitchen = "CENTRAL_KITCHEN"
  /// 集体用餐配送
  case groupMealDelivery = "GROUP_MEAL_DELIVERY"
  /// 自动设备
  case automaticEquipment = "AUTOMATIC_EQUIPMENT"
  /// 学校食堂
  case schoolCanteen = "SCHOOL_CANTEEN"
  /// 托幼机构食堂
  case childcareCanteen = "CHILDCARE_CANTEEN"

  public var label: LocalizedText {
    switch self {
    case .wholesale: LocalizedText(zh: "批发", en: "Wholesale")
    case .centralKitchen: LocalizedText(zh: "中央厨房", en: "Central kitchen")
    case .groupMealDelivery: LocalizedText(zh: "集体用餐配送", en: "Group-meal delivery")
    case .automaticEquipment: LocalizedText(zh: "自动设备", en: "Automatic equipment")
    case .schoolCanteen: LocalizedText(zh: "学校食堂", en: "School canteen")
    case .childcareCanteen: LocalizedText(zh: "托幼机构食堂", en: "Childcare canteen")
    }
  }

  /// The operator categories the note may follow.
  public var categories: Set<OperatorCategory> {
    switch self {
    case .wholesale: [.foodSales]
    case .centralKitchen, .groupMealDelivery: [.catering, .canteen]
    case .automaticEquipment: [.foodSales, .catering, .canteen]
    case .schoolCanteen, .childcareCanteen: [.canteen]
    }
  }
}

/// 食品经营项目（2023 年《食品经营许可和备案管理办法》）。 Food business item (2023 measures).
///
/// The 2023 list has three groups: 食品销售 (散装食品销售, 散装食品和预包装食品销售), 餐饮服务 (热食类,
/// 冷食类, 生食类, 半成品, 自制饮品) and 食品经营管理 (食品销售连锁管理, 餐饮服务连锁管理, 餐饮服务管理).
/// The 2015 items that are not on it stay decodable — registries hold licences issued under
/// them — and are marked ``isLegacy``: 预包装食品销售 (仅销售预包装食品 is a filing since the 2021
/// 食品安全法 art. 35, FL-015), 特殊食品销售, 其他类食品销售 and 其他类食品制售 (FL-016).
public enum FoodItem: String, CodeList {
  /// 散装食品销售
  case bulkSales = "BULK_SALES"
  /// 散装食品和预包装食品销售
  case bulkAndPrepackagedSales = "BULK_AND_PREPACKAGED_SALES"
  /// 热食类食品制售
  case hotFood = "HOT_FOOD"
  /// 冷食类食品制售
  case coldFood = "COLD_FOOD"
  /// 生食类食品制售
  case rawFood = "RAW_FOOD"
  /// 半成品制售
  case semiFinished = "SEMI_FINISHED"
  /// 自制饮品制售
  case beverage = "BEVERAGE"
  /// 食品销售连锁管理
  case salesChainManagement = "SALES_CHAIN_MANAGEMENT"
  /// 餐饮服务连锁管理
  case cateringChainManagement = "CATERING_CHAIN_MANAGEMENT"
  /// 餐饮服务管理
  case cateringManagement = "CATERING_MANAGEMENT"
  /// 预包装食品销售（2015 年目录，已停用）
  case prepackagedSales = "PREPACKAGED_SALES"
  /// 特殊食品销售（2015 年目录，已停用）
  case specialFoodSales = "SPECIAL_FOOD_SALES"
  /// 其他类食品销售（2015 年目录，已停用）
  case otherSales = "OTHER_SALES"
  /// 其他类食品制售（2015 年目录，已停用）
  case otherPrepared = "OTHER_PREPARED"

  public var label: LocalizedText {
    switch self {
    case .bulkSales: LocalizedText(zh: "散装食品销售", en: "Sale of bulk food")
    case .bulkAndPrepackagedSales: LocalizedText(zh: "散装食品和预包装食品销售", en: "Sale of bulk and prepackaged food")
    case .hotFood: LocalizedText(zh: "热食类食品制售", en: "Preparation and sale of hot food")
    case .coldFood: LocalizedText(zh: "冷食类食品制售", en: "Preparation and sale of cold food")
    case .rawFood: LocalizedText(zh: "生食类食品制售", en: "Preparation and sale of raw food")
    case .semiFinished: LocalizedText(zh: "半成品制售", en: "Preparation and sale of semi-finished food")
    case .beverage: LocalizedText(zh: "自制饮品制售", en: "Preparation and sale of own beverages")
    case .salesChainManagement: LocalizedText(zh: "食品销售连锁管理", en: "Food sales chain management")
    case .cateringChainManagement: LocalizedText(zh: "餐饮服务连锁管理", en: "Catering chain management")
    case .cateringManagement: LocalizedText(zh: "餐饮服务管理", en: "Catering management")
    case .prepackagedSales: LocalizedText(zh: "预包装食品销售", en: "Sale of prepackaged food")
    case .specialFoodSales: LocalizedText(zh: "特殊食品销售", en: "Sale of special foods")
    case .otherSales: LocalizedText(zh: "其他类食品销售", en: "Sale of other food")
    case .otherPrepared: LocalizedText(zh: "其他类食品制售", en: "Preparation and sale of other food")
    }
  }

  /// The three groups of the 2023 list, and the 2015 items no longer on it.
  public enum Group: Sendable, Hashable {
    /// 食品销售
    case sales
    /// 餐饮服务
    case catering
    /// 食品经营管理
    case management
    /// 2015 目录中已停用的项目
    case legacy
  }

  public var group: Group {
    switch self {
    case .bulkSales, .bulkAndPrepackagedSales: .sales
    case .hotFood, .coldFood, .rawFood, .semiFinished, .beverage: .catering
    case .salesChainManagement, .cateringChainManagement, .cateringManagement: .management
    case .prepackagedSales, .specialFoodSales, .otherSales, .otherPrepared: .legacy
    }
  }

  /// A 2015 item that is not on the 2023 list (kept so stored licences still decode).
  public var isLegacy: Bool { group == .legacy }

  /// Whether the item is food prepared on the premises (餐饮服务, or the 2015 其他类食品制售).
  public var isPrepared: Bool { group == .catering || self == .otherPrepared }

  /// Whether the item is food sold, not prepared (食品销售, or a 2015 sales item).
  public var isSold: Bool {
    group == .sales || [.prepackagedSales, .specialFoodSales, .otherSales].contains(self)
  }
}

/// 经营项目后的括号标注。 Bracket note on a food business item.
///
/// The 2023 measures keep three: 散装熟食 (on 散装食品销售 or 散装食品和预包装食品销售), 冷加工糕点
/// and 冷荤类 (on 冷食类食品制售). 含冷藏冷冻食品 is the 2015 note, kept decodable and marked
/// ``isLegacy`` (FL-016).
public enum FoodItemNote: String, CodeList {
  /// 散装熟食
  case bulkCooked = "BULK_COOKED"
  /// 冷加工糕点
  case coldPastry = "COLD_PASTRY"
  /// 冷荤类
  case coldMeat = "COLD_MEAT"
  /// 含冷藏冷冻食品（2015 年目录，已停用）
  case chilledFrozen = "CHILLED_FROZEN"

  public var label: LocalizedText {
    switch self {
    case .bulkCooked: LocalizedText(zh: "散装熟食", en: "Bulk cooked food")
    case .coldPastry: LocalizedText(zh: "冷加工糕点", en: "Cold-processed pastry")
    case .coldMeat: LocalizedText(zh: "冷荤类", en: "Cold meat dishes")
    case .chilledFrozen: LocalizedText(zh: "含冷藏冷冻食品", en: "Including chilled and frozen food")
    }
  }

  /// A 2015 note that is not in the 2023 measures.
  public var isLegacy: Bool { self == .chilledFrozen }

  /// The 2023 items the note may follow (none for a 2015 note).
  public var items: Set<FoodItem> {
    switch self {
    case .bulkCooked: [.bulkSales, .bulkAndPrepackagedSales]
    case .coldPastry, .coldMeat: [.coldFood]
    case .chilledFrozen: []
    }
  }
}

/// 专间或专用操作区。 Dedicated room or dedicated work area.
public enum DedicatedSpaceKind: String, CodeList {
  /// 专间
  case room = "ROOM"
  /// 专用操作区
  case area = "AREA"

  public var label: LocalizedText {
    switch self {
    case .room: LocalizedText(zh: "专间", en: "Dedicated room")
    case .area: LocalizedText(zh: "专用操作区", en: "Dedicated work area")
    }
  }
}

/// 专间或专用操作区的用途。 What a dedicated room or area is for.
public enum DedicatedSpacePurpose: String, CodeList {
  /// 冷食类食品制作
  case coldFood = "COLD_FOOD"
  /// 生食类食品制作
  case rawFood = "RAW_FOOD"
  /// 冷加工糕点、裱花
  case pastryDecoration = "PASTRY_DECORATION"
  /// 自制饮品制作
  case beverage = "BEVERAGE"
  /// 现榨果蔬汁、果蔬拼盘
  case fruitAndJuice = "FRUIT_AND_JUICE"
  /// 备餐
  case serving = "SERVING"

  public var label: LocalizedText {
    switch self {
    case .coldFood: LocalizedText(zh: "冷食类食品制作", en: "Cold food")
    case .rawFood: LocalizedText(zh: "生食类食品制作", en: "Raw food")
    case .pastryDecoration: LocalizedText(zh: "冷加工糕点、裱花", en: "Cold pastry and decoration")
    case .beverage: LocalizedText(zh: "自制饮品制作", en: "Own beverages")
    case .fruitAndJuice: LocalizedText(zh: "现榨果蔬汁、果蔬拼盘", en: "Fresh juice and fruit platters")
    case .serving: LocalizedText(zh: "备餐", en: "Serving preparation")
    }
  }
}

/// 从业人员岗位。 Staff role.
public enum StaffRole: String, CodeList {
  /// 食品加工制作人员
  case foodHandler = "FOOD_HANDLER"
  /// 餐饮服务人员
  case server = "SERVER"
  /// 食品安全管理人员
  case foodSafetyManager = "FOOD_SAFETY_MANAGER"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .foodHandler: LocalizedText(zh: "食品加工制作人员", en: "Food handler")
    case .server: LocalizedText(zh: "餐饮服务人员", en: "Server")
    case .foodSafetyManager: LocalizedText(zh: "食品安全管理人员", en: "Food-safety manager")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 变更事项。 Item that changes.
public enum ChangeField: String, CodeList {
  /// 名称
  case name = "NAME"
  /// 经营者
  case `operator` = "OPERATOR"
  /// 经营者住所（登记事项，细则第六条第（七）项；营业执照不记载）
  case operatorResidence = "OPERATOR_RESIDENCE"
  /// 组成形式
  case compositionForm = "COMPOSITION_FORM"
  /// 经营场所
  case premises = "PREMISES"
  /// 经营范围
  case businessScope = "BUSINESS_SCOPE"
  /// 食品经营项目
  case foodItems = "FOOD_ITEMS"
  /// 经营布局与设备设施
  case layout = "LAYOUT"
  /// 专间与专用操作区
  case dedicatedSpaces = "DEDICATED_SPACES"
  /// 从业人员
  case staff = "STAFF"
  /// 经营场所面积
  case operatingArea = "OPERATING_AREA"
  /// 食品安全管理人员
  case foodSafetyManager = "FOOD_SAFETY_MANAGER"
  /// 联系人
  case contact = "CONTACT"
  /// 资金数额
  case fundsAmount = "FUNDS_AMOUNT"
  /// 从业人数
  case employees = "EMPLOYEES"

  public var label: LocalizedText {
    switch self {
    case .name: LocalizedText(zh: "名称", en: "Name")
    case .`operator`: LocalizedText(zh: "经营者", en: "Operator")
    case .operatorResidence: LocalizedText(zh: "经营者住所", en: "Operator's residence")
    case .compositionForm: LocalizedText(zh: "组成形式", en: "Composition form")
    case .premises: LocalizedText(zh: "经营场所", en: "Premises")
    case .businessScope: LocalizedText(zh: "经营范围", en: "Business scope")
    case .foodItems: LocalizedText(zh: "食品经营项目", en: "Food business items")
    case .layout: LocalizedText(zh: "经营布局与设备设施", en: "Layout and equipment")
    case .dedicatedSpaces: LocalizedText(zh: "专间与专用操作区", en: "Dedicated rooms and areas")
    case .staff: LocalizedText(zh: "从业人员", en: "Staff")
    case .operatingArea: LocalizedText(zh: "经营场所面积", en: "Operating area")
    case .foodSafetyManager: LocalizedText(zh: "食品安全管理人员", en: "Food-safety manager")
    case .contact: LocalizedText(zh: "联系人", en: "Contact")
    case .fundsAmount: LocalizedText(zh: "资金数额", en: "Funds amount")
    case .employees: LocalizedText(zh: "从业人数", en: "Number of employees")
    }
  }
}

/// 注销原因。 Reason for cancellation.
public enum CancellationReason: String, CodeList {
  /// 停止经营
  case ceasedTrading = "CEASED_TRADING"
  /// 迁出市南区
  case relocated = "RELOCATED"
  /// 转型为企业
  case converted = "CONVERTED"
  /// 其他
  case other = "OTHER"

  public var label: LocalizedText {
    switch self {
    case .ceasedTrading: LocalizedText(zh: "停止经营", en: "Ceased trading")
    case .relocated: LocalizedText(zh: "迁出市南区", en: "Moved out of Shinan")
    case .converted: LocalizedText(zh: "转型为企业", en: "Converted into an enterprise")
    case .other: LocalizedText(zh: "其他", en: "Other")
    }
  }
}

/// 开办餐饮店“一件事”办件类型。 Kind of restaurant one-thing case.
public enum BundleKind: String, CodeList {
  /// 新办
  case opening = "OPENING"
  /// 变更
  case change = "CHANGE"
  /// 注销
  case cancellation = "CANCELLATION"

  public var label: LocalizedText {
    switch self {
    case .opening: LocalizedText(zh: "新办", en: "Opening")
    case .change: LocalizedText(zh: "变更", en: "Change")
    case .cancellation: LocalizedText(zh: "注销", en: "Cancellation")
    }
  }
}

/// 并联审批的审批线：一项证照或许可，编号由“一件事”定义给出。 Review track: one licence or permit of a
/// bundle, its id given by the bundle definition (`BUSINESS`, `FOOD`, `PUBLICATION`…): 2 to 32
/// capital letters, digits or underscores, starting with a letter. Not a closed list: a definition
/// added without a release brings its own.
public struct Track: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  public let rawValue: String

  /// Nil unless `rawValue` has the id's shape.
  public init?(rawValue: String) {
    guard Self.isWellFormed(rawValue) else { return nil }
    self.rawValue = rawValue
  }

  private init(known: String) { rawValue = known }

  /// 营业执照（个体工商户登记）
  public static let business = Track(known: "BUSINESS")
  /// 食品经营许可
  public static let food = Track(known: "FOOD")

  /// Whether `id` is a track id: `[A-Z][A-Z0-9_]{1,31}`.
  public static func isWellFormed(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard (2...32).contains(bytes.count), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0]) else { return false }
    return bytes.allSatisfy {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        || $0 == UInt8(ascii: "_")
    }
  }

  /// The restaurant's two tracks are named here; another definition's track is named by its
  /// definition (``BundleDefinition/Track/name``), and shows its id where that is not at hand.
  public var label: LocalizedText {
    switch rawValue {
    case "BUSINESS": LocalizedText(zh: "营业执照（个体工商户登记）", en: "Business licence")
    case "FOOD": LocalizedText(zh: "食品经营许可", en: "Food business licence")
    default: LocalizedText(zh: rawValue, en: rawValue)
    }
  }

  public var description: String { rawValue }

  public static func < (lhs: Track, rhs: Track) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let track = Track(rawValue: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a track id: \(text)"))
    }
    self = track
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// 审查决定。 Review decision.
public enum DecisionKind: String, CodeList {
  /// 准予
  case approve = "APPROVE"
  /// 不予
  case reject = "REJECT"
  /// 一次性告知补正
  case requestCorrection = "REQUEST_CORRECTION"
  /// 撤销
  case revoke = "REVOKE"

  public var label: LocalizedText {
    switch self {
    case .approve: LocalizedText(zh: "准予", en: "Approve")
    case .reject: LocalizedText(zh: "不予", en: "Reject")
    case .requestCorrection: LocalizedText(zh: "一次性告知补正", en: "Request correction")
    case .revoke: LocalizedText(zh: "撤销", en: "Revoke")
    }
  }
}

/// 现场核查结论。 Result of the on-site inspection.
public enum InspectionResult: String, CodeList {
  /// 符合
  case pass = "PASS"
  /// 整改后符合
  case passAfterRectification = "PASS_AFTER_RECTIFICATION"
  /// 不符合
  case fail = "FAIL"

  public var label: LocalizedText {
    switch self {
    case .pass: LocalizedText(zh: "符合", en: "Passed")
    case .passAfterRectification: LocalizedText(zh: "整改后符合", en: "Passed after rectification")
    case .fail: LocalizedText(zh: "不符合", en: "Failed")
    }
  }
}

/// 操作人角色。 Role of the actor.
public enum ActorRole: String, CodeList {
  /// 审批窗口工作人员
  case clerk = "CLERK"
  /// 产权单位
  case owner = "OWNER"
  /// 申请人
  case applicant = "APPLICANT"
  /// 系统
  case system = "SYSTEM"

  public var label: LocalizedText {
    switch self {
    case .clerk: LocalizedText(zh: "审批窗口工作人员", en: "Clerk")
    case .owner: LocalizedText(zh: "产权单位", en: "Property owner")
    case .applicant: LocalizedText(zh: "申请人", en: "Applicant")
    case .system: LocalizedText(zh: "系统", en: "System")
    }
  }
}
