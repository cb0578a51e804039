public import OneWindowCore
extension OneWindow {
  /// Checks that a business-licence application and a food-licence application of one bundle
  /// agree (operator, name, premises, scope, case number, materials, agent): the BD rules.
  ///
  /// - Returns: the pair findings, located in the food application.
  /// - Throws: ``OneWindowError/notAPair(_:)`` when either packet is not schema-valid or not of
  ///   the expected family.
  public func checkTracks(
    business: [UInt8], businessName: String, food: [UInt8], foodName: String,
    options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> [Finding] {
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: options)
    let (_, businessChecked) = try Self.receive(
      PacketSource(displayName: businessName, kind: .memory(bytes: business)), checker: checker, options: options,
      failure: OneWindowError.notAPair)
    let (_, foodChecked) = try Self.receive(
      PacketSource(displayName: foodName, kind: .memory(bytes: food)), checker: checker, options: options,
      failure: OneWindowError.notAPair)
    let pair = try Self.pair(business: businessChecked, businessName: businessName, food: foodChecked, foodName: foodName)
    return checker.checkTracks(business: pair.business, food: pair.food, foodName: foodName)
  }
}
