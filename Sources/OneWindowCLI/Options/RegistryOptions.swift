import ArgumentParser
import Foundation
import OneWindowKit

/// `--db`, `--as-of` and `--create` for commands that read or write the registry.
struct RegistryOptions: ParsableArguments {
  @Option(name: .long, help: .text("登记库（默认：$ONEWINDOW_DB，其次 $XDG_DATA_HOME/onewindow/registry.sqlite）。", "Registry database (default: $ONEWINDOW_DB, then $XDG_DATA_HOME/onewindow/registry.sqlite)."), completion: .file())
  var db: String?

  @Option(
    name: .long,
    help: .text("业务日期，YYYY-MM-DD（默认：北京时间今天）。不得晚于今天，也不得早于登记库最后一次操作；早于今天的标为补录。回执同时记录实际写入时间。", "The business date, YYYY-MM-DD (default: today in Asia/Shanghai). Not after today nor before the registry's last event; an earlier day is marked backdated. Receipts also record the real time."))
  var asOf: CivilDate?

  @Flag(name: .long, help: .text("登记库不存在时新建（否则只有 `registry init` 新建登记库）。", "Make the registry if it does not exist (otherwise only `registry init` does)."))
  var create = false

  /// The official clock: the business date given, the real time from the system.
  var clock: RegistryClock { RegistryClock.official(asOf: asOf) }

  /// Opens the registry for a write, or reports why not and exits 2.
  func open(_ oneWindow: OneWindow) throws -> Registry {
    try open(oneWindow, readOnly: false)
  }

  /// Opens the registry for reading only: nothing is written, no WAL files are left behind.
  func openForReading(_ oneWindow: OneWindow) throws -> Registry {
    try open(oneWindow, readOnly: true)
  }

  private func open(_ oneWindow: OneWindow, readOnly: Bool) throws -> Registry {
    do {
      return try Registry(
        oneWindow: oneWindow, path: Registry.defaultPath(explicit: db), readOnly: readOnly && !create, create: create)
    } catch {
      Console.error(error.message.text(in: InterfaceLanguage.current))
      throw ExitCode(2)
    }
  }
}

/// Who acts: exactly one of `--clerk`, `--owner`, `--applicant`.
struct ActorOptions: ParsableArguments {
  @Option(name: .long, help: .text("窗口工作人员工号。", "A clerk's staff number."))
  var clerk: String?

  @Option(name: .long, help: .text("产权人的统一社会信用代码或身份证件号码。", "An owner's 统一社会信用代码 or ID number."))
  var owner: String?

  @Option(name: .long, help: .text("申请人的统一社会信用代码或身份证件号码。", "An applicant's 统一社会信用代码 or ID number."))
  var applicant: String?

  func validate() throws {
    let given = [clerk, owner, applicant].compactMap { $0 }
    if given.count != 1 { throw ValidationError(L("请指定且只指定一个办理人：--clerk、--owner 或 --applicant。", "Name exactly one actor: --clerk, --owner or --applicant.")) }
    if given[0].trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(L("办理人编号为空。", "The actor's id is empty.")) }
  }

  var actor: Actor {
    if let clerk { return .clerk(clerk) }
    if let owner { return .owner(owner) }
    return .applicant(applicant ?? "")
  }
}

/// Receipt formats.
enum ReceiptFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, xml
  /// The printable 回执 page.
  case html
}

/// `--format`, `--lang`, `--min-severity`, `--receipt-out`, `--dry-run` and `--centre` for write
/// commands.
struct ReceiptOutputOptions: ParsableArguments {
  @Option(name: .long, help: .text("回执格式：text、json、xml（回执数据包）或 html（可打印的回执页）。", "Receipt format: text, json, xml (the Receipt packet) or html (the printable receipt page)."))
  var format: ReceiptFormat = .text

  @OptionGroup var language: LanguageOption

  var lang: Language { language.lang }

  @OptionGroup var severity: MinimumSeverityOption

  @Option(
    name: [.customLong("centre"), .customLong("service-centre")],
    help: .text(
      "受理的服务中心：街道代码（如 370202005）或名称（如 中山路街道），区政务服务大厅为区划代码 370202；默认为工作人员账户所属中心，否则不注明。",
      "The service centre accepting the packet: a 街道 code (370202005) or name (中山路街道), or the division code 370202 for the district hall; default: the clerk account's centre, else none."))
  var centre: String?

  @Option(name: .long, help: .text("同时把回执数据包（XML）写入此文件。", "Also write the receipt packet (XML) to this file."), completion: .file())
  var receiptOut: String?

  @Flag(name: .long, help: .text("完整检查并打印回执预览（不编号），不写入任何内容。", "Check everything and print a preview receipt (预览, no number); write nothing."))
  var dryRun = false

  /// Readies an opened registry for this command's writes: a dry run, and the service centre
  /// named by `--centre` (its code), which must be one the policy lists (else exit 64).
  func prepare(_ registry: inout Registry) throws {
    registry.preview = dryRun
    guard let centre else { return }
    let policy = registry.oneWindow.policy
    guard let known = policy.serviceCentre(named: centre) else {
      let list = policy.serviceCentres.map { "\($0.code) \($0.name.text(in: InterfaceLanguage.current))" }
      // A slip at the window: a usage error, nothing stored.
      Console.error(
        L("--centre '\(centre)' 不是已知的服务中心；可用：", "--centre '\(centre)' is not a known service centre; known: ")
          + list.joined(separator: L("、", ", ")))
      throw ExitCode(64)
    }
    registry.serviceCentre = known.code
  }

  /// Prints the receipt, saves it when asked, and exits 1 when it refused the packet.
  func answer(registry: Registry, _ receipt: Receipt) throws {
    try show(receipt, registry: registry)
    try exit(for: [receipt])
  }

  /// Prints one receipt as soon as it is issued (and writes it to `--receipt-out`: a file, or a
  /// folder receiving `<number>.xml` when it is an existing directory). `--min-severity` filters
  /// the findings printed as text or HTML; JSON and XML keep every finding.
  func show(_ receipt: Receipt, registry: Registry) throws {
    let minimum = severity.minSeverity
    switch format {
    case .text:
      Console.out(RegistryTextRenderer(language: lang, minimumSeverity: minimum, policy: registry.oneWindow.policy).render(receipt))
    case .json: Console.out(RegistryTextRenderer.json(receipt))
    case .xml: Console.out(receipt.xml)
    case .html:
      Console.out(ReceiptHTMLRenderer(oneWindow: registry.oneWindow, language: lang, minimumSeverity: minimum).render(receipt))
    }
    guard let receiptOut, receipt.preview != true else { return }
    var isDirectory: ObjCBool = false
    let path =
      FileManager.default.fileExists(atPath: receiptOut, isDirectory: &isDirectory) && isDirectory.boolValue
      ? receiptOut + "/" + receipt.number + ".xml" : receiptOut
    do {
      try Data(receipt.xml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      Console.error(L("无法把回执写入 \(path)：\(error.localizedDescription)", "cannot write the receipt to \(path): \(error.localizedDescription)"))
      throw ExitCode(2)
    }
  }

  /// Exit 0 when every receipt accepted, 2 when one could not run, else 1 when one refused.
  func exit(for receipts: [Receipt]) throws {
    if receipts.contains(where: { $0.outcome == .couldNotRun }) { throw ExitCode(2) }
    if receipts.contains(where: { $0.outcome == .rejected }) { throw ExitCode(1) }
  }
}

extension RegistryOptions {
  /// Runs one write per packet, printing each receipt as soon as it is issued, then exits by the
  /// worst outcome.
  func writeEach(
    _ packets: [String], output: ReceiptOutputOptions, resources: ResourceOptions,
    _ operation: (Registry, PacketSource, RegistryClock) async throws(OneWindowError) -> Receipt
  ) async throws {
    let sources = try packets.map(packetSource)
    var registry = try open(try resources.oneWindow())
    try output.prepare(&registry)
    var receipts: [Receipt] = []
    for source in sources {
      let clock = self.clock
      let receipt = try await registryCall { () async throws(OneWindowError) in try await operation(registry, source, clock) }
      try output.show(receipt, registry: registry)
      receipts.append(receipt)
    }
    try output.exit(for: receipts)
  }
}

/// Runs a registry call, turning a tool failure into exit 2.
func registryCall<T>(_ body: () async throws(OneWindowError) -> T) async throws -> T {
  do {
    return try await body()
  } catch {
    if case .invalidActor(let problem) = error {
      // A slip at the window: a usage error, nothing stored.
      Console.error(problem.text(in: InterfaceLanguage.current))
      throw ExitCode(64)
    }
    Console.error(error.message.text(in: InterfaceLanguage.current))
    throw ExitCode(2)
  }
}

/// A packet argument as a source: a file, a zip packet, a packet folder, or `-` (XML or zip bytes).
func packetSource(_ path: String) throws -> PacketSource {
  if path == "-" { return .standardInput }
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw missingInput(path)
  }
  if isDirectory.boolValue {
    guard FileManager.default.fileExists(atPath: path + "/packet.xml") else {
      throw ValidationError(L("'\(path)' 是文件夹但其中没有 packet.xml；请给出一个数据包。", "'\(path)' is a folder without packet.xml; give one packet."))
    }
    return PacketSource(displayName: path, kind: .folder(path: path))
  }
  return PacketSourceCollector.source(file: path)
}
