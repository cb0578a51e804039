/// Identifier checks on plain ASCII text, without the cost of `Character`s.
///
/// Identifiers (统一社会信用代码, 身份证号, JY numbers) are ASCII. For such text every `Character` is
/// one byte, except that "\r\n" is a single `Character`; text with a byte of 0x80 or more, or a
/// carriage return, takes the general path, so both paths give the same answers.
package enum ASCIIText {
  /// Runs `body` over the bytes of `text` when each of its characters is one ASCII byte.
  package static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    var text = text
    return text.withUTF8 { bytes -> Result? in
      for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
      return body(bytes)
    }
  }

  package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
