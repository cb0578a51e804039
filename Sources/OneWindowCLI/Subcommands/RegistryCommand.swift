import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  /// `onewindow registry …`: making a registry (the only command that does).
  struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "registry",
      abstract: L("建立、升级或复制登记库。", "Make, migrate or copy a registry."),
      subcommands: [Init.self, Copy.self])
  }
}

extension OneWindowCommand.RegistryCommand {
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: L("建立登记库（及其文件夹），或把已有登记库升级到本版本。", "Make a registry (and its folders), or bring an existing one up to this version."),
      discussion: L(
        """
        登记库不存在或为空文件时，其他命令一律拒绝（退出码 2）并指出查找
        的位置，以免 --db 打错后另起一个编号重新开始的登记库。打印登记库
        的位置及其迁移。
        """,
        """
        Every other command refuses (exit 2) a registry that does not exist or is an
        empty file, naming the place it looked, so a mistyped --db never starts a
        second registry whose numbers restart. Prints the registry's location and
        its migrations.
        """))

    @Option(name: .long, help: .text("登记库（默认：$ONEWINDOW_DB，其次 $XDG_DATA_HOME/onewindow/registry.sqlite）。", "Registry database (default: $ONEWINDOW_DB, then $XDG_DATA_HOME/onewindow/registry.sqlite)."), completion: .file())
    var db: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    /// `registry init --format json`.
    struct InitAnswer: Encodable {
      var path: String
      var created: Bool
      var migrations: [String]
    }

    func run() async throws {
      let given = Registry.defaultPath(explicit: db)
      let oneWindow = try resources.oneWindow()
      let existed: Bool
      if Registry.isPostgres(given) {
        existed = (try? Registry(oneWindow: oneWindow, path: given, readOnly: true)) != nil
      } else {
        let size = (try? FileManager.default.attributesOfItem(atPath: given))?[.size] as? Int
        existed = (size ?? 0) > 0
      }
      let registry: Registry
      do {
        registry = try Registry(oneWindow: oneWindow, path: given, create: true)
      } catch {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      let path = registry.location
      let migrations = try await registryCall { () async throws(OneWindowError) in try registry.migrations() }
      switch output.format {
      case .text:
        Console.out(
          output.lang == .zh
            ? "\(existed ? "登记库已存在" : "已创建登记库")：\(path)\n已完成迁移：\(migrations.map { $0.prefix { $0 != ":" } }.joined(separator: "、"))\n"
            : "\(existed ? "registry exists" : "registry created"): \(path)\nmigrations: \(migrations.joined(separator: "; "))\n")
      case .json:
        Console.out(RegistryTextRenderer.json(InitAnswer(path: path, created: !existed, migrations: migrations)))
      }
    }
  }
}

extension OneWindowCommand.RegistryCommand {
  struct Copy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: L("把登记库整体复制到另一个存储（例如从 SQLite 文件到 PostgreSQL）。", "Copy a whole registry into another store (a SQLite file into PostgreSQL, say)."),
      discussion: L(
        """
        目标须为新的空登记库（不存在时自动建立并迁移）。全部行在目标的一个
        事务中写入：要么全部复制，要么什么也不写。复制后对两边各做一次
        audit verify：审计链、状态台账、每张回执记录的链头都须在两边找到。
        两边都完好时退出码 0，否则 1。
        """,
        """
        The target must be a new, empty registry (made and migrated when missing).
        Every row is written in one transaction on the target: all of it or nothing.
        Then audit verify runs on both sides: the audit chain, the state ledger and
        every receipt's recorded head must be found on both. Exit 0 when both are
        intact, else 1.
        """))

    @Option(name: .long, help: .text("源登记库（SQLite 文件或 postgres:// 地址）。", "The registry to copy (a SQLite file or a postgres:// URL)."), completion: .file())
    var from: String
    @Option(name: .long, help: .text("目标登记库（postgres://USER@HOST:PORT/DB，或新的 SQLite 文件）。", "Where to copy it (postgres://USER@HOST:PORT/DB, or a new SQLite file)."))
    var to: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    /// `registry copy --format json`.
    struct CopyAnswer: Encodable {
      struct Table: Encodable {
        var table: String
        var rows: Int
      }
      struct Side: Encodable {
        var location: String
        var intact: Bool
        var events: Int
        var receiptsChecked: Int
        var problems: [String]
      }
      var tables: [Table]
      var source: Side
      var target: Side
    }

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      let source: Registry
      let target: Registry
      do {
        source = try Registry(oneWindow: oneWindow, path: from, readOnly: true)
        target = try Registry(oneWindow: oneWindow, path: to, create: true)
      } catch {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      let tables = try await registryCall { () async throws(OneWindowError) in try await source.copy(into: target) }
      let sides = try await registryCall { () async throws(OneWindowError) in
        (try await source.verifyAudit(), try await target.verifyAudit())
      }
      func side(_ registry: Registry, _ verification: AuditVerification) -> CopyAnswer.Side {
        CopyAnswer.Side(
          location: registry.location, intact: verification.isIntact, events: verification.events,
          receiptsChecked: verification.receiptsChecked, problems: verification.problems.map(\.description))
      }
      let answer = CopyAnswer(
        tables: tables.map { CopyAnswer.Table(table: $0.table, rows: $0.rows) }, source: side(source, sides.0),
        target: side(target, sides.1))
      switch output.format {
      case .json:
        Console.out(RegistryTextRenderer.json(answer))
      case .text:
        let zh = output.lang == .zh
        var text = zh ? "已复制 \(source.location) → \(target.location)\n" : "copied \(source.location) → \(target.location)\n"
        for table in answer.tables where table.rows > 0 { text += "  \(table.table): \(table.rows)\n" }
        for (name, entry) in [(zh ? "源" : "source", answer.source), (zh ? "目标" : "target", answer.target)] {
          text += zh
            ? "\(name)：审计日志\(entry.intact ? "完好" : "有问题")，\(entry.events) 个事件，核对回执 \(entry.receiptsChecked) 张\n"
            : "\(name): audit log \(entry.intact ? "intact" : "NOT intact"), \(entry.events) events, \(entry.receiptsChecked) receipts checked\n"
          for problem in entry.problems { text += "  \(problem)\n" }
        }
        Console.out(text)
      }
      if !(answer.source.intact && answer.target.intact) { throw ExitCode(1) }
    }
  }
}
