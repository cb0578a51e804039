import Foundation
import OneWindowTestSupport
import OneWindowXML
import Testing

/// The composer copies named elements of source packets into a new document in a new namespace,
/// with the hardened parse of the validator, and serialises it indented with a declaration.
struct PacketComposerTests {
  private static func compose(_ composition: Composition, _ sources: [String], limits: ParseLimits = ParseLimits())
    throws(ComposeError) -> String
  {
    let composer = PacketComposer(limits: limits)
    let bytes = try composer.compose(
      composition, from: sources.enumerated().map { ComposerSource(bytes: Array($1.utf8), name: "s\($0).xml") })
    return String(decoding: bytes, as: UTF8.self)
  }

  private func compose(_ composition: Composition, _ sources: [String]) throws(ComposeError) -> String {
    try Self.compose(composition, sources)
  }

  private static func failure(_ composition: Composition, _ sources: [String], limits: ParseLimits = ParseLimits())
    -> ComposeError?
  {
    do {
      _ = try compose(composition, sources, limits: limits)
      return nil
    } catch {
      return error
    }
  }

  static let first = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- a comment outside the root is not copied -->
    <A xmlns="urn:test:a">
      <Header><Id>A-1</Id><Version>1.0</Version><Created>2026-06-03</Created></Header>
      <Person kind="owner">
        <Name>孙宏伟</Name>
        <!-- kept -->
        <Note>a &amp; b &lt;c&gt;</Note>
      </Person>
      <Person kind="other"><Name>周雅琴</Name></Person>
      <List><Item id="1">one</Item><Item id="2">two</Item><Item id="3">three</Item></List>
    </A>
    """

  static let second = """
    <b:B xmlns:b="urn:test:b"><b:List><b:Item id="9">nine</b:Item><b:Item id="2">zwei</b:Item></b:List></b:B>
    """

  @Test func buildsTheRootTextElementsAndCopiesInTheOrderGiven() throws {
    let composition = Composition(
      rootName: "Out", namespace: "urn:test:out",
      parts: [
        .element(
          name: "Header",
          parts: [
            .text(name: "Id", value: "A-1-BL"),
            .copy(ElementSelection(source: 0, path: ["Header", "*"], except: ["Id"])),
          ]),
        .text(name: "Number", value: "YJS-370202-2026-000001"),
        .copy(ElementSelection(source: 0, path: ["Person"], attribute: "kind", values: ["owner"])),
        .copy(ElementSelection(source: 0, path: ["Missing"])),
        .element(
          name: "List",
          parts: [
            .copy(ElementSelection(source: 1, path: ["List", "Item"], attribute: "id", values: ["9"])),
            .copy(ElementSelection(source: 0, path: ["List", "Item"], attribute: "id", values: ["3", "1"])),
          ]),
      ])
    #expect(try compose(composition, [Self.first, Self.second]) == """
      <?xml version="1.0" encoding="UTF-8"?>
      <Out xmlns="urn:test:out">
        <Header>
          <Id>A-1-BL</Id>
          <Version>1.0</Version>
          <Created>2026-06-03</Created>
        </Header>
        <Number>YJS-370202-2026-000001</Number>
        <Person kind="owner">
          <Name>孙宏伟</Name>
          <!-- kept -->
          <Note>a &amp; b &lt;c&gt;</Note>
        </Person>
        <List>
          <Item id="9">nine</Item>
          <Item id="1">one</Item>
          <Item id="3">three</Item>
        </List>
      </Out>

      """)
  }

  @Test func movesEveryDescendantIntoTheNewNamespaceAndKeepsForeignOnes() throws {
    let source = """
      <a:Root xmlns:a="urn:test:a" xmlns:o="urn:test:other">
        <a:X o:flag="1" plain="2"><o:Y a:z="3"/><a:Z>t</a:Z><W xmlns="">none<a:V>v</a:V></W><U xmlns="urn:test:u"><a:V/></U></a:X>
      </a:Root>
      """
    let composition = Composition(
      rootName: "Out", namespace: "urn:test:out", parts: [.copy(ElementSelection(source: 0, path: ["X"]))])
    #expect(try compose(composition, [source]) == """
      <?xml version="1.0" encoding="UTF-8"?>
      <Out xmlns="urn:test:out">
        <X xmlns:o="urn:test:other" o:flag="1" plain="2">
          <o:Y xmlns:a="urn:test:out" a:z="3"/>
          <Z>t</Z>
          <W xmlns="">none<V xmlns="urn:test:out">v</V></W>
          <U xmlns="urn:test:u">
            <V xmlns="urn:test:out"/>
          </U>
        </X>
      </Out>

      """)
  }

  @Test func keepsTextThatIsContentAndCDATA() throws {
    let source = """
      <A xmlns="urn:test:a"><Blank>   </Blank><Mixed>one <B>two</B> three</Mixed><C><![CDATA[<raw> & ]]></C></A>
      """
    let composition = Composition(
      rootName: "Out", namespace: "urn:test:out", parts: [.copy(ElementSelection(source: 0, path: ["*"]))])
    #expect(try compose(composition, [source]) == """
      <?xml version="1.0" encoding="UTF-8"?>
      <Out xmlns="urn:test:out">
        <Blank>   </Blank>
        <Mixed>one <B>two</B> three</Mixed>
        <C><![CDATA[<raw> & ]]></C>
      </Out>

      """)
  }

  @Test func readsUTF16Sources() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<A xmlns=\"urn:test:a\"><Name>福顺斋</Name></A>".utf16 {
      bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let output = try PacketComposer().compose(
      Composition(rootName: "Out", namespace: "urn:test:out", parts: [.copy(ElementSelection(source: 0, path: ["Name"]))]),
      from: [ComposerSource(bytes: bytes, name: "utf16.xml")])
    #expect(String(decoding: output, as: UTF8.self).contains("<Name>福顺斋</Name>"))
  }

  @Test func refusesADoctypeWithoutLoadingAnything() throws {
    let listener = try #require(LoopbackListener())
    let source = """
      <?xml version="1.0"?>
      <!DOCTYPE A [<!ENTITY e SYSTEM "http://127.0.0.1:\(listener.port)/e.txt">]>
      <A xmlns="urn:test:a"><Name>&e;</Name></A>
      """
    let composition = Composition(rootName: "Out", namespace: "urn:test:out", parts: [.copy(ElementSelection(source: 0, path: ["Name"]))])
    let outcome = finishes { Self.failure(composition, ["<A/>", source]) }
    let finished = try #require(outcome, "the composer hung")
    let error = try #require(finished)
    #expect(error.source == "s1.xml")
    #expect(error.issues.map(\.stage) == [.policy])
    #expect(error.issues.map(\.code) == [PolicyViolation.doctype.rawValue])
    #expect(error.description == "s1.xml: the packet does not parse (line 2: DOCTYPE and other markup declarations are not allowed)")
    #expect(!listener.sawConnection)
  }

  @Test func reportsASourceThatIsNotWellFormed() throws {
    let composition = Composition(rootName: "Out", namespace: "urn:test:out", parts: [])
    let error = try #require(Self.failure(composition, ["<A>\n<B></A>"]))
    #expect(error.source == "s0.xml")
    #expect(error.issues.first?.stage == .parser)
    #expect(error.issues.first?.code == 76)
    #expect(error.issues.first?.line == 2)
  }

  @Test func appliesTheParseLimits() throws {
    let composition = Composition(rootName: "Out", namespace: "urn:test:out", parts: [])
    let deep = String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10)
    let error = try #require(Self.failure(composition, [deep], limits: ParseLimits(maxDepth: 5)))
    #expect(error.issues.map(\.code) == [PolicyViolation.tooDeep.rawValue])
    let large = try #require(Self.failure(composition, ["<a>" + String(repeating: "x", count: 100) + "</a>"], limits: ParseLimits(maxBytes: 50)))
    #expect(large.issues.map(\.code) == [PolicyViolation.tooLarge.rawValue])
  }

  @Test func refusesASelectionOfAMissingSource() throws {
    let composition = Composition(
      rootName: "Out", namespace: "urn:test:out",
      parts: [.element(name: "G", parts: [.copy(ElementSelection(source: 1, path: ["X"]))])])
    let error = try #require(Self.failure(composition, ["<A/>"]))
    #expect(error.source == nil)
    #expect(error.description == "the composition takes from source 1, but 1 were given")
  }

  @Test func composesManyTimesWithOneComposer() throws {
    let composer = PacketComposer()
    let composition = Composition(
      rootName: "Out", namespace: "urn:test:out", parts: [.copy(ElementSelection(source: 0, path: ["List", "Item"]))])
    let sources = [ComposerSource(bytes: Array(Self.first.utf8), name: "a.xml")]
    let outputs = try (0..<50).map { _ throws(ComposeError) in try composer.compose(composition, from: sources) }
    #expect(Set(outputs).count == 1)
  }
}
