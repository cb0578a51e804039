import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: L("只增不改、哈希链接的审计日志。", "The append-only, hash-chained audit log."),
      subcommands: [Verify.self, Trail.self])
  }
}

extension OneWindowCommand.Audit {
  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: L("核验审计事件没有被修改、删除或调换顺序。", "Check that no audit event was edited, removed or reordered."),
      discussion: L(
        """
        重新计算每个事件的哈希和链接，再核对登记库中每份回执以及
        --receipt 给出的回执文件（申请人自行保存的回执）所记录的链头，
        可以发现最新事件被删除的情况。退出码：0 完好，1 被篡改，2 无法运行。
        """,
        """
        Recomputes every event's hash and link, then checks the chain head recorded
        on every receipt in the registry and on the receipt files given with
        --receipt (receipts applicants kept), which catches the newest events
        deleted. Exit 0 intact, 1 tampered, 2 could not run.
        """))

    @Option(name: .long, help: .text("保存在登记库之外的回执数据包（可重复）。", "A receipt packet kept outside the registry (repeatable)."), completion: .file(extensions: ["xml"])) var receipt: [String] = []
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      var heads: [ReceiptChainHead] = []
      for path in receipt {
        guard let data = FileManager.default.contents(atPath: path) else {
          Console.error(L("无法读取回执 \(path)", "cannot read the receipt \(path)"))
          throw ExitCode(2)
        }
        heads.append(try await registryCall { () async throws(OneWindowError) in try oneWindow.receiptChainHead(bytes: Array(data), name: path) })
      }
      let registry = try registry.openForReading(oneWindow)
      let verification = try await registryCall { () async throws(OneWindowError) in try await registry.verifyAudit(receipts: heads) }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(verification))
      case .json: Console.out(RegistryTextRenderer.json(verification))
      }
      if !verification.isIntact { throw ExitCode(1) }
    }
  }

  struct Trail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trail", abstract: L("一条记录（预备案编号、回执号、一件事编号）的审计事件。", "The audit events about one record (pre-filing number, receipt, bundle)."))

    @Argument(help: .text("对象：YBA 或 YJS 编号，或回执号。", "The subject: a YBA or YJS number, or a receipt number.")) var subject: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let entries = try await registryCall { () async throws(OneWindowError) in try await registry.auditTrail(subject: subject) }
      switch output.format {
      case .text:
        Console.out(RegistryTextRenderer(language: output.lang).render(entries))
      case .json: Console.out(RegistryTextRenderer.json(entries))
      }
    }
  }
}
