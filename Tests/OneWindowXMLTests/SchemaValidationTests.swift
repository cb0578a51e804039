import Foundation
import OneWindowTestSupport
import OneWindowXML
import Testing

/// Each class of schema error is reported with libxml2's code, the line and the element path.
struct SchemaValidationTests {
  @Test func acceptsTheValidSample() {
    let result = check(validPreFiling)
    #expect(result.issues.isEmpty)
    #expect(result.wellFormed)
    #expect(result.schemaValid)
    #expect(result.root?.localName == "AddressPreFiling")
    #expect(result.schemaIndex.map { sharedSchemas.entries[$0].family } == "prefiling")
  }

  @Test func reportsAPatternViolationWithValueLineAndPath() {
    let text = preFiling(replacing: "91370202MA3C5Y7R9D", with: "91370202MA3C5Y7R9")
    let result = check(text)
    #expect(result.summary == ["schema 1839 12 /AddressPreFiling/Owner/Organisation/USCC"])
    #expect(result.issues.first?.value == "91370202MA3C5Y7R9")
    #expect(!result.schemaValid)
  }

  @Test func reportsAnEnumerationViolation() {
    let text = preFiling(replacing: "<PlannedUse>OFFICE</PlannedUse>", with: "<PlannedUse>SHOP</PlannedUse>")
    let expectedLine = line(of: "<PlannedUse>SHOP", in: text)
    #expect(check(text).summary == ["schema 1840 \(expectedLine) /AddressPreFiling/Units/Unit[3]/PlannedUse"])
    #expect(check(text).issues.first?.value == "SHOP")
  }

  @Test func reportsARangeViolation() {
    let text = preFiling(replacing: "<Area>42.00</Area>", with: "<Area>-4</Area>")
    let expectedLine = line(of: "<Area>-4", in: text)
    #expect(check(text).summary == ["schema 1835 \(expectedLine) /AddressPreFiling/Units/Unit[2]/Area"])
  }

  @Test func reportsADatatypeViolation() {
    let text = preFiling(replacing: "<SignedOn>2026-03-02</SignedOn>", with: "<SignedOn>2026-02-30</SignedOn>")
    let expectedLine = line(of: "<SignedOn>2026-02-30", in: text)
    let result = check(text)
    #expect(result.summary == ["schema 1824 \(expectedLine) /AddressPreFiling/Declaration/SignedOn"])
    #expect(result.issues.first?.value == "2026-02-30")
  }

  @Test func reportsATooLongValue() {
    let text = preFiling(
      replacing: "<Name>刘晓燕</Name>", with: "<Name>" + String(repeating: "刘", count: 51) + "</Name>")
    let expectedLine = line(of: "<Name>刘刘", in: text)
    #expect(check(text).summary == ["schema 1832 \(expectedLine) /AddressPreFiling/Owner/Contact/Name"])
  }

  @Test func reportsAMissingChild() {
    let text = preFiling(replacing: "      <Phone>0532-82861234</Phone>\n", with: "")
    let expectedLine = line(of: "<Contact>", in: text)
    #expect(check(text).summary == ["schema 1871 \(expectedLine) /AddressPreFiling/Owner/Contact"])
    #expect(check(text).issues.first?.message.contains("Missing child element(s)") == true)
  }

  @Test func reportsAnUnexpectedElement() {
    let text = preFiling(replacing: "<Channel>WINDOW</Channel>", with: "<Channel>WINDOW</Channel><Fax>1</Fax>")
    let expectedLine = line(of: "<Fax>", in: text)
    #expect(check(text).summary == ["schema 1871 \(expectedLine) /AddressPreFiling/Header/Fax"])
  }

  @Test func reportsAMissingAndAnUnknownAttribute() {
    let missing = preFiling(replacing: "<Unit id=\"U-102\">", with: "<Unit>")
    let missingLine = line(of: "<Unit>", in: missing)
    #expect(check(missing).summary.first == "schema 1868 \(missingLine) /AddressPreFiling/Units/Unit[2]")

    let unknown = preFiling(replacing: "<Unit id=\"U-102\">", with: "<Unit id=\"U-102\" colour=\"red\">")
    let unknownLine = line(of: "colour=", in: unknown)
    #expect(check(unknown).summary == ["schema 1866 \(unknownLine) /AddressPreFiling/Units/Unit[2]/@colour"])
  }

  @Test func reportsADuplicateKeyAndADanglingReference() {
    let duplicate = preFiling(replacing: "<Unit id=\"U-102\">", with: "<Unit id=\"U-101\">")
    let duplicateLine = line(of: "<Unit id=\"U-101\">\n      <Floor>1</Floor>\n      <Room>102", in: duplicate)
    let duplicateResult = check(duplicate)
    #expect(duplicateResult.summary.contains("schema 1877 \(duplicateLine) /AddressPreFiling/Units/Unit[2]"))
    #expect(duplicateResult.issues.first?.value == "U-101")

    let dangling = preFiling(replacing: "<UnitRef>U-102</UnitRef>", with: "<UnitRef>U-999</UnitRef>")
    let danglingLine = line(of: "<UnitRef>U-999", in: dangling)
    #expect(check(dangling).summary == ["schema 1877 \(danglingLine) /AddressPreFiling/PropertyProofs/Proof[1]/Covers/UnitRef[2]"])
    #expect(check(dangling).issues.first?.value == "U-999")
  }

  @Test func reportsEveryErrorInOnePass() {
    var text = preFiling(replacing: "91370202MA3C5Y7R9D", with: "X")
    if let range = text.range(of: "<PlannedUse>OFFICE</PlannedUse>") {
      text.replaceSubrange(range, with: "<PlannedUse>SHOP</PlannedUse>")
    }
    #expect(check(text).issues.map(\.code) == [1839, 1840])
  }

  @Test func leavesAnUnknownRootForTheCallerToReport() {
    let result = check("<?xml version=\"1.0\"?>\n<Foo xmlns=\"urn:example\"/>")
    #expect(result.wellFormed)
    #expect(!result.schemaValid)
    #expect(result.schemaIndex == nil)
    #expect(result.root == QualifiedName(namespace: "urn:example", localName: "Foo"))
    #expect(result.rootLine == 2)
    #expect(result.issues.isEmpty)
  }

  @Test func mapsTheValidTreeWhileItIsAlive() throws {
    let validator = try #require(PacketValidator(schemas: sharedSchemas))
    let bytes = Array(validPreFiling.utf8)
    let result = bytes.withUnsafeBytes { raw in
      validator.check(raw, name: "t.xml") { root, entry in
        (entry.family, root.child("Units")?.children.map { $0.attribute("id") ?? "?" } ?? [])
      }
    }
    #expect(result.mapped?.0 == "prefiling")
    #expect(result.mapped?.1 == ["U-101", "U-102", "U-201"])
  }
}
