import Foundation
import OneWindowKit
import OneWindowTestSupport
import Testing

/// `Documentation/Schemas.md` is generated from the XSDs and must match them.
struct SchemaReferenceTests {
  @Test func documentationMatchesTheSchemas() throws {
    let reference = try OneWindow(schemasFolder: Repository.schemas).schemaReference()
    let stored = try #require(
      try Golden.expected(at: "Documentation/Schemas.md", actual: reference),
      "Documentation/Schemas.md is missing; run with ONEWINDOW_UPDATE_GOLDENS=1")
    #expect(stored == reference, "Documentation/Schemas.md is stale; regenerate it (see its first lines)")
  }

  @Test func listsEveryFamilyElementAndCodeList() throws {
    let reference = try OneWindow(schemasFolder: Repository.schemas).schemaReference()
    #expect(reference.contains("| `Units/Unit/Area` | 面积（平方米） | Area (square metres) | [Area](#area) | 1 |"))
    #expect(reference.contains("| `Owner/Organisation` | 产权单位 | Owning organisation | Organisation | 1 (choice A) |"))
    #expect(reference.contains("| `COLD_MEAT` | 冷荤类 | Cold meat dishes |"))
    #expect(reference.contains("| `370202005` | 中山路街道 | Zhongshan Road Subdistrict |"))
    for root in ["AddressPreFiling", "PreFilingAmendment", "PreFilingWithdrawal", "TenantRegistration",
                 "RestaurantOpening", "RestaurantChange", "RestaurantCancellation", "BusinessLicenceApplication",
                 "FoodLicenceApplication", "ReviewDecision", "Issuance", "Receipt", "ValidationReport", "ReplayScenario"] {
      #expect(reference.contains("\n### \(root)\n"), "\(root) missing")
    }
  }

  /// A copied schema folder is vouched for by its MANIFEST, so nothing in it is compiled before
  /// the reference is read: reading must still follow the includes (regression: the reference
  /// came out without families and code lists when no packet had been checked first).
  @Test func describesAFolderNothingWasCompiledFrom() throws {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("ow-schemas-\(UUID())")
    try FileManager.default.copyItem(atPath: Repository.schemas, toPath: copy.path)
    defer { try? FileManager.default.removeItem(at: copy) }
    let reference = try OneWindow(schemasFolder: copy.path).schemaReference()
    let original = try OneWindow(schemasFolder: Repository.schemas).schemaReference()
    #expect(reference.contains("| `370202005` | 中山路街道 | Zhongshan Road Subdistrict |"))
    #expect(reference.contains("\n### AddressPreFiling\n"))
    #expect(reference == original)
  }
}
