/// 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence,
/// check character. Residence permits for Hong Kong, Macao and Taiwan residents use the same
/// layout with address codes 810000, 820000 and 830000.
public enum ResidentIdNumber {
  static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  static let checkCharacters = Array("10X98765432")

  /// The check character for the first 17 digits, or nil when they are not 17 digits.
  public static func checkCharacter(for first17: some StringProtocol) -> Character? {
    let digits = first17.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
    guard digits.count == 17, first17.count == 17 else { return nil }
    let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return checkCharacters[sum % 11]
  }

  public static func hasValidCheckCharacter(_ number: String) -> Bool {
    if let valid = ASCIIText.withBytes(number, { bytes -> Bool in
      guard bytes.count == 18 else { return false }
      var sum = 0
      for index in 0..<17 {
        guard ASCIIText.isDigit(bytes[index]) else { return false }
        sum += (Int(bytes[index]) - 0x30) * weights[index]
      }
      return checkCharacters[sum % 11].asciiValue == bytes[17]
    }) {
      return valid
    }
    let characters = Array(number)
    guard characters.count == 18, let expected = checkCharacter(for: String(characters[0..<17])) else {
      return false
    }
    return characters[17] == expected
  }

  /// The birth date in positions 7–14, when it is a real date.
  public static func birthDate(_ number: String) -> CivilDate? {
    if let date = ASCIIText.withBytes(number, { bytes -> CivilDate? in
      guard bytes.count == 18 else { return nil }
      return CivilDate.compact(UnsafeBufferPointer(rebasing: bytes[6..<14]))
    }) {
      return date
    }
    let characters = Array(number)
    guard characters.count == 18 else { return nil }
    return CivilDate(compact: String(characters[6..<14]))
  }

  /// The age in whole years on `date`, when the birth date is real.
  public static func age(_ number: String, on date: CivilDate) -> Int? {
    guard let birth = birthDate(number) else { return nil }
    var years = date.year - birth.year
    if (date.month, date.day) < (birth.month, birth.day) { years -= 1 }
    return years
  }

  /// Builds a number from address code, birth date (YYYYMMDD) and sequence.
  public static func make(address: String, birth: String, sequence: String) -> String? {
    let first17 = address + birth + sequence
    return checkCharacter(for: first17).map { first17 + String($0) }
  }
}
