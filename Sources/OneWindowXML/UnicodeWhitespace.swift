/// Whether UTF-8 bytes hold a scalar with the Unicode White_Space property, the property
/// `Character.isWhitespace` tests on a character's first scalar: U+0009…000D, U+0020, U+0085,
/// U+00A0, U+1680, U+2000…200A, U+2028, U+2029, U+202F, U+205F and U+3000. Without one, no
/// character of the text is whitespace and collapsing it changes nothing.
package enum UnicodeWhitespace {
  package static func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var index = 0
    // Eight bytes at a time while none is below 0x21 or from 0x80 up (plain visible ASCII).
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let below = word &- 0x2121_2121_2121_2121
        if (below | word) & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
    }
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
      } else if index + 1 < count {
        let second = bytes[index + 1]
        switch byte {
        case 0xC2:
          if second == 0x85 || second == 0xA0 { return true }
        case 0xE1:
          if second == 0x9A, index + 2 < count, bytes[index + 2] == 0x80 { return true }
        case 0xE2:
          guard index + 2 < count else { break }
          let third = bytes[index + 2]
          if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return true }
          if second == 0x81, third == 0x9F { return true }
        case 0xE3:
          if second == 0x80, index + 2 < count, bytes[index + 2] == 0x80 { return true }
        default:
          break
        }
      }
      index += 1
    }
    return false
  }
}
