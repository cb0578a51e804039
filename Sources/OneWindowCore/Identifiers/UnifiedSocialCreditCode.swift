/// 统一社会信用代码 (GB 32100-2015): 18 characters, a check character over the first 17, and
/// inside it the organisation code (positions 9–17, GB 11714) with its own check character.
public enum UnifiedSocialCreditCode {
  /// The 31 characters of the code, in value order (no I, O, S, V, Z).
  public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  /// Weights of positions 1–17: 3^(i−1) mod 31.
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  /// Weights of the organisation code's positions 9–16: 2^(9−i) mod 11.
  static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

  /// The check character for 17 characters, or nil when one is outside the alphabet.
  public static func checkCharacter(for first17: some StringProtocol) -> Character? {
    let characters = Array(first17)
    guard characters.count == 17 else { return nil }
    var sum = 0
    for (index, character) in characters.enumerated() {
      guard let value = alphabet.firstIndex(of: character) else { return nil }
      sum += value * weights[index]
    }
    return alphabet[(31 - sum % 31) % 31]
  }

  /// The value of each ASCII byte in ``alphabet``, -1 for bytes outside it.
  static let byteValues: [Int] = (0..<128).map { byte in
    alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(byte)))) ?? -1
  }

  /// Whether the 18th character is the GB 32100 check character.
  public static func hasValidCheckCharacter(_ code: String) -> Bool {
    if let valid = ASCIIText.withBytes(code, { bytes -> Bool in
      guard bytes.count == 18 else { return false }
      var sum = 0
      for index in 0..<17 {
        let value = byteValues[Int(bytes[index])]
        guard value >= 0 else { return false }
        sum += value * weights[index]
      }
      return alphabet[(31 - sum % 31) % 31].asciiValue == bytes[17]
    }) {
      return valid
    }
    let characters = Array(code)
    guard characters.count == 18, let expected = checkCharacter(for: String(characters[0..<17])) else {
      return false
    }
    return characters[17] == expected
  }

  /// The GB 11714 check character for the 8-character organisation body (digits and A–Z).
  public static func organisationCheckCharacter(for body: some StringProtocol) -> Character? {
    let characters = Array(body)
    guard characters.count == 8 else { return nil }
    var sum = 0
    for (index, character) in characters.enumerated() {
      let value: Int
      if let digit = character.wholeNumberValue, character.isASCII {
        value = digit
      } else if let ascii = character.asciiValue, (65...90).contains(ascii) {
        value = Int(ascii) - 55
      } else {
        return nil
      }
      sum += value * organisationWeights[index]
    }
    let check = 11 - sum % 11
    return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
  }

  /// Whether positions 9–17 carry a valid GB 11714 organisation code.
  public static func hasValidOrganisationCode(_ code: String) -> Bool {
    if let valid = ASCIIText.withBytes(code, { bytes -> Bool in
      guard bytes.count == 18 else { return false }
      var sum = 0
      for index in 0..<8 {
        let byte = bytes[8 + index]
        let value: Int
        if ASCIIText.isDigit(byte) {
          value = Int(byte) - 0x30
        } else if byte >= 65 && byte <= 90 {
          value = Int(byte) - 55
        } else {
          return false
        }
        sum += value * organisationWeights[index]
      }
      let check = 11 - sum % 11
      let expected: UInt8 = check == 10 ? UInt8(ascii: "X") : check == 11 ? UInt8(ascii: "0") : UInt8(0x30 + check)
      return bytes[16] == expected
    }) {
      return valid
    }
    let characters = Array(code)
    guard characters.count == 18,
      let expected = organisationCheckCharacter(for: String(characters[8..<16]))
    else { return false }
    return characters[16] == expected
  }

  /// Builds a code from its parts, computing both check characters.
  ///
  /// - Parameters:
  ///   - department: registration department and category, such as `92` for a 个体工商户.
  ///   - division: the registering authority's division code, such as `370202`.
  ///   - body: 8 characters of the organisation body (digits and capitals except I, O, S, V, Z).
  public static func make(department: String, division: String, body: String) -> String? {
    guard department.count == 2, division.count == 6, body.count == 8,
      let organisationCheck = organisationCheckCharacter(for: body)
    else { return nil }
    let first17 = department + division + body + String(organisationCheck)
    guard let check = checkCharacter(for: first17) else { return nil }
    return first17 + String(check)
  }
}
