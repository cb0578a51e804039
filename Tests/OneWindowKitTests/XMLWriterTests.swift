@testable import OneWindowKit
import Testing

/// The XML text of reports and receipts: escaped, visible, and within the schemas' lengths.
struct XMLWriterTests {
  @Test func escapesMarkupAndSpellsOutWhatXMLCannotHold() {
    #expect(XMLWriter.escape("a&b<c>\"d\"") == "a&amp;b&lt;c&gt;&quot;d&quot;")
    #expect(XMLWriter.escape("tab\tline\r\nend") == "tab\tline\r\nend")
    #expect(XMLWriter.escape("bell\u{7}nul\u{0}\u{FFFE}") == "bell\\u{7}nul\\u{0}\\u{fffe}")
    #expect(XMLWriter.escape("统一社会信用代码") == "统一社会信用代码")
  }

  @Test func clipsByUnicodeScalarsAfterSpellingOut() {
    #expect(XMLWriter.clipped("abcde", to: 5) == "abcde")
    #expect(XMLWriter.clipped("abcdef", to: 5) == "abcd…")
    // "é" as e + U+0301 is one Character but two scalars; XSD counts scalars.
    let combining = String(repeating: "e\u{301}", count: 3)
    #expect(XMLWriter.clipped(combining, to: 4).unicodeScalars.count == 4)
    #expect(XMLWriter.clipped(combining, to: 4) == "e\u{301}e…")
    // A control character counts as its spelt-out form, so the text still fits once parsed.
    #expect(XMLWriter.clipped("a\u{1}b", to: 10) == "a\\u{1}b")
    #expect(XMLWriter.clipped("a\u{1}b", to: 5) == "a\\u{…")
  }
}
