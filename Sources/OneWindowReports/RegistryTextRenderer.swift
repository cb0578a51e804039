public import OneWindowCore
public import OneWindowRegistry

/// Text for registry answers: receipts, pre-filing lists and details, audit verification.
public struct RegistryTextRenderer: Sendable {
  public var language: Language
  /// A receipt's findings below this severity are not printed (`--min-severity`).
  public var minimumSeverity: Severity
  /// Names the service centre on a receipt, when given.
  public var policy: Policy?

  public init(language: Language = .zh, minimumSeverity: Severity = .info, policy: Policy? = nil) {
    self.language = language
    self.minimumSeverity = minimumSeverity
    self.policy = policy
  }

  private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// A receipt: number, operation, outcome, applicant and premises, subject, saved materials,
  /// chain head, then the findings in compiler style (the rules not evaluated folded into one line).
  public func render(_ receipt: Receipt) -> String {
    var lines = [
      receipt.preview == true
        ? pick("回执预览（未编号，未写入登记库）", "Receipt preview (no number; nothing was written)") + "  \(receipt.issuedAt)"
        : "\(pick("回执", "Receipt")) \(receipt.number)  \(receipt.issuedAt)"
    ]
    if let recordedAt = receipt.recordedAt {
      let backdated = receipt.backdated == true ? pick("（补录：业务日期早于写入日）", " (backdated: the business date is before the day written)") : ""
      lines.append("  \(pick("写入时间", "recorded at")): \(recordedAt)\(backdated)")
    }
    lines.append("  \(pick("业务", "operation")): \(ActivityLabels.label(receipt.operation, in: language))  \(pick("办理人", "actor")): \(receipt.actorRole.label.text(in: language)) \(receipt.actorID)")
    if let centre = receipt.serviceCentre {
      let name = policy?.serviceCentre(named: centre).map { " " + $0.name.text(in: language) } ?? ""
      lines.append("  \(pick("受理服务中心", "service centre")): \(centre)\(name)")
    }
    lines.append("  \(pick("结果", "outcome")): \(outcomeLabel(receipt.outcome)) (\(receipt.outcome.code))")
    if let particulars = receipt.particulars {
      if let name = particulars.applicantName ?? particulars.applicantIdentity {
        let identity = particulars.applicantName == nil ? "" : particulars.applicantIdentity.map { " \($0)" } ?? ""
        lines.append("  \(pick("申请人", "applicant")): \(TerminalText.escaped(name + identity))")
      }
      if let name = particulars.businessName { lines.append("  \(pick("名称", "business name")): \(TerminalText.escaped(name))") }
      if let premises = particulars.premises { lines.append("  \(pick("场所", "premises")): \(TerminalText.escaped(premises))") }
      if let number = particulars.preFilingNumber { lines.append("  \(pick("住所预备案", "pre-filing")): \(TerminalText.escaped(number))") }
      if let units = particulars.units, !units.isEmpty {
        lines.append("  \(pick("单元", "units")): \(TerminalText.escaped(units.joined(separator: pick("、", ", "))))")
      }
    }
    if let subject = receipt.subject { lines.append("  \(pick("办件", "subject")): \(subject)") }
    if let dueOn = receipt.dueOn {
      let provisional = receipt.dueProvisional == true ? pick("（暂定：待公布节假日安排后确定）", " (provisional: until the holiday schedule is published)") : ""
      lines.append("  \(pick("承诺办结日", "due on")): \(dueOn)\(provisional)")
    }
    if let saved = receipt.materialsSaved {
      lines.append(
        "  " + pick(
          "少交材料: \(saved.count) 件（共 \(saved.fullSet) 件，\(String(format1: saved.percent))%）",
          "materials saved: \(saved.count) of \(saved.fullSet) (\(String(format1: saved.percent))%)"))
    }
    if let resubmits = receipt.resubmits { lines.append("  \(pick("补正前回执", "resubmits")): \(resubmits)") }
    if let licences = receipt.licences {
      if let uscc = licences.uscc { lines.append("  \(pick("统一社会信用代码", "USCC")): \(uscc)") }
      if let number = licences.foodLicenceNumber { lines.append("  \(pick("食品经营许可证编号", "food licence")): \(number)") }
      for permit in licences.permits ?? [] { lines.append("  \(pick("证照", "certificate")) \(permit.track): \(permit.number)") }
    }
    for reason in receipt.reasons {
      let track = reason.track.map { "[\($0.label.text(in: language))] " } ?? ""
      lines.append("  \(pick("理由", "reason")): \(track)\(reason.text)")
    }
    if let sha = receipt.packetSHA256 { lines.append("  \(pick("数据包", "packet")) SHA-256: \(sha)") }
    lines.append("  \(pick("审计链", "audit chain")): #\(receipt.auditSequence) \(receipt.auditHead)")
    let renderer = TextReportRenderer(language: language, minimumSeverity: minimumSeverity)
    var text = lines.joined(separator: "\n") + "\n"
    text += renderer.lines(receipt.findings, file: receipt.findings.first?.location.file ?? receipt.operation)
    if let hidden = renderer.hiddenLine(
      infos: receipt.findings.count { $0.severity == .info }, warnings: receipt.findings.count { $0.severity == .warning })
    {
      text += hidden + "\n"
    }
    return text
  }

  func outcomeLabel(_ outcome: Outcome) -> String {
    switch outcome {
    case .accepted: pick("通过", "accepted")
    case .rejected: pick("退回", "rejected")
    case .couldNotRun: pick("无法办理", "could not run")
    }
  }

  /// One line per pre-filing.
  public func render(_ summaries: [PreFilingSummary]) -> String {
    var lines = summaries.map { summary in
      var line = "\(summary.reference)  \(summary.status.label.text(in: language))  \(summary.premisesName)  "
      line += "\(summary.ownerName)  "
      line += pick("单元 \(summary.units)，已用 \(summary.occupied)/\(summary.places)", "units \(summary.units), occupied \(summary.occupied)/\(summary.places)")
      if let from = summary.validFrom, let until = summary.validUntil { line += "  \(from)..\(until)" }
      return line
    }
    lines.append(pick("共 \(summaries.count) 个预备案", "\(summaries.count) pre-filing\(summaries.count == 1 ? "" : "s")"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A pre-filing in full.
  public func render(_ detail: PreFilingDetail) -> String {
    let summary = detail.summary
    var lines = ["\(summary.reference)  \(summary.status.label.text(in: language))  \(pick("第 ", "version "))\(summary.version)\(pick(" 版", ""))"]
    lines.append("  \(pick("产权单位", "owner")): \(summary.ownerName) (\(summary.ownerIdentity))")
    lines.append("  \(pick("场所", "premises")): \(summary.premisesName)  \(summary.address)")
    if let from = summary.validFrom, let until = summary.validUntil {
      lines.append("  \(pick("有效期", "valid")): \(from)..\(until)")
    }
    if let reason = detail.reason { lines.append("  \(pick("理由", "reason")): \(reason)") }
    lines.append(pick("单元:", "units:"))
    for unit in detail.units {
      var line = "  \(unit.id)  \(unit.floor) \(unit.room)  \(unit.area)㎡  \(ActivityLabels.code(unit.plannedUse, as: PlannedUse.self, in: language))  "
      line += pick("已用 \(unit.occupied)/\(unit.capacity)", "occupied \(unit.occupied)/\(unit.capacity)")
      if let retired = unit.retiredIn { line += pick("  （第 \(retired) 版注销）", "  (retired in version \(retired))") }
      lines.append(line)
    }
    lines.append(pick("产权证明:", "proofs:"))
    for proof in detail.proofs {
      var line = "  \(proof.id)  \(ActivityLabels.code(proof.type, as: PropertyProofType.self, in: language))  \(proof.number)  → \(proof.covers.joined(separator: ","))"
      if let replaced = proof.replacedIn { line += pick("  （第 \(replaced) 版替换）", "  (replaced in version \(replaced))") }
      lines.append(line)
    }
    lines.append(pick("版本:", "versions:"))
    for version in detail.versions {
      lines.append("  \(version.version)  \(ActivityLabels.label(version.kind, in: language))  \(version.receipt)  \(version.at)")
    }
    if !detail.reviewFindings.isEmpty {
      lines.append(pick("审查意见:", "for review:"))
      for finding in detail.reviewFindings {
        lines.append("  \(finding.severity.label) [\(finding.ruleID)] \(TerminalText.escaped(finding.message.text(in: language)))")
      }
    }
    lines.append(pick("入驻:", "tenancies:"))
    for tenancy in detail.tenancies {
      let state = tenancy.inForce ? "" : pick("  （已结束）", "  (ended)")
      lines.append("  \(tenancy.unit)  \(tenancy.tenant)  \(tenancy.termStart)..\(tenancy.termEnd)  \(tenancy.receipt)\(state)")
    }
    lines.append(pick("记录:", "history:"))
    for entry in detail.history { lines.append(historyLine(entry)) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The audit verification: one line per problem, then a verdict.
  public func render(_ verification: AuditVerification) -> String {
    var lines = verification.problems.map { "audit:\($0.sequence): error: \($0.description)" }
    let checked = pick(
      "数据库完整性检查 \(verification.integrity)；复核数据包 \(verification.packetsChecked) 个；核对状态记录 \(verification.stateRowsChecked) 行",
      "database check \(verification.integrity); \(verification.packetsChecked) stored packets re-hashed; \(verification.stateRowsChecked) state rows compared")
    if !verification.packetsNotStored.isEmpty {
      lines.append(pick(
        "未复核（数据包超过大小限制，未保存）：\(verification.packetsNotStored.joined(separator: "、"))",
        "not re-hashed (over the size limit, not stored): \(verification.packetsNotStored.joined(separator: ", "))"))
    }
    if verification.isIntact {
      lines.append(pick(
        "审计日志完整：\(verification.events) 条事件，链头 #\(verification.headSequence) \(verification.headHash)，核对回执 \(verification.receiptsChecked) 张",
        "audit log intact: \(verification.events) events, head #\(verification.headSequence) \(verification.headHash), \(verification.receiptsChecked) receipts checked"))
      lines.append(checked)
    } else {
      lines.append(pick(
        "审计日志被篡改：发现 \(verification.problems.count) 处问题（\(verification.events) 条事件，核对回执 \(verification.receiptsChecked) 张）",
        "audit log tampered: \(verification.problems.count) problems (\(verification.events) events, \(verification.receiptsChecked) receipts checked)"))
      lines.append(checked)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line per bundle.
  public func render(_ summaries: [BundleSummary]) -> String {
    var lines = summaries.map(bundleLine)
    lines.append(pick("共 \(summaries.count) 件", "\(summaries.count) bundle\(summaries.count == 1 ? "" : "s")"))
    return lines.joined(separator: "\n") + "\n"
  }

  func bundleLine(_ summary: BundleSummary) -> String {
    var line = "\(summary.number)  \(summary.kind.label.text(in: language))  \(summary.status.label.text(in: language))  \(summary.businessName)"
    line += "  " + pick("受理 \(summary.acceptedOn)", "accepted \(summary.acceptedOn)")
    if let due = summary.dueOn {
      line += "  " + pick("期限 \(due)", "due \(due)") + (summary.dueProvisional == true ? pick("（暂定）", " (provisional)") : "")
    }
    if let issued = summary.issuedOn {
      line += "  " + pick("办结 \(issued)（\(summary.workingDaysTaken ?? 0) 个工作日）", "issued \(issued) (\(summary.workingDaysTaken ?? 0) working days)")
    }
    return line
  }

  /// A bundle in full.
  public func render(_ detail: BundleDetail) -> String {
    let summary = detail.summary
    var lines = [bundleLine(summary)]
    lines.append("  \(pick("经营者", "operator")): \(summary.operatorName)")
    if let number = detail.preFilingNumber, let unit = detail.unit {
      lines.append("  \(pick("住所预备案", "pre-filed unit")): \(number) \(unit)")
    }
    if !detail.changedFields.isEmpty {
      lines.append("  \(pick("变更事项", "changes")): " + detail.changedFields.map { $0.label.text(in: language) }.joined(separator: pick("、", ", ")))
    }
    lines.append(pick("审批线:", "tracks:"))
    for track in summary.tracks {
      var line = "  \(track.label.text(in: language))  \(track.status.label.text(in: language))"
      if let by = track.decidedBy, let on = track.decidedOn { line += "  \(by) \(on)" }
      if let inspection = track.inspection {
        line += pick("  现场核查 \(inspection.inspectedOn) \(inspection.inspectors.joined(separator: "、"))", "  inspected \(inspection.inspectedOn) by \(inspection.inspectors.joined(separator: ", "))")
      }
      lines.append(line)
      for reason in track.reasons { lines.append("    \(pick("理由", "reason")): \(reason)") }
      for item in detail.reviewFindings where item.track == track.track {
        lines.append("    \(pick("审查意见", "for review")): \(item.finding.severity.label) [\(item.finding.ruleID)] \(TerminalText.escaped(item.finding.message.text(in: language)))")
      }
    }
    if let period = detail.objectionPeriod {
      lines.append(
        pick(
          "简易注销: \(period.pushedOn) 推送税务等部门，异议期至 \(period.objectionUntil)",
          "simplified cancellation: pushed to the tax and other departments on \(period.pushedOn), objections until \(period.objectionUntil)"))
      if let objection = period.objection {
        lines.append("  \(pick("异议", "objection")): \(objection.recordedOn) \(TerminalText.escaped(objection.department))：\(TerminalText.escaped(objection.reason))")
      }
    }
    if let certificates = detail.certificates {
      lines.append(pick("证照:", "licences:"))
      lines.append("  \(pick("营业执照", "business licence")) \(certificates.business.uscc)  \(certificates.business.name)")
      lines.append("  \(pick("食品经营许可证", "food licence")) \(certificates.food.number)  \(certificates.food.itemsText)  \(certificates.food.validFrom)..\(certificates.food.validUntil)")
      if let ended = certificates.endedOn { lines.append("  \(pick("已注销", "ended")) \(ended)") }
    }
    if let permits = detail.permits, !permits.isEmpty {
      lines.append(pick("证照:", "certificates:"))
      for permit in permits {
        let validity = permit.validUntil.map { "\(permit.validFrom)..\($0)" } ?? "\(permit.validFrom).. \(pick("长期", "no end date"))"
        let ended = permit.endedOn.map { "  \(pick("已注销", "ended")) \($0)" } ?? ""
        lines.append("  \(permit.track)  \(permit.number)  \(TerminalText.escaped(permit.subject))  \(validity)\(ended)")
      }
    }
    if let permits = detail.permits, !permits.isEmpty {
      lines.append(pick("证照:", "certificates:"))
      for permit in permits {
        let validity = permit.validUntil.map { "\(permit.validFrom)..\($0)" } ?? "\(permit.validFrom).. \(pick("长期", "no end date"))"
        let ended = permit.endedOn.map { "  \(pick("已注销", "ended")) \($0)" } ?? ""
        lines.append("  \(permit.track)  \(permit.number)  \(TerminalText.escaped(permit.subject))  \(validity)\(ended)")
      }
    }
    lines.append(pick("版本:", "versions:"))
    for version in detail.versions {
      lines.append("  \(version.version)  \(ActivityLabels.label(version.kind, in: language))  \(version.receipt)  \(version.at)")
    }
    lines.append(pick("记录:", "history:"))
    for entry in detail.history { lines.append(historyLine(entry)) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Late bundles on a date, then the running bundles whose due date is still provisional.
  public func render(_ late: [OverdueBundle], asOf: CivilDate, provisional: [BundleSummary] = []) -> String {
    var lines = late.map { item in
      bundleLine(item.summary) + "  "
        + pick("逾期 \(item.workingDaysLate) 个工作日", "\(item.workingDaysLate) working days late")
        + (item.provisional == true ? pick("（暂定）", " (provisional)") : "")
    }
    lines.append(pick("截至 \(asOf) 逾期 \(late.count) 件", "\(late.count) overdue on \(asOf)"))
    if !provisional.isEmpty {
      lines += provisional.map(bundleLine)
      lines.append(pick(
        "期限暂定 \(provisional.count) 件：需尚未公布的节假日安排，公布后补全",
        "\(provisional.count) with a provisional due date: it needs a holiday schedule not yet published"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// An audit event in a record's history, in words.
  func historyLine(_ entry: AuditEntry) -> String {
    "  #\(entry.sequence)  \(entry.at)  \(ActivityLabels.actor(entry.actor, in: language))  \(ActivityLabels.label(entry.action, in: language))"
  }

  /// An audit trail: one line per event, in words, with its subject and its detail in words.
  public func render(_ trail: [AuditEntry]) -> String {
    trail.map { entry in
      "#\(entry.sequence)  \(entry.at)  \(ActivityLabels.actor(entry.actor, in: language))  "
        + "\(ActivityLabels.label(entry.action, in: language))  \(entry.subject)  \(TerminalText.escaped(ActivityLabels.detail(entry.detail, in: language)))"
    }.joined(separator: "\n") + (trail.isEmpty ? "" : "\n")
  }

  /// JSON for any registry answer (sorted keys, stable).
  public static func json(_ value: some Encodable) -> String { JSONReportRenderer.encode(value) }
}
