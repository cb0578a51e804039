/// 食品经营许可证编号: `JY` + 1 operator-category digit + 6-digit division + 6-digit sequence +
/// a check digit by ISO 7064 MOD 11,10 over the 13 preceding digits.
///
/// The category digit and the check algorithm are inferences from public licence numbers
/// (brief §3.3); `Data/policy.json` records them as assumptions.
public enum FoodLicenceNumber {
  /// The ISO 7064 MOD 11,10 check digit for a string of digits.
  public static func checkDigit(for digits: some StringProtocol) -> Character? {
    var product = 10
    for character in digits {
      guard character.isASCII, let digit = character.wholeNumberValue else { return nil }
      var sum = (product + digit) % 10
      if sum == 0 { sum = 10 }
      product = (2 * sum) % 11
    }
    return Character(String((11 - product) % 10))
  }

  /// Whether the last digit checks (the `JY` prefix and 14 digits are the schema's job).
  public static func hasValidCheckDigit(_ number: String) -> Bool {
    guard number.hasPrefix("JY"), number.count == 16 else { return false }
    let digits = number.dropFirst(2)
    guard let expected = checkDigit(for: digits.dropLast()) else { return false }
    return digits.last == expected
  }

  /// Builds a number: category digit, division, 6-digit sequence.
  public static func make(category: String, division: String, sequence: Int) -> String? {
    guard category.count == 1, division.count == 6, (0...999_999).contains(sequence) else { return nil }
    let text = String(sequence)
    let digits = category + division + String(repeating: "0", count: 6 - text.count) + text
    return checkDigit(for: digits).map { "JY" + digits + String($0) }
  }
}
