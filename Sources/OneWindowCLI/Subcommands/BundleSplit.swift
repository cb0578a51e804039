import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand.Bundle {
  struct Split: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "split",
      abstract: L("把开办申请拆分为营业执照申请和食品经营许可申请。", "Split an opening bundle into its business-licence and food-licence applications."),
      discussion: L(
        """
        把 <stem>.business.xml（营业执照申请）和 <stem>.food.xml（食品经营
        许可申请）写入 --out，各自符合自己的 XSD，并打印其路径。两者的
        PacketId 为原编号加 -BL 和 -FL；--bundle 把办件编号写入两者。营业执照
        申请不含只有食品部分引用的材料；食品经营许可申请保留完整材料清单。

        其他“一件事”的通用申请（TradeBundle）拆分为每条审批线一份：
        <stem>.<审批线>.xml，即该线申请部分，符合该线的 XSD。

        退出码：0 已拆分；2 申请不可读或不是符合 XSD 的 RestaurantOpening
        或 TradeBundle，或文件无法写入；64 用法错误。
        """,
        """
        Writes <stem>.business.xml (BusinessLicenceApplication) and <stem>.food.xml
        (FoodLicenceApplication) into --out, each valid against its own schema, and
        prints their paths. Their PacketIds are the bundle's with -BL and -FL
        appended; --bundle writes the case number into both. The business
        application leaves out the materials only the food part refers to; the food
        application keeps the whole manifest.

        A generic bundle of another definition (TradeBundle) splits into one file
        per track, <stem>.<track>.xml: that track's part, valid against its schema.

        Exit codes: 0 split; 2 the bundle is unreadable or not a schema-valid
        RestaurantOpening or TradeBundle, or the files cannot be written; 64 usage
        error.
        """))

    @Argument(help: .text("开办餐饮店（RestaurantOpening）或通用“一件事”（TradeBundle）申请（XML 文件）。", "The RestaurantOpening or TradeBundle bundle (an XML file)."), completion: .file(extensions: ["xml"]))
    var packet: String

    @Option(name: .long, help: .text("两份申请写入的文件夹（不存在时新建）。", "Folder to write the two applications into (created if missing)."), completion: .directory)
    var out: String

    @Option(name: .customLong("bundle"), help: .text("写入两份申请的办件编号，如 YJS-370202-2026-000001。", "The case number to write into both applications, such as YJS-370202-2026-000001."))
    var bundleNumber: String?

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      try BundleFiles.requireFile(packet)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
        throw ValidationError(L("--out 应为文件夹；'\(out)' 是文件。", "--out must be a folder; '\(out)' is a file."))
      }
      if let bundleNumber, bundleNumber.wholeMatch(of: /YJS-[0-9]{6}-[0-9]{4}-[0-9]{6}/) == nil {
        throw ValidationError(L("--bundle 应形如 YJS-370202-2026-000001，而不是 '\(bundleNumber)'。", "--bundle must look like YJS-370202-2026-000001, not '\(bundleNumber)'."))
      }
    }

    func run() throws {
      let oneWindow = try resources.oneWindow()
      let source = try packetSource(packet)
      if oneWindow.validate([source], options: ValidationOptions(jobs: 1, computeHashes: false))[0].root == PacketKind.tradeBundle.rawValue {
        try splitTrade(source, oneWindow: oneWindow)
        return
      }
      let split: TrackApplications
      do {
        split = try oneWindow.split(source, bundleNumber: bundleNumber)
      } catch {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      let folder = URL(fileURLWithPath: out)
      let business = folder.appendingPathComponent(split.businessFileName).path
      let food = folder.appendingPathComponent(split.foodFileName).path
      try BundleFiles.write(split.business, to: business, creatingFolder: out)
      try BundleFiles.write(split.food, to: food, creatingFolder: out)
      Console.out(business + "\n" + food + "\n")
    }

    /// A generic bundle: one file per track part.
    func splitTrade(_ source: PacketSource, oneWindow: OneWindow) throws {
      let parts: [TradeTrackApplication]
      do {
        parts = try oneWindow.splitTrade(source)
      } catch {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      for part in parts {
        let path = URL(fileURLWithPath: out).appendingPathComponent(part.fileName).path
        try BundleFiles.write(part.bytes, to: path, creatingFolder: out)
        Console.out(path + "\n")
      }
    }
  }

  struct Assemble: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "assemble",
      abstract: L("把营业执照申请和食品经营许可申请合并为一份开办申请。", "Assemble a business-licence and a food-licence application into one opening bundle."),
      discussion: L(
        """
        以编译器格式报告两份申请之间的每一处不一致（BD 规则：经营者、名称、
        场所、经营范围、办件编号、材料、代理人），位置在食品经营许可申请中；
        只有没有错误时才把 RestaurantOpening 写入 --out。

        退出码：0 已合并；1 两份申请不一致（未写入）；2 有申请不可读或不是
        符合该项 XSD 的申请，或文件无法写入；64 用法错误。
        """,
        """
        Reports every inconsistency between the two applications (the BD rules:
        operator, name, premises, scope, case number, materials, agent) in the food
        application, compiler-style, and writes the RestaurantOpening to --out only
        when none of them is an error.

        Exit codes: 0 assembled; 1 the applications are inconsistent (nothing
        written); 2 an application is unreadable or not a schema-valid application
        of its track, or the file cannot be written; 64 usage error.
        """))

    @Argument(help: .text("营业执照申请（BusinessLicenceApplication，XML 文件）。", "The BusinessLicenceApplication (an XML file)."), completion: .file(extensions: ["xml"]))
    var business: String

    @Argument(help: .text("食品经营许可申请（FoodLicenceApplication，XML 文件）。", "The FoodLicenceApplication (an XML file)."), completion: .file(extensions: ["xml"]))
    var food: String

    @Option(name: .long, help: .text("合并后的开办申请（RestaurantOpening）写到哪里。", "Where to write the assembled RestaurantOpening."), completion: .file())
    var out: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      try BundleFiles.requireFile(business)
      try BundleFiles.requireFile(food)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ValidationError(L("--out 应为文件；'\(out)' 是文件夹。", "--out must be a file; '\(out)' is a folder."))
      }
      let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
      if !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue {
        throw ValidationError(L("--out 所在的文件夹不存在：'\(parent)'。", "No such folder for --out: '\(parent)'."))
      }
    }

    func run() throws {
      let oneWindow = try resources.oneWindow()
      let (businessSource, foodSource) = (try packetSource(business), try packetSource(food))
      let assembly: BundleAssembly
      do {
        assembly = try oneWindow.assemble(business: businessSource, food: foodSource)
      } catch {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      if let bundle = assembly.bundle { try BundleFiles.write(bundle, to: out) }
      switch output.format {
      case .text: Console.out(text(assembly))
      case .json: Console.out(RegistryTextRenderer.json(AssemblyReport(assembly, business: business, food: food, out: out)))
      }
      if assembly.bundle == nil { throw ExitCode(1) }
    }

    private func text(_ assembly: BundleAssembly) -> String {
      let renderer = TextReportRenderer(language: output.lang)
      var lines = assembly.findings.map { renderer.line(for: $0) }
      let errors = assembly.findings.count { $0.severity == .error }
      switch (output.lang, assembly.bundle != nil) {
      case (.zh, true): lines.append("已组装“一件事”申请：\(out)")
      case (.zh, false): lines.append("两份申请不一致（错误 \(errors) 条），未写入 \(out)")
      case (.en, true): lines.append("assembled the bundle: \(out)")
      case (.en, false): lines.append("the applications are inconsistent (\(errors) error\(errors == 1 ? "" : "s")); \(out) not written")
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}

/// The JSON answer of `bundle assemble`.
private struct AssemblyReport: Encodable {
  var tool = "onewindow"
  var version = OneWindowVersion.current
  var business: String
  var food: String
  var outcome: Outcome
  var findings: [Finding]
  /// The file written, or nil when the applications were inconsistent.
  var bundle: String?

  init(_ assembly: BundleAssembly, business: String, food: String, out: String) {
    self.business = business
    self.food = food
    self.outcome = assembly.outcome
    self.findings = assembly.findings
    self.bundle = assembly.bundle == nil ? nil : out
  }
}

/// Reading and writing the files of the bundle commands.
private enum BundleFiles {
  /// The largest input read (as `validate`'s default).
  static let cap = 16 << 20

  static func requireFile(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw missingInput(path)
    }
    if isDirectory.boolValue { throw ValidationError(L("'\(path)' 是文件夹；请给出 XML 文件。", "'\(path)' is a folder; give the XML file.")) }
  }

  /// Writes atomically; exits 2 when it cannot.
  static func write(_ bytes: [UInt8], to path: String, creatingFolder folder: String? = nil) throws {
    do {
      if let folder { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      Console.error(L("无法写入 \(path)：\(error.localizedDescription)", "cannot write \(path): \(error.localizedDescription)"))
      throw ExitCode(2)
    }
  }
}
