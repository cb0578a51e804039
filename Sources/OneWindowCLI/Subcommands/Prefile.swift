import ArgumentParser
import Foundation
import OneWindowKit

extension OneWindowCommand {
  struct Prefile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "prefile",
      abstract: L("住所预备案：提交、审核、变更、撤回、撤销、查看、列表。", "Address pre-filing (住所预备案): submit, review, amend, withdraw, revoke, show, list."),
      discussion: L(
        """
        产权人为一栋楼一次性提交产权证明；此后承租人只凭入驻协议登记
        （`onewindow register`）。写入命令答复一份回执，不予办理时退出码为 1。
        """,
        """
        An owner files the property proofs of a building once; tenants then register
        with only an entry agreement (`onewindow register`). Write commands answer
        with a receipt and exit 1 when they refuse.
        """),
      subcommands: [Submit.self, Review.self, Amend.self, Withdraw.self, Revoke.self, Show.self, List.self])
  }
}

extension OneWindowCommand.Prefile {
  struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "submit",
      abstract: L("产权人（或窗口帮办代办）提交预备案数据包。", "An owner (or a clerk at the window) submits pre-filing packets."),
      discussion: L(
        """
        每个数据包各出具一份回执，出具后立即打印。退回的数据包同样存档；
        其回执列出各项检查结果。
        """,
        """
        Each packet gets its own receipt, printed as soon as it is issued. A
        rejected packet is stored too; its receipt lists the findings.
        """))

    @Argument(help: .text("预备案（AddressPreFiling）数据包：文件、数据包文件夹或 -。", "AddressPreFiling packets: files, packet folders, or -."), completion: .packets) var packets: [String]
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
      abstract: L("审核人员通过、不予通过或要求补正。", "A clerk approves, rejects, or asks for corrections."),
      discussion: L(
        """
        REFERENCE 为提交回执号（通过前）或 YBA 编号。通过即为预备案编号
        并设定有效期（默认：自业务日期起按政策规定的年数）。决定作为审核决定
        数据包存档；--packet 文件 以 ReviewDecision 数据包代替 REFERENCE
        和决定选项。
        """,
        """
        REFERENCE is the submission receipt (before approval) or the YBA number.
        Approval numbers the pre-filing and sets its validity (default: from the
        reference date for the policy's years). The decision is stored as a
        review-decision packet; --packet FILE gives a ReviewDecision packet instead
        of REFERENCE and the decision flags.
        """))

    @Argument(help: .text("提交回执号或预备案编号。", "The submission receipt or pre-filing number.")) var reference: String?
    @Flag(name: .long, help: .text("通过。", "Approve.")) var approve = false
    @Option(name: .long, help: .text("不予通过并说明理由（可重复；以规则编号开头即引用该规则）。", "Reject, with a reason (repeatable; start with a rule id to cite it).")) var reject: [String] = []
    @Option(name: .long, help: .text("要求补正并说明理由（可重复）。", "Ask for corrections, with a reason (repeatable).")) var requestCorrection: [String] = []
    @Option(name: .long, help: .text("与 --approve 同用：说明未消除的审查错误为何不成立，以其规则编号开头（\"FL-004 …\"；可重复）。", "With --approve: why an open review error does not stand, starting with its rule id (\"FL-004 …\"; repeatable).")) var reason: [String] = []
    @Option(name: .long, help: .text("通过时的有效期起始日（默认：业务日期）。", "Validity start when approving (default: the reference date).")) var validFrom: CivilDate?
    @Option(name: .long, help: .text("通过时的有效期截止日。", "Validity end when approving.")) var validUntil: CivilDate?
    @Option(name: .long, help: .text("作为审核决定存档的 ReviewDecision 数据包。", "A ReviewDecision packet to store as the decision.")) var packet: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      let chosen = [approve, !reject.isEmpty, !requestCorrection.isEmpty].filter { $0 }.count
      if packet != nil {
        if chosen > 0 || reference != nil || validFrom != nil || validUntil != nil || !reason.isEmpty {
          throw ValidationError(L("--packet 已载明决定；不要同时给出编号或决定选项。", "--packet carries the decision; give no REFERENCE or decision flags with it."))
        }
        return
      }
      if reference == nil { throw ValidationError(L("请给出提交回执号或预备案编号，或 --packet 文件。", "Give the submission receipt or pre-filing number, or --packet FILE.")) }
      if chosen != 1 { throw ValidationError(L("请选择其一：--approve、--reject 理由 或 --request-correction 理由。", "Choose one: --approve, --reject REASON or --request-correction REASON.")) }
      if !approve, validFrom != nil || validUntil != nil || !reason.isEmpty {
        throw ValidationError(L("--valid-from、--valid-until 和 --reason 只能与 --approve 同用。", "--valid-from, --valid-until and --reason go with --approve."))
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
      abstract: L("产权人变更有效的预备案（增加或注销单元、更换产权证明）。", "The owner amends an active pre-filing (adds or retires units, replaces proofs)."),
      discussion: L("每次通过的变更形成一个新版本；旧版本保留。", "Each accepted amendment is a new version; the old one is kept."))

    @Argument(help: .text("预备案变更（PreFilingAmendment）数据包。", "The PreFilingAmendment packet."), completion: .packets) var packet: String
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
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: L("产权人撤回预备案（PreFilingWithdrawal 数据包）。", "The owner withdraws a pre-filing (a PreFilingWithdrawal packet)."))

    @Argument(help: .text("预备案撤回（PreFilingWithdrawal）数据包。", "The PreFilingWithdrawal packet."), completion: .packets) var packet: String
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
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: L("审核人员撤销有效的预备案；此后的入驻登记不予受理。", "A clerk revokes an active pre-filing; later registrations are refused."))

    @Argument(help: .text("预备案编号。", "The pre-filing number.")) var reference: String
    @Option(name: .long, help: .text("理由（必填）。", "Why (required).")) var reason: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(L("--reason 须写明理由。", "--reason must say why.")) }
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
      abstract: L("查看一个预备案：业务日期时的状态、单元及入驻情况、产权证明、版本、记录。", "One pre-filing: state on the reference date, units and their occupation, proofs, versions, history."))

    @Argument(help: .text("预备案编号或其提交回执号。", "The pre-filing number or its submission receipt.")) var reference: String
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let registry = try registry.openForReading(try resources.oneWindow())
      let asOf = self.registry.clock.today
      guard let detail = try await registryCall({ () async throws(OneWindowError) in try await registry.preFiling(reference, asOf: asOf) }) else {
        Console.error(L("\(registry.location) 中没有预备案 \(reference)", "no pre-filing \(reference) in \(registry.location)"))
        throw ExitCode(1)
      }
      switch output.format {
      case .text: Console.out(RegistryTextRenderer(language: output.lang).render(detail))
      case .json: Console.out(RegistryTextRenderer.json(detail))
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L("列出业务日期时的预备案。", "Pre-filings as they stand on the reference date."))

    @Option(name: .long, help: .text("只列此状态：submitted（已提交）、correction-requested（待补正）、rejected（不予通过）、active（有效）、revoked（已撤销）、withdrawn（已撤回）、expired（已过期）。", "Only this status: submitted, correction-requested, rejected, active, revoked, withdrawn, expired."))
    var status: PreFilingStatus?
    @Option(name: .customLong("owner-id"), help: .text("只列此产权人的（统一社会信用代码或身份证件号码）。", "Only this owner's (统一社会信用代码 or ID number).")) var ownerID: String?
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

