extension String {
  /// Whether `other` occurs in this string, with the answer of `contains(_:)` (which compares
  /// characters, canonical equivalents alike), but cheap when the answer is no.
  ///
  /// When both strings consist only of scalars that are each a whole character and their own
  /// canonical form (ASCII, CJK ideographs and punctuation, full-width forms, general
  /// punctuation), matching characters means matching bytes, so a byte search that finds
  /// nothing settles it. Anything else, and any byte match, goes to `contains(_:)`.
  package func containsText(_ other: String) -> Bool {
    if Self.isPlain(self), Self.isPlain(other), !Self.bytes(of: self, contain: other) { return false }
    return contains(other)
  }

  private static func isPlain(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0x00...0x7F, 0xB7, 0x2010...0x2027, 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xFF01...0xFF5E:
        true
      default:
        false
      }
    }
  }

  private static func bytes(of text: String, contain other: String) -> Bool {
    var text = text
    var other = other
    return text.withUTF8 { haystack in
      other.withUTF8 { needle in
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
          if haystack[start] == first {
            var offset = 1
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
          }
          start += 1
        }
        return false
      }
    }
  }
}
