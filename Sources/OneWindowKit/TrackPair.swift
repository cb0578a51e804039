extension OneWindow {
  /// Checks that a business-licence application and a food-licence application of one bundle
  /// agree (operator, name, premises, scope, case number): the BD rules.
  ///
  /// - Returns: the pair findings, located in the food application.
  /// - Throws: ``OneWindowError/notAPair(_:)`` when either packet is not schema-valid or not of
  ///   the expected family.
  public func checkTracks(
    business: [UInt8], businessName: String, food: [UInt8], foodName: String,
    options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> [Finding] {
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: options)
    let businessResult = checker.checkAndParse(bytes: business, name: businessName)
    let foodResult = checker.checkAndParse(bytes: food, name: foodName)
    guard let businessParsed = businessResult.parsed, businessParsed.packet.kind == .businessLicenceApplication else {
      throw .notAPair("\(businessName) is not a schema-valid BusinessLicenceApplication")
    }
    guard let foodParsed = foodResult.parsed, foodParsed.packet.kind == .foodLicenceApplication else {
      throw .notAPair("\(foodName) is not a schema-valid FoodLicenceApplication")
    }
    return checker.checkTracks(business: businessParsed, food: foodParsed, foodName: foodName)
  }
}
