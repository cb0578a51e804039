import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Prefile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "prefile",
      abstract: "Address pre-filing (住所预备案): submit, review, amend, withdraw, revoke, show, list.",
      discussion: """
        An owner files the property proofs of a building once; tenants then register with only an
        entry agreement (`onewindow register`). Write commands answer with a receipt and exit 1
        when they refuse.
        """,
      subcommands: [Submit.self, Review.self, Amend.self, Withdraw.self, Revoke.self, Show.self, List.self])
  }
}

extension OneWindowCommand.Prefile {
  struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "submit",
      abstract: "An owner (or a clerk at the window) submits pre-filing packets.",
      discussion: """
        Each packet gets its own receipt, printed as soon as it is issued. A rejected packet is
        stored too; its receipt lists the findings.
        """)

    @Argument(help: "AddressPreFiling packets: files, packet folders, or -.") var packets: [String]
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let actor = actor.actor
      try await registry.writeEach(packets, output: output, resources: resources) { registry, source, clock async throws(OneWindowError) in
        try await registry.submitPreFiling(source, by: actor, clock: clock)
      }
    }
  }

  struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "review",
      abstract: "A clerk approves, rejects, or asks for corrections.",
      discussion: """
        REFERENCE is the submission receipt (before approval) or the YBA number. Approval numbers
        the pre-filing and sets its validity (default: from the reference date for the policy's
        years). The decision is stored as a review-decision packet; --packet FILE gives a
        ReviewDecision packet instead of REFERENCE and the decision flags.
        """)

    @Argument(help: "The submission receipt or pre-filing number.") var reference: String?
    @Flag(name: .long, help: "Approve.") var approve = false
    @Option(name: .long, help: "Reject, with a reason (repeatable; start with a rule id to cite it).") var reject: [String] = []
    @Option(name: .long, help: "Ask for corrections, with a reason (repeatable).") var requestCorrection: [String] = []
    @Option(name: .long, help: "With --approve: why an open review error does not stand, starting with its rule id (\"FL-004 …\"; repeatable).") var reason: [String] = []
    @Option(name: .long, help: "Validity start when approving (default: the reference date).") var validFrom: CivilDate?
    @Option(name: .long, help: "Validity end when approving.") var validUntil: CivilDate?
    @Option(name: .long, help: "A ReviewDecision packet to store as the decision.") var packet: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      let chosen = [approve, !reject.isEmpty, !requestCorrection.isEmpty].filter { $0 }.count
      if packet != nil {
        if chosen > 0 || reference != nil || validFrom != nil || validUntil != nil || !reason.isEmpty {
          throw ValidationError("--packet carries the decision; give no REFERENCE or decision flags with it.")
        }
        return
      }
      if reference == nil { throw ValidationError("Give the submission receipt or pre-filing number, or --packet FILE.") }
      if chosen != 1 { throw ValidationError("Choose one: --approve, --reject REASON or --request-correction REASON.") }
      if !approve, validFrom != nil || validUntil != nil || !reason.isEmpty {
        throw ValidationError("--valid-from, --valid-until and --reason go with --approve.")
      }
    }

    func run() async throws {
      let decision: PreFilingDecision =
        approve ? .approve(validFrom: validFrom, validUntil: validUntil, reasons: reason)
        : reject.isEmpty ? .requestCorrection(reasons: requestCorrection) : .reject(reasons: reject)
      let decisionPacket = try packet.map(packetSource)
      var registry = try registry.open(try resources.oneWindow())
      try output.prepare(&registry)
      let clock = self.registry.clock
      try output.answer(registry: registry, try await registryCall { () async throws(OneWindowError) in
        if let decisionPacket {
          return try await registry.reviewPreFiling(decisionPacket: decisionPacket, by: actor.actor, clock: clock)
        }
        return try await registry.reviewPreFiling(reference ?? "", decision: decision, by: actor.actor, clock: clock)
      })
    }
  }

  struct Amend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "amend",
      abstract: "The owner amends an active pre-filing (adds or retires units, replaces proofs).",
      discussion: "Each accepted amendment is a new version; the old one is kept.")

    @Argument(help: "The PreFilingAmendment packet.") var packet: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let actor = actor.actor
      try await registry.writeEach([packet], output: output, resources: resources) { registry, source, clock async throws(OneWindowError) in
        try await registry.amendPreFiling(source, by: actor, clock: clock)
      }
    }
  }

  struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "The owner withdraws a pre-filing (a PreFilingWithdrawal packet).")

    @Argument(help: "The PreFilingWithdrawal packet.") var packet: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let actor = actor.actor
      try await registry.writeEach([packet], output: output, resources: resources) { registry, source, clock async throws(OneWindowError) in
        try await registry.withdrawPreFiling(source, by: actor, clock: clock)
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "A clerk revokes an active pre-filing; later registrations are refused.")

    @Argument(help: "The pre-filing number.") var reference: String
    @Option(name: .long, help: "Why (required).") var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why.") }
    }

    func run() async throws {
      var registry = try registry.open(try resources.oneWindow())
      try output.prepare(&registry)
      let clock = self.registry.clock
      try output.answer(registry: registry, try await registryCall { () async throws(OneWindowError) in
        try await registry.revokePreFiling(reference, reason: reason, by: actor.actor, clock: clock)
      })
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "One pre-filing: state on the reference date, units and their occupation, proofs, versions, history.")

    @Argument(help: "The pre-filing number or its submission receipt.") var reference: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let asOf = self.registry.clock.today
      guard let detail = try await registryCall({ () async throws(OneWindowError) in try await registry.preFiling(reference, asOf: asOf) }) else {
        Console.error("no pre-filing \(reference) in \(registry.location)")
        throw ExitCode(1)
      }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(detail))
      case .json: Console.out(RegistryTextRenderer.json(detail))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Pre-filings as they stand on the reference date.")

    @Option(name: .long, help: "Only this status: submitted, correction-requested, rejected, active, revoked, withdrawn, expired.")
    var status: PreFilingStatus?
    @Option(name: .customLong("owner-id"), help: "Only this owner's (统一社会信用代码 or ID number).") var ownerID: String?
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let asOf = self.registry.clock.today
      let filter = PreFilingFilter(status: status, ownerIdentity: ownerID)
      let summaries = try await registryCall { () async throws(OneWindowError) in try await registry.preFilings(asOf: asOf, filter: filter) }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(summaries))
      case .json: Console.out(RegistryTextRenderer.json(summaries))
      }
    }
  }
}

