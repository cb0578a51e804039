import OneWindowCore
import OneWindowXML

/// Trims and collapses runs of whitespace to one space (xs:token semantics).
func collapse(_ text: String) -> String {
  // Most values hold no whitespace at all: then nothing changes, and the walk over characters
  // below (grapheme breaking and Unicode properties for every character) is skipped.
  guard containsWhitespace(text) else { return text }
  var result = ""
  result.reserveCapacity(text.utf8.count)
  var pendingSpace = false
  for character in text {
    if character.isWhitespace {
      pendingSpace = !result.isEmpty
    } else {
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(character)
    }
  }
  return result
}

/// Whether `text` holds a scalar with the Unicode White_Space property (see
/// ``UnicodeWhitespace``).
func containsWhitespace(_ text: String) -> Bool {
  var text = text
  return text.withUTF8 { UnicodeWhitespace.occurs(in: $0) }
}

/// The text as written, without leading and trailing whitespace (long texts keep their inner
/// line breaks).
func trim(_ text: String) -> String {
  guard containsWhitespace(text) else { return text }
  return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
}
