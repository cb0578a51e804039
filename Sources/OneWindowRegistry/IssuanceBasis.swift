import OneWindowCore

/// What issuance needs from a bundle, recorded when the bundle is accepted (or resubmitted), so
/// issuing never parses the stored packet again.
struct IssuanceBasis: Codable, Sendable, Hashable {
  /// The premises as issuance prints them: a pre-filed unit (its building address and room are
  /// read from the registry when the licence is issued) or a declared address.
  enum Premises: Codable, Sendable, Hashable {
    case preFiled(number: String, unitRef: String)
    case declared(address: String)
  }

  /// An opening's certificates' contents.
  struct Opening: Codable, Sendable, Hashable {
    var name: String
    var operatorName: String
    var residence: String
    var compositionForm: CompositionForm
    var premises: Premises
    /// `许可项目：…。一般项目：…。`
    var scope: String
    var category: OperatorCategory
    /// The 主体业态 bracket notes; nil in bases recorded before they existed, or when none.
    var categoryNotes: [OperatorCategoryNote]?
    var items: [FoodItem]
    /// `热食类食品制售；冷食类食品制售（冷荤类）`
    var itemsText: String
  }

  /// A change's new values; nil means unchanged.
  struct Change: Codable, Sendable, Hashable {
    var uscc: String
    var changedFields: [ChangeField]
    var name: String?
    var operatorName: String?
    /// The operator's new residence: its own change, or the new operator's.
    var residence: String?
    var compositionForm: CompositionForm?
    var scope: String?
    var items: [FoodItem]?
    var itemsText: String?
    var premises: Premises?
  }

  var opening: Opening?
  var change: Change?
  /// A cancellation ends the licences of this USCC.
  var cancellationUSCC: String?

  init?(_ packet: Packet) {
    switch packet {
    case .opening(let packet):
      opening = Opening(
        name: packet.core.name.fullName, operatorName: packet.core.operatorInfo.name,
        residence: packet.core.operatorInfo.residence, compositionForm: packet.core.compositionForm,
        premises: Premises(packet.core.premises), scope: Self.scopeText(packet.core.scope),
        category: packet.food.category,
        categoryNotes: packet.food.categoryNotes.isEmpty ? nil : packet.food.categoryNotes.map(\.note),
        items: packet.food.items.map(\.item), itemsText: Self.itemsText(packet.food.items))
    case .change(let packet):
      let changes = packet.changes
      change = Change(
        uscc: packet.current.uscc, changedFields: packet.changedFields, name: changes.name?.fullName,
        operatorName: changes.operatorInfo?.name,
        residence: changes.operatorResidence ?? changes.operatorInfo?.residence,
        compositionForm: changes.compositionForm, scope: changes.scope.map(Self.scopeText),
        items: changes.foodItems?.map(\.item), itemsText: changes.foodItems.map(Self.itemsText),
        premises: changes.premises.map(Premises.init))
    case .cancellation(let packet):
      cancellationUSCC = packet.current.uscc
    default:
      return nil
    }
  }

  /// `许可项目：餐饮服务。一般项目：食品销售（仅销售预包装食品）。`
  static func scopeText(_ scope: BusinessScope) -> String {
    var text = ""
    if !scope.licensed.isEmpty { text += "许可项目：" + scope.licensed.map(\.text).joined(separator: "；") + "。" }
    if !scope.general.isEmpty { text += "一般项目：" + scope.general.map(\.text).joined(separator: "；") + "。" }
    return text
  }

  /// `热食类食品制售；冷食类食品制售（冷荤类）`
  static func itemsText(_ items: [FoodItemEntry]) -> String {
    items.map { entry in
      entry.item.label.zh + (entry.notes.isEmpty ? "" : "（" + entry.notes.map(\.label.zh).joined(separator: "、") + "）")
    }.joined(separator: "；")
  }
}

extension IssuanceBasis.Premises {
  init(_ premises: RestaurantPremises) {
    switch premises {
    case .preFiled(let preFiled): self = .preFiled(number: preFiled.preFilingNumber, unitRef: preFiled.unitRef)
    case .declared(let declared): self = .declared(address: declared.address.singleLine + (declared.room ?? ""))
    }
  }
}
