import Foundation
import OneWindowTestSupport
import OneWindowXML
import Testing

/// Hostile packets get a clear issue or acceptance, without any file or URL being read.
/// Each check runs under a hang guard (a failing guard means a hang, not slowness).
struct HostileInputTests {
  private func guarded(_ text: String, limits: ParseLimits = ParseLimits()) throws -> XMLCheck<Void> {
    let bytes = Array(text.utf8)
    return try #require(finishes { check(bytes: bytes, limits: limits) })
  }

  private func guarded(bytes: [UInt8], limits: ParseLimits = ParseLimits()) throws -> XMLCheck<Void> {
    try #require(finishes { check(bytes: bytes, limits: limits) })
  }

  @Test func rejectsAnExternalEntityToALocalFileWithoutOpeningIt() throws {
    // A FIFO blocks whoever opens it for reading until a writer comes: if libxml2 tried to
    // read it, the hang guard would fire.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-xxe-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("secret").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE AddressPreFiling [<!ENTITY secret SYSTEM "file://\(fifo)">]>
      <AddressPreFiling xmlns="urn:onewindow:prefiling:v1">&secret;</AddressPreFiling>
      """
    let result = try guarded(text)
    #expect(result.summary == ["policy \(PolicyViolation.doctype.rawValue) 2 -"])
    #expect(!result.wellFormed)
  }

  @Test func rejectsAnExternalEntityAndDTDOverHTTPWithoutConnecting() throws {
    let listener = try #require(LoopbackListener())
    let url = "http://127.0.0.1:\(listener.port)/evil"
    for text in [
      "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM \"\(url).txt\">]>\n<a>&e;</a>",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"\(url).dtd\">\n<a/>",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY % p SYSTEM \"\(url).ent\"> %p;]>\n<a/>",
    ] {
      #expect(try guarded(text).summary == ["policy \(PolicyViolation.doctype.rawValue) 2 -"])
    }
    #expect(!listener.sawConnection)
  }

  @Test func ignoresSchemaLocationHintsAndXInclude() throws {
    let listener = try #require(LoopbackListener())
    let text = preFiling(
      replacing: "<AddressPreFiling xmlns=\"urn:onewindow:prefiling:v1\">",
      with: """
        <AddressPreFiling xmlns="urn:onewindow:prefiling:v1" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="urn:onewindow:prefiling:v1 http://127.0.0.1:\(listener.port)/x.xsd">
        """
    ).replacingOccurrences(
      of: "<Channel>WINDOW</Channel>",
      with: "<Channel>WINDOW</Channel><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>")
    let result = try guarded(text)
    #expect(result.issues.map(\.code) == [1871])
    #expect(result.issues.first?.path == "/AddressPreFiling/Header/include")
    #expect(!listener.sawConnection)
  }

  @Test func rejectsBillionLaughs() throws {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
    }
    text += "]>\n<lolz>&lol9;</lolz>"
    #expect(try guarded(text).summary == ["policy \(PolicyViolation.doctype.rawValue) 2 -"])
  }

  @Test func rejectsQuadraticBlowUp() throws {
    // 100 KB entity referenced 20,000 times: 2 GB if expanded (16 s in xmlNodeGetContent when
    // the DOCTYPE is let through, see reference/swift-libxml2.md §3).
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE kaboom [<!ENTITY a \"" + String(repeating: "a", count: 100_000)
      + "\">]>\n<kaboom>" + String(repeating: "&a;", count: 20_000) + "</kaboom>"
    #expect(try guarded(text).summary == ["policy \(PolicyViolation.doctype.rawValue) 2 -"])
  }

  @Test func rejectsDeepNesting() throws {
    let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
    let result = try guarded(text)
    #expect(result.summary == ["policy \(PolicyViolation.tooDeep.rawValue) 1 -"])
    // The limit is configurable, and libxml2's own ceiling of 256 still holds above ours.
    let shallow = String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
    #expect(try guarded(shallow, limits: ParseLimits(maxDepth: 10)).issues.map(\.code) == [PolicyViolation.tooDeep.rawValue])
    #expect(ParseLimits(maxDepth: 10_000).maxDepth == 256)
  }

  @Test func rejectsAnOversizePacketBeforeParsing() throws {
    let result = try guarded(validPreFiling, limits: ParseLimits(maxBytes: 1024))
    #expect(result.summary == ["policy \(PolicyViolation.tooLarge.rawValue) 0 -"])
    #expect(result.issues.first?.message == "packet is \(validPreFiling.utf8.count) bytes, the limit is 1024")
  }

  @Test func rejectsTooManyAttributes() throws {
    var text = "<?xml version=\"1.0\"?>\n<a"
    for index in 0..<200_000 { text += " a\(index)=\"1\"" }
    text += "/>"
    #expect(try guarded(text).summary == ["policy \(PolicyViolation.tooManyAttributes.rawValue) 2 -"])
  }

  @Test func reportsUndeclaredNonUTF8Bytes() throws {
    var bytes = Array(validPreFiling.utf8)
    let name = Array("刘晓燕".utf8)
    let gbk: [UInt8] = [0xC1, 0xF5, 0xCF, 0xFE, 0xD1, 0xE0]  // 刘晓燕 in GBK
    if let start = bytes.indices.first(where: { Array(bytes[$0..<min($0 + name.count, bytes.count)]) == name }) {
      bytes.replaceSubrange(start..<start + name.count, with: gbk)
    }
    let result = try guarded(bytes: bytes)
    #expect(result.issues.map(\.code) == [9])
    #expect(result.issues.first?.message.hasPrefix("Input is not proper UTF-8") == true)
    #expect(!result.wellFormed)
  }

  @Test func acceptsDeclaredGBKAndGB18030() throws {
    for name in ["taixingli-gbk.xml", "taixingli-gb18030.xml"] {
      let bytes = try Repository.bytes("SampleFilings/valid/prefiling/" + name)
      #expect(String(validating: bytes, as: UTF8.self) == nil, "\(name) should not be UTF-8")
      let result = try guarded(bytes: bytes)
      #expect(result.issues.isEmpty, "\(name): \(result.summary)")
      #expect(result.schemaValid)
    }
  }

  @Test func acceptsUTF16WithAndWithoutByteOrderMark() throws {
    let declared = validPreFiling.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
    let littleEndian = Array(declared.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian = Array(declared.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for bytes in [[0xFF, 0xFE] + littleEndian, [0xFE, 0xFF] + bigEndian, littleEndian, bigEndian] {
      let result = try guarded(bytes: bytes)
      #expect(result.issues.isEmpty, "\(result.summary)")
      #expect(result.schemaValid)
    }
  }

  @Test func rejectsBrokenUTF16AndUTF32() throws {
    let oddLength: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x61]
    #expect(try guarded(bytes: oddLength).summary == ["policy \(PolicyViolation.invalidUTF16.rawValue) 1 -"])
    let loneSurrogate: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]
    #expect(try guarded(bytes: loneSurrogate).issues.map(\.code) == [PolicyViolation.invalidUTF16.rawValue])
    let utf32: [UInt8] = [0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00]
    #expect(try guarded(bytes: utf32).issues.map(\.code) == [PolicyViolation.unsupportedEncoding.rawValue])
  }

  @Test func rejectsNULBytesAndEmptyInput() throws {
    let withNUL = Array("<?xml version=\"1.0\"?>\n<a>\u{0}</a>".utf8)
    let result = try guarded(bytes: withNUL)
    #expect(!result.wellFormed)
    #expect(result.issues.first?.stage == .parser)
    #expect(try guarded(bytes: []).issues.map(\.code) == [4])
  }
}
