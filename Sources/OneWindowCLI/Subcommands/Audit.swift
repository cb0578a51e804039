import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit",
      abstract: "The append-only, hash-chained audit log.",
      subcommands: [Verify.self, Trail.self])
  }
}

extension OneWindowCommand.Audit {
  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check that no audit event was edited, removed or reordered.",
      discussion: """
        Recomputes every event's hash and link, then checks the chain head recorded on every
        receipt in the registry and on the receipt files given with --receipt (receipts applicants
        kept), which catches the newest events deleted. Exit 0 intact, 1 tampered, 2 could not run.
        """)

    @Option(name: .long, help: "A receipt packet kept outside the registry (repeatable).") var receipt: [String] = []
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      var heads: [ReceiptChainHead] = []
      for path in receipt {
        guard let data = FileManager.default.contents(atPath: path) else {
          Console.error("cannot read the receipt \(path)")
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
    static let configuration = CommandConfiguration(commandName: "trail", abstract: "The audit events about one record (pre-filing number, receipt, bundle).")

    @Argument(help: "The subject: a YBA or YJS number, or a receipt number.") var subject: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let entries = try await registryCall { () async throws(OneWindowError) in try await registry.auditTrail(subject: subject) }
      switch output.format {
      case .text:
        Console.out(entries.map { "#\($0.sequence)  \($0.at)  \($0.actor)  \($0.action)  \($0.subject)  \($0.detail)" }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n"))
      case .json: Console.out(RegistryTextRenderer.json(entries))
      }
    }
  }
}
