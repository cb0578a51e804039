import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  /// `onewindow registry …`: making a registry (the only command that does).
  struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "registry",
      abstract: L("建立或升级登记库。", "Make or migrate a registry."),
      subcommands: [Init.self])
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
      let path = Registry.defaultPath(explicit: db)
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
      let existed = (size ?? 0) > 0
      let registry: Registry
      do {
        registry = try Registry(oneWindow: try resources.oneWindow(), path: path, create: true)
      } catch let error as OneWindowError {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
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
