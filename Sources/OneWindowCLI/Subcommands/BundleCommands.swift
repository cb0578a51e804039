import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand.Bundle {
  struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "submit",
      abstract: "Submit restaurant bundles (opening, change, cancellation); one receipt each with the due date.",
      discussion: """
        An accepted bundle is numbered YJS-370202-YYYY-NNNNNN and due the policy's working days
        after acceptance (2 by default). A packet whose Header/Resubmits names a bundle awaiting
        correction is its corrected version and starts a new count.
        """)

    @Argument(help: "RestaurantOpening, RestaurantChange or RestaurantCancellation packets.") var packets: [String]
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let actor = actor.actor
      try await registry.writeEach(packets, output: output, resources: resources) {
        registry, source, clock async throws(OneWindowError) in
        try await registry.submitBundle(source, by: actor, clock: clock)
      }
    }
  }

  struct Decide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "decide",
      abstract: "A clerk decides one track (business or food) of a bundle.",
      discussion: """
        Tracks are independent and may be decided in any order. Approving the food track of an
        opening, or of a change of premises or layout, needs an on-site inspection by at least two
        inspectors (--inspector twice). A rejection rejects the bundle with both tracks' reasons; a
        correction request stops the clock. --packet FILE takes a ReviewDecision packet instead.
        """)

    @Argument(help: "The bundle number (or its submission receipt).") var reference: String?
    @Option(name: .long, help: "business or food.") var track: Track?
    @Flag(name: .long, help: "Approve.") var approve = false
    @Option(name: .long, help: "Reject, with a reason (repeatable).") var reject: [String] = []
    @Option(name: .long, help: "Ask for corrections, with a reason (repeatable).") var requestCorrection: [String] = []
    @Option(name: .long, help: "With --approve: why an open review error does not stand, starting with its rule id (\"FL-004 …\"; repeatable).") var reason: [String] = []
    @Option(name: .long, help: "An inspector's staff number (repeatable).") var inspector: [String] = []
    @Option(name: .long, help: "Inspection date (default: the reference date).") var inspectedOn: CivilDate?
    @Option(name: .long, help: "pass, pass_after_rectification or fail.") var inspectionResult: InspectionResult = .pass
    @Option(name: .long, help: "A ReviewDecision packet to store as the decision.") var packet: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      let chosen = [approve, !reject.isEmpty, !requestCorrection.isEmpty].filter { $0 }.count
      if packet != nil {
        if chosen > 0 || reference != nil || track != nil || !inspector.isEmpty || !reason.isEmpty {
          throw ValidationError("--packet carries the decision; give no BUNDLE, --track or decision flags with it.")
        }
        return
      }
      guard reference != nil, track != nil else { throw ValidationError("Give the bundle number and --track business|food.") }
      if chosen != 1 { throw ValidationError("Choose one: --approve, --reject REASON or --request-correction REASON.") }
      if !approve, !inspector.isEmpty || inspectedOn != nil || !reason.isEmpty {
        throw ValidationError("--inspector, --inspected-on and --reason go with --approve.")
      }
    }

    func run() async throws {
      let decisionPacket = try packet.map(packetSource)
      var registry = try registry.open(try resources.oneWindow())
      try output.prepare(&registry)
      let clock = self.registry.clock
      let inspection = inspector.isEmpty
        ? nil : InspectionRecord(inspectedOn: inspectedOn ?? clock.today, inspectors: inspector, result: inspectionResult)
      let decision: TrackDecision =
        approve ? .approve(inspection: inspection, reasons: reason)
        : reject.isEmpty ? .requestCorrection(reasons: requestCorrection) : .reject(reasons: reject)
      try output.answer(registry: registry, try await registryCall { () async throws(OneWindowError) in
        if let decisionPacket { return try await registry.decideTrack(decisionPacket: decisionPacket, by: actor.actor, clock: clock) }
        return try await registry.decideTrack(reference ?? "", track: track ?? .business, decision: decision, by: actor.actor, clock: clock)
      })
    }
  }

  struct Objection: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "objection",
      abstract: "A clerk records a department's objection to a simplified cancellation.",
      discussion: """
        Within the 10 calendar days after the push (条例 art 33 ¶3), an objection from the tax or
        another department ends the simplified route with its reason; the business may then apply
        for an ordinary cancellation. Refused (exit 1) after the period or for any other bundle.
        """)

    @Argument(help: "The bundle number.") var reference: String
    @Option(name: .long, help: "The objecting department (e.g. 国家税务总局青岛市市南区税务局).") var department: String
    @Option(name: .long, help: "The department's reason.") var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      var registry = try registry.open(try resources.oneWindow())
      try output.prepare(&registry)
      let clock = self.registry.clock
      try output.answer(registry: registry, try await registryCall { () async throws(OneWindowError) in
        try await registry.recordObjection(reference, department: department, reason: reason, by: actor.actor, clock: clock)
      })
    }
  }

  struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "issue",
      abstract: "Unified issuance: both certificates at once, when every track is approved.",
      discussion: """
        Refused (exit 1) while a track is not approved. Prints the receipt with the numbers
        issued; --out FILE also writes the Issuance packet.
        """)

    @Argument(help: "The bundle number.") var reference: String
    @Option(name: .long, help: "Write the Issuance packet to this file.") var out: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      var registry = try registry.open(try resources.oneWindow())
      try output.prepare(&registry)
      let clock = self.registry.clock
      let receipt = try await registryCall { () async throws(OneWindowError) in try await registry.issueBundle(reference, by: actor.actor, clock: clock) }
      try output.show(receipt, registry: registry)
      if let out, receipt.outcome == .accepted, receipt.preview != true {
        let issuance = try await registryCall { () async throws(OneWindowError) in try await registry.packet(forReceipt: receipt.number) }
        do {
          try Data(issuance?.bytes ?? []).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
          Console.error("cannot write the issuance to \(out): \(error.localizedDescription)")
          throw ExitCode(2)
        }
      }
      try output.exit(for: [receipt])
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One bundle: tracks, dates, certificates, versions, history.")

    @Argument(help: "The bundle number or its submission receipt.") var reference: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      guard let detail = try await registryCall({ () async throws(OneWindowError) in try await registry.bundle(reference) }) else {
        Console.error("no bundle \(reference) in \(registry.location)")
        throw ExitCode(1)
      }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(detail))
      case .json: Console.out(RegistryTextRenderer.json(detail))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Bundles, oldest first.")

    @Option(name: .long, help: "Only this status: under-review, correction-requested, approved, rejected, issued.")
    var status: BundleStatus?
    @Option(name: .long, help: "Only this kind: opening, change, cancellation.") var kind: BundleKind?
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let filter = BundleFilter(status: status, kind: kind)
      let summaries = try await registryCall { () async throws(OneWindowError) in try await registry.bundles(filter: filter) }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(summaries))
      case .json: Console.out(RegistryTextRenderer.json(summaries))
      }
    }
  }

  struct Overdue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "overdue",
      abstract: "Bundles past their due date on the reference date, with the working days they are late.",
      discussion: """
        Also lists running bundles whose due date is provisional (it needs a holiday schedule not
        yet published); counts that need one are marked provisional. A listing: exit 0 whether or
        not some are late.
        """)

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let asOf = self.registry.clock.today
      let late = try await registryCall { () async throws(OneWindowError) in try await registry.overdueBundles(asOf: asOf) }
      let provisional = try await registryCall { () async throws(OneWindowError) in try await registry.provisionalDueBundles() }
        .filter { summary in !late.contains { $0.summary.number == summary.number } }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(late, asOf: asOf, provisional: provisional))
      case .json: Console.out(RegistryTextRenderer.json(OverdueListing(overdue: late, provisional: provisional)))
      }
    }
  }
}

/// `bundle overdue --format json`.
struct OverdueListing: Encodable {
  var overdue: [OverdueBundle]
  var provisional: [BundleSummary]
}
