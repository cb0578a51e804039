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
    let pair = try Self.parsePair(
      checker: checker, business: business, businessName: businessName, food: food, foodName: foodName)
    return checker.checkTracks(business: pair.business, food: pair.food, foodName: foodName)
  }
}
