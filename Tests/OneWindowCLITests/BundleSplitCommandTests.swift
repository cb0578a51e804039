import Foundation
import OneWindowTestSupport
import Testing

/// `onewindow bundle split` and `onewindow bundle assemble`: the files written, what is printed,
/// and exit 0 done, 1 inconsistent, 2 could not run, 64 usage.
struct BundleSplitCommandTests {
  static let opening = "SampleFilings/valid/bundle/fushunzhai-opening.xml"
  static let pairBusiness = "SampleFilings/pairs/fushunzhai-inconsistent.business.xml"
  static let pairFood = "SampleFilings/pairs/fushunzhai-inconsistent.food.xml"

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ow-bundle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  private func text(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  /// The sample without its leading comment: what a split and an assembly give back.
  private func openingWithoutComment() throws -> String {
    try text(Repository.path(Self.opening)).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("<!--") }.joined(separator: "\n")
  }

  @Test func splitsThenAssemblesTheSameBundle() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("tracks").path  // created by split
    let split = try CommandRunner.run(["bundle", "split", Self.opening, "--out", out, "--bundle", "YJS-370202-2026-000003"])
    #expect(split.status == 0)
    let business = out + "/fushunzhai-opening.business.xml"
    let food = out + "/fushunzhai-opening.food.xml"
    #expect(split.stdout == business + "\n" + food + "\n")
    #expect(split.stderr.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
      "fushunzhai-opening.business.xml", "fushunzhai-opening.food.xml",
    ])
    let businessText = try text(business)
    #expect(businessText.hasPrefix("""
      <?xml version="1.0" encoding="UTF-8"?>
      <BusinessLicenceApplication xmlns="urn:onewindow:business:v1">
        <Header>
          <PacketId>BD-FSZ-2026-0001-BL</PacketId>
          <SchemaVersion>1.0</SchemaVersion>
          <CreatedAt>2026-06-03T10:05:00+08:00</CreatedAt>
          <Channel>WINDOW</Channel>
        </Header>
        <BundleNumber>YJS-370202-2026-000003</BundleNumber>
        <Agent>
          <Name>周雅琴</Name>
      """))
    #expect(!businessText.contains("<FoodLicence>"))
    #expect(!businessText.contains(#"<Material id="M-4">"#))
    let foodText = try text(food)
    #expect(foodText.contains("<PacketId>BD-FSZ-2026-0001-FL</PacketId>"))
    #expect(!foodText.contains("<BusinessLicence>"))
    #expect(!foodText.contains("<CompositionForm>"))

    let validate = try CommandRunner.run(["validate", "--as-of", "2026-11-20", business, food])
    #expect(validate.status == 0)
    #expect(validate.stdout.hasSuffix("共 2 个数据包：通过 2 个，退回 0 个；错误 0 条，警告 0 条，提示 14 条\n"))

    let bundle = folder.appendingPathComponent("bundle.xml").path
    let assemble = try CommandRunner.run(["bundle", "assemble", business, food, "--out", bundle])
    #expect(assemble.status == 0)
    #expect(assemble.stdout == "已组装“一件事”申请：\(bundle)\n")
    #expect(assemble.stderr.isEmpty)
    #expect(try text(bundle) == (try openingWithoutComment()))
  }

  /// A hotel (three tracks) splits into one file per track: that track's part as a document of
  /// its own, in the track schema's namespace, with the part's content unchanged.
  @Test func splitsAGenericBundleIntoOneFilePerTrack() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = "SampleFilings/valid/tradebundle/hotel-opening.xml"
    let result = try CommandRunner.run(["bundle", "split", sample, "--out", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    let names = ["business", "hygiene", "special_trade"].map { folder.appendingPathComponent("hotel-opening.\($0).xml").path }
    #expect(result.stdout == names.joined(separator: "\n") + "\n")
    let hygiene = try text(names[1])
    #expect(hygiene.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicPlaceHygiene xmlns=\"urn:onewindow:trade:hotel:hygiene:v1\">\n"))
    let original = try text(Repository.path(sample))
    let part = try #require(original.firstMatch(of: /<PublicPlaceHygiene[^>]*>\n((?s).*?)<\/PublicPlaceHygiene>/)).1
    for line in part.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      #expect(hygiene.contains("  " + line.trimmingCharacters(in: .whitespaces) + "\n"), "\(line)")
    }
    // A restaurant packet is not a generic one, and a broken part is not split.
    let broken = try CommandRunner.run(
      ["bundle", "split", "SampleFilings/invalid/tradebundle/tradebundle-part-breaks-track-schema.xml", "--out", folder.path, "--lang", "en"])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("XSD-1871"))
  }

  @Test func reportsAnInconsistentPairAndWritesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("bundle.xml").path
    let result = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, Self.pairFood, "--out", bundle, "--lang", "en"])
    #expect(result.status == 1)
    #expect(result.stdout == """
      \(Self.pairFood):15: error: [BD-001] business track: 孙宏伟 (370202198306193532); food track: 孙宏伟 (370202198306193559) (/FoodLicenceApplication/Operator)
      \(Self.pairFood):29: error: [BD-003] business track YBA-370202-2026-000001/U-101/91370202MA3C5Y7R9D/2026-06-01-2029-05-31, food track YBA-370202-2026-000001/U-102/91370202MA3C5Y7R9D/2026-06-01-2029-05-31 (/FoodLicenceApplication/Premises/PreFiled)
      \(Self.pairFood):161: error: [BD-006] material M-9 differs between the tracks: SHA-256 (/FoodLicenceApplication/Materials/Material[9]/SHA256)
      the applications are inconsistent (3 errors); \(bundle) not written

      """)
    #expect(result.stderr.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: bundle))

    let chinese = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, Self.pairFood, "--out", bundle])
    #expect(chinese.status == 1)
    #expect(chinese.stdout.split(separator: "\n").last == "两份申请不一致（错误 3 条），未写入 \(bundle)")
    #expect(chinese.stdout.contains("\(Self.pairFood):161: error: [BD-006] 材料 M-9 在两条审批线上不同：SHA-256 (/FoodLicenceApplication/Materials/Material[9]/SHA256)"))
  }

  @Test func writesJSON() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("bundle.xml").path
    let rejected = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, Self.pairFood, "--out", bundle, "--format", "json"])
    #expect(rejected.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(rejected.stdout.utf8)) as? [String: Any])
    #expect(json["outcome"] as? String == "REJECTED")
    #expect(json["bundle"] == nil)
    #expect(json["business"] as? String == Self.pairBusiness)
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.compactMap { $0["ruleID"] as? String } == ["BD-001", "BD-003", "BD-006"])
    let location = try #require(findings.last?["location"] as? [String: Any])
    #expect(location["line"] as? Int == 161)
    #expect(location["path"] as? String == "/FoodLicenceApplication/Materials/Material[9]/SHA256")

    let business = "SampleFilings/valid/business/tianshengjixiang-business.xml"
    let food = "SampleFilings/valid/food/tianshengjixiang-food.xml"
    let accepted = try CommandRunner.run(["bundle", "assemble", business, food, "--out", bundle, "--format", "json"])
    #expect(accepted.status == 0)
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(accepted.stdout.utf8)) as? [String: Any])
    #expect(answer["outcome"] as? String == "ACCEPTED")
    #expect(answer["bundle"] as? String == bundle)
    #expect((answer["findings"] as? [Any])?.isEmpty == true)
    #expect(try text(bundle).contains("<RestaurantOpening xmlns=\"urn:onewindow:bundle:v1\">"))
  }

  @Test func exitsTwoWhenItCannotRun() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.path
    // A bundle that is not an opening.
    let change = "SampleFilings/valid/bundle/muzidawei-change-name.xml"
    let notOpening = try CommandRunner.run(["bundle", "split", change, "--out", out], environment: ["ONEWINDOW_LANG": "en"])
    #expect(notOpening.status == 2)
    #expect(notOpening.stdout.isEmpty)
    #expect(notOpening.stderr == "onewindow: error: \(change) is a RestaurantChange, not a RestaurantOpening\n")
    // An opening that is not schema-valid.
    let invalid = "SampleFilings/invalid/bundle/operating-area-zero.xml"
    let schemaInvalid = try CommandRunner.run(["bundle", "split", invalid, "--out", out], environment: ["ONEWINDOW_LANG": "en"])
    #expect(schemaInvalid.status == 2)
    #expect(schemaInvalid.stderr.hasPrefix("onewindow: error: \(invalid) is not a schema-valid RestaurantOpening: \(invalid):"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    // Applications of the wrong track.
    let bundle = folder.appendingPathComponent("bundle.xml").path
    let swapped = try CommandRunner.run(["bundle", "assemble", Self.pairFood, Self.pairBusiness, "--out", bundle], environment: ["ONEWINDOW_LANG": "en"])
    #expect(swapped.status == 2)
    #expect(swapped.stdout.isEmpty)
    #expect(swapped.stderr == "onewindow: error: \(Self.pairFood) is a FoodLicenceApplication, not a BusinessLicenceApplication\n")
    #expect(!FileManager.default.fileExists(atPath: bundle))
    // An unreadable input: not well-formed.
    let broken = folder.appendingPathComponent("broken.xml")
    try Data("<RestaurantOpening>".utf8).write(to: broken)
    let notXML = try CommandRunner.run(["bundle", "split", broken.path, "--out", out], environment: ["ONEWINDOW_LANG": "en"])
    #expect(notXML.status == 2)
    #expect(notXML.stderr.hasPrefix("onewindow: error: \(broken.path) is not a schema-valid RestaurantOpening: \(broken.path):1: error: [XML-"))
  }

  @Test func exitsSixtyFourOnUsageErrors() throws {
    let noOut = try CommandRunner.run(["bundle", "split", Self.opening], environment: ["ONEWINDOW_LANG": "en"])
    #expect(noOut.status == 64)
    #expect(noOut.stderr.contains("Missing expected argument '--out <out>'"))
    let missing = try CommandRunner.run(["bundle", "split", "no/such.xml", "--out", "/tmp"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("找不到文件或文件夹：'no/such.xml'。"))
    let badNumber = try CommandRunner.run(["bundle", "split", Self.opening, "--out", "/tmp", "--bundle", "YJS-1"])
    #expect(badNumber.status == 64)
    #expect(badNumber.stderr.hasPrefix("错误：--bundle 应形如 YJS-370202-2026-000001，而不是 'YJS-1'。\n"))
    let outIsAFile = try CommandRunner.run(["bundle", "split", Self.opening, "--out", Self.opening])
    #expect(outIsAFile.status == 64)
    let oneApplication = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, "--out", "/tmp/x.xml"])
    #expect(oneApplication.status == 64)
    let noFolder = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, Self.pairFood, "--out", "/no/such/folder/x.xml", "--lang", "en"])
    #expect(noFolder.status == 64)
    #expect(noFolder.stderr.contains("No such folder for --out: '/no/such/folder'."))
    let badFormat = try CommandRunner.run(["bundle", "assemble", Self.pairBusiness, Self.pairFood, "--out", "/tmp/x.xml", "--format", "pdf"])
    #expect(badFormat.status == 64)
    let noSubcommand = try CommandRunner.run(["bundle", "splat"])
    #expect(noSubcommand.status == 64)
  }

  @Test func listsItsSubcommandsInHelp() throws {
    let help = try CommandRunner.run(["bundle", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("split"))
    #expect(help.stdout.contains("assemble"))
    #expect(help.stdout.hasPrefix("概述：开办餐饮店“一件事”。\n"))
    let english = try CommandRunner.run(["bundle", "--help"], environment: ["ONEWINDOW_LANG": "en"])
    #expect(english.stdout.hasPrefix("OVERVIEW: The restaurant one-thing bundle (开办餐饮店“一件事”).\n"))
  }
}
