import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand.Bundle {
  struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "submit",
      abstract: L("提交开办、变更、注销申请；每份出具一份载明承诺办结日的回执。", "Submit restaurant bundles (opening, change, cancellation); one receipt each with the due date."),
      discussion: L(
        """
        受理的一件事编号为 YJS-370202-YYYY-NNNNNN，承诺办结日为受理后
        政策规定的工作日数（默认 2 个）。Header/Resubmits 指向待补正的一件事
        的数据包是其补正版本，重新起算时限。
        """,
        """
        An accepted bundle is numbered YJS-370202-YYYY-NNNNNN and due the policy's
        working days after acceptance (2 by default). A packet whose
        Header/Resubmits names a bundle awaiting correction is its corrected version
        and starts a new count.
        """))

    @Argument(help: .text("开办（RestaurantOpening）、变更（RestaurantChange）或注销（RestaurantCancellation）数据包。", "RestaurantOpening, RestaurantChange or RestaurantCancellation packets."), completion: .packets) var packets: [String]
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
      abstract: L("审核人员对一件事中的一项（营业执照或食品经营许可）作出决定。", "A clerk decides one track (business or food) of a bundle."),
      discussion: L(
        """
        各项相互独立，可按任意顺序决定。开办，或变更经营场所、布局流程时，
        通过食品经营许可一项须经至少两名核查人员现场核查（--inspector 两次）。
        不予通过即整件不予通过，并载明两项的理由；要求补正则暂停计时。
        --packet 文件 可改用 ReviewDecision 数据包。
        """,
        """
        Tracks are independent and may be decided in any order. Approving the food
        track of an opening, or of a change of premises or layout, needs an on-site
        inspection by at least two inspectors (--inspector twice). A rejection
        rejects the bundle with both tracks' reasons; a correction request stops the
        clock. --packet FILE takes a ReviewDecision packet instead.
        """))

    @Argument(help: .text("一件事编号（或其提交回执号）。", "The bundle number (or its submission receipt).")) var reference: String?
    @Option(name: .long, help: .text("business（营业执照）或 food（食品经营许可）。", "business or food.")) var track: Track?
    @Flag(name: .long, help: .text("通过。", "Approve.")) var approve = false
    @Option(name: .long, help: .text("不予通过并说明理由（可重复）。", "Reject, with a reason (repeatable).")) var reject: [String] = []
    @Option(name: .long, help: .text("要求补正并说明理由（可重复）。", "Ask for corrections, with a reason (repeatable).")) var requestCorrection: [String] = []
    @Option(name: .long, help: .text("与 --approve 同用：说明未消除的审查错误为何不成立，以其规则编号开头（\"FL-004 …\"；可重复）。", "With --approve: why an open review error does not stand, starting with its rule id (\"FL-004 …\"; repeatable).")) var reason: [String] = []
    @Option(name: .long, help: .text("核查人员工号（可重复）。", "An inspector's staff number (repeatable).")) var inspector: [String] = []
    @Option(name: .long, help: .text("现场核查日期（默认：业务日期）。", "Inspection date (default: the reference date).")) var inspectedOn: CivilDate?
    @Option(name: .long, help: .text("pass（通过）、pass_after_rectification（整改后通过）或 fail（不通过）。", "pass, pass_after_rectification or fail.")) var inspectionResult: InspectionResult = .pass
    @Option(name: .long, help: .text("作为审核决定存档的 ReviewDecision 数据包。", "A ReviewDecision packet to store as the decision.")) var packet: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      let chosen = [approve, !reject.isEmpty, !requestCorrection.isEmpty].filter { $0 }.count
      if packet != nil {
        if chosen > 0 || reference != nil || track != nil || !inspector.isEmpty || !reason.isEmpty {
          throw ValidationError(L("--packet 已载明决定；不要同时给出编号、--track 或决定选项。", "--packet carries the decision; give no BUNDLE, --track or decision flags with it."))
        }
        return
      }
      guard reference != nil, track != nil else { throw ValidationError(L("请给出一件事编号和 --track business|food。", "Give the bundle number and --track business|food.")) }
      if chosen != 1 { throw ValidationError(L("请选择其一：--approve、--reject 理由 或 --request-correction 理由。", "Choose one: --approve, --reject REASON or --request-correction REASON.")) }
      if !approve, !inspector.isEmpty || inspectedOn != nil || !reason.isEmpty {
        throw ValidationError(L("--inspector、--inspected-on 和 --reason 只能与 --approve 同用。", "--inspector, --inspected-on and --reason go with --approve."))
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
      abstract: L("工作人员记录有关部门对简易注销提出的异议。", "A clerk records a department's objection to a simplified cancellation."),
      discussion: L(
        """
        推送后 10 日内（条例第三十三条第三款），税务或其他部门提出异议的，
        简易注销程序终止并载明理由；经营者可改为申请一般注销。期满后或对
        其他一件事提出的，不予办理（退出码 1）。
        """,
        """
        Within the 10 calendar days after the push (条例 art 33 ¶3), an objection from
        the tax or another department ends the simplified route with its reason; the
        business may then apply for an ordinary cancellation. Refused (exit 1) after
        the period or for any other bundle.
        """))

    @Argument(help: .text("一件事编号。", "The bundle number.")) var reference: String
    @Option(name: .long, help: .text("提出异议的部门（如 国家税务总局青岛市市南区税务局）。", "The objecting department (e.g. 国家税务总局青岛市市南区税务局).")) var department: String
    @Option(name: .long, help: .text("该部门的理由。", "The department's reason.")) var reason: String
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
      abstract: L("证照同发：各项均已通过时同时发放两证。", "Unified issuance: both certificates at once, when every track is approved."),
      discussion: L(
        """
        仍有一项未通过时不予办理（退出码 1）。打印载明所发证照号码的回执；
        --out 文件 同时写出发证（Issuance）数据包。
        """,
        """
        Refused (exit 1) while a track is not approved. Prints the receipt with the
        numbers issued; --out FILE also writes the Issuance packet.
        """))

    @Argument(help: .text("一件事编号。", "The bundle number.")) var reference: String
    @Option(name: .long, help: .text("把发证（Issuance）数据包写入此文件。", "Write the Issuance packet to this file."), completion: .file()) var out: String?
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
          Console.error(L("无法把发证数据包写入 \(out)：\(error.localizedDescription)", "cannot write the issuance to \(out): \(error.localizedDescription)"))
          throw ExitCode(2)
        }
      }
      try output.exit(for: [receipt])
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: L("查看一件事：各项办理情况、日期、证照、版本、记录。", "One bundle: tracks, dates, certificates, versions, history."))

    @Argument(help: .text("一件事编号或其提交回执号。", "The bundle number or its submission receipt.")) var reference: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      guard let detail = try await registryCall({ () async throws(OneWindowError) in try await registry.bundle(reference) }) else {
        Console.error(L("\(registry.location) 中没有一件事 \(reference)", "no bundle \(reference) in \(registry.location)"))
        throw ExitCode(1)
      }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(detail))
      case .json: Console.out(RegistryTextRenderer.json(detail))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L("列出一件事，最早的在前。", "Bundles, oldest first."))

    @Option(name: .long, help: .text("只列此状态：under-review（审查中）、correction-requested（待补正）、approved（已通过）、rejected（不予通过）、issued（已发证）。", "Only this status: under-review, correction-requested, approved, rejected, issued."))
    var status: BundleStatus?
    @Option(name: .long, help: .text("只列此类：opening（开办）、change（变更）、cancellation（注销）。", "Only this kind: opening, change, cancellation.")) var kind: BundleKind?
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
      abstract: L("业务日期时已超过承诺办结日的一件事，及超期工作日数。", "Bundles past their due date on the reference date, with the working days they are late."),
      discussion: L(
        """
        同时列出承诺办结日暂定（所需节假日安排尚未公布）的在办事项；
        需要该安排的天数标为暂定。这是列表：无论是否有超期，退出码均为 0。
        """,
        """
        Also lists running bundles whose due date is provisional (it needs a holiday
        schedule not yet published); counts that need one are marked provisional. A
        listing: exit 0 whether or not some are late.
        """))

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
