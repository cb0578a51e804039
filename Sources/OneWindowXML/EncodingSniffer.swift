/// What the first bytes of a packet say about its encoding (XML 1.0, appendix F).
enum SniffedEncoding: Equatable {
  /// UTF-8, or an ASCII-compatible encoding named in the XML declaration (GBK, GB18030, …).
  case asciiCompatible
  case utf16LittleEndian(hasBOM: Bool)
  case utf16BigEndian(hasBOM: Bool)
  /// UTF-32 / UCS-4, which packets may not use.
  case utf32

  init(_ bytes: UnsafeRawBufferPointer) {
    func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0xAA }
    let (b0, b1, b2, b3) = (at(0), at(1), at(2), at(3))
    switch (b0, b1, b2, b3) {
    case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C),
      (0x3C, 0x00, 0x00, 0x00):
      self = .utf32
    case (0xFF, 0xFE, _, _): self = .utf16LittleEndian(hasBOM: true)
    case (0xFE, 0xFF, _, _): self = .utf16BigEndian(hasBOM: true)
    case (0x3C, 0x00, _, 0x00): self = .utf16LittleEndian(hasBOM: false)
    case (0x00, 0x3C, 0x00, _): self = .utf16BigEndian(hasBOM: false)
    default: self = .asciiCompatible
    }
  }
}

/// Transcodes UTF-16 bytes (either byte order, BOM already identified) to UTF-8.
///
/// - Returns: the UTF-8 bytes, or nil when the input is not valid UTF-16 (an odd length or an
///   unpaired surrogate).
func transcodeUTF16ToUTF8(
  _ bytes: UnsafeRawBufferPointer, littleEndian: Bool, skipBOM: Bool
) -> [UInt8]? {
  let start = skipBOM ? 2 : 0
  guard bytes.count >= start, (bytes.count - start) % 2 == 0 else { return nil }
  var units: [UInt16] = []
  units.reserveCapacity((bytes.count - start) / 2)
  var index = start
  while index < bytes.count {
    let first = UInt16(bytes[index])
    let second = UInt16(bytes[index + 1])
    units.append(littleEndian ? first | second << 8 : first << 8 | second)
    index += 2
  }
  var output: [UInt8] = []
  output.reserveCapacity(units.count * 3)
  let failed = transcode(
    units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true
  ) { output.append($0) }
  return failed ? nil : output
}
