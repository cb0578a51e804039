import OneWindowCore
public import OneWindowRegistry

extension RegistryTextRenderer {
  /// The published figures: totals, then per bundle kind, per accepting centre and per month,
  /// one line each (Documentation/CommandReference.md, "The published figures", defines every figure).
  public func render(_ statistics: RegistryStatistics) -> String {
    let zh = language == .zh
    func text(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
    var lines = [text("一窗通办统计（截至 \(statistics.asOf)）", "OneWindow figures (as of \(statistics.asOf))")]
    lines.append(text("入驻登记（当场办结，时限 0 个工作日）", "Tenant registrations (decided on the spot, limit 0 working days)"))
    lines.append("  " + registrations(statistics.registrations))
    lines.append(text("开办餐饮店一件事", "Restaurant bundles"))
    lines.append("  " + bundles(statistics.bundles))
    if !statistics.bundleKinds.isEmpty {
      lines.append(text("按办件类型", "By kind"))
      for kind in statistics.bundleKinds {
        let label = "\(kind.kind.rawValue) \(kind.kind.label.text(in: language))"
        let limit = text("时限 \(kind.limitWorkingDays) 个工作日", "limit \(kind.limitWorkingDays) working days")
        lines.append("  \(label)\(text("（\(limit)）：", " (\(limit)): "))" + bundles(kind.bundles))
      }
    }
    if !statistics.definitions.isEmpty {
      lines.append(text("其他“一件事”（各按其定义的时限）", "Other bundles (each against its definition's limits)"))
      for other in statistics.definitions {
        lines.append("  \(other.definition) \(other.name.text(in: language))\(text("：", ": "))" + bundles(other.bundles))
      }
    }
    if !statistics.centres.isEmpty {
      lines.append(text("按受理服务中心", "By accepting service centre"))
      for centre in statistics.centres {
        let label =
          centre.centre.map { code in centre.name.map { "\(code) \($0)" } ?? code }
          ?? text("未记录（网上自助或未注明）", "unknown (online self-service, or none named)")
        lines.append("  \(label)\(text("：", ": "))" + both(centre.registrations, centre.bundles))
      }
    }
    if !statistics.months.isEmpty {
      lines.append(text("按受理月份", "By month of acceptance"))
      for month in statistics.months {
        lines.append("  \(month.month)\(text("：", ": "))" + both(month.registrations, month.bundles))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func percent(_ value: Double?) -> String { value.map { String(format1: $0) + "%" } ?? "-" }

  private func registrations(_ figures: RegistrationFigures) -> String {
    let saved = figures.materialsSaved
    return language == .zh
      ? "受理 \(figures.accepted) 件，退回 \(figures.refused) 件；少交材料 \(saved.count) 件（共 \(saved.fullSet) 件，\(percent(figures.accepted == 0 ? nil : saved.percent))）；按时 \(figures.onTime) 件（\(percent(figures.onTimePercent))）"
      : "accepted \(figures.accepted), refused \(figures.refused); materials saved \(saved.count) of \(saved.fullSet) (\(percent(figures.accepted == 0 ? nil : saved.percent))); on time \(figures.onTime) (\(percent(figures.onTimePercent)))"
  }

  private func bundles(_ figures: BundleFigures) -> String {
    let average = figures.averageWorkingDays.map { String(format1: $0) } ?? "-"
    let provisional =
      figures.provisional == 0
      ? "" : language == .zh ? "；其中 \(figures.provisional) 件用时为暂定" : "; \(figures.provisional) of them provisional"
    return language == .zh
      ? "受理 \(figures.accepted) 件，办结 \(figures.decided) 件（出证 \(figures.issued)，不予办理 \(figures.rejected)），在办 \(figures.open) 件（超期 \(figures.overdue)）；按时办结 \(figures.onTime) 件（\(percent(figures.onTimePercent))）；用时 \(figures.workingDaysTaken) 个工作日 / 时限 \(figures.workingDaysAllowed) 个工作日（\(percent(figures.timeUsedPercent))），平均 \(average) 个工作日\(provisional)"
      : "accepted \(figures.accepted), decided \(figures.decided) (issued \(figures.issued), rejected \(figures.rejected)), open \(figures.open) (overdue \(figures.overdue)); on time \(figures.onTime) (\(percent(figures.onTimePercent))); took \(figures.workingDaysTaken) of \(figures.workingDaysAllowed) working days allowed (\(percent(figures.timeUsedPercent))), average \(average)\(provisional)"
  }

  private func both(_ registrations: RegistrationFigures, _ bundles: BundleFigures) -> String {
    let saved = registrations.materialsSaved
    let average = bundles.averageWorkingDays.map { String(format1: $0) } ?? "-"
    return language == .zh
      ? "入驻登记 \(registrations.accepted) 件（少交材料 \(saved.count)/\(saved.fullSet) 件，\(percent(registrations.accepted == 0 ? nil : saved.percent))）；一件事受理 \(bundles.accepted) 件，办结 \(bundles.decided) 件，按时 \(bundles.onTime) 件（\(percent(bundles.onTimePercent))），平均 \(average) 个工作日，在办 \(bundles.open) 件（超期 \(bundles.overdue)）"
      : "registrations \(registrations.accepted) (materials saved \(saved.count) of \(saved.fullSet), \(percent(registrations.accepted == 0 ? nil : saved.percent))); bundles accepted \(bundles.accepted), decided \(bundles.decided), on time \(bundles.onTime) (\(percent(bundles.onTimePercent))), average \(average) working days, open \(bundles.open) (overdue \(bundles.overdue))"
  }
}
