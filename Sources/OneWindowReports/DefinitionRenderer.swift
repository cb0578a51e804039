import Foundation
public import OneWindowCore
public import OneWindowValidation

/// The bundle definitions in force, and the problems of a definition checked or refused.
public struct DefinitionRenderer: Sendable {
  public let language: Language

  public init(language: Language) { self.language = language }

  private func t(_ text: LocalizedText) -> String { text.text(in: language) }
  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// Every loaded definition: tracks, departments, time limits, figures; then the refused ones.
  public func render(_ definitions: BundleDefinitions) -> String {
    var out = ""
    for definition in definitions.loaded {
      out += "\(definition.id)  \(t(definition.name))  v\(definition.version)  \(definition.packets.families.joined(separator: "/"))\n"
      let limits = definition.timeLimits
      out += "  " + t(
        "承诺时限（工作日）：新办 \(limits.opening)，变更 \(limits.change)，注销 \(limits.cancellation)",
        "time limits (working days): opening \(limits.opening), change \(limits.change), cancellation \(limits.cancellation)") + "\n"
      out += "  " + t("部门 \(definition.departments.count) 个：", "\(definition.departments.count) departments: ")
        + definition.departments.map(t).joined(separator: t("、", "; ")) + "\n"
      for track in definition.tracks {
        var line = "  - \(track.id)  \(t(track.name))  [\(t(track.department))]"
        switch track.number.allocator {
        case .uscc: line += t("  编号：统一社会信用代码", "  number: USCC")
        case .foodJY: line += t("  编号：JY 食品经营许可证号", "  number: JY food licence number")
        case .sequence:
          line += t("  编号：", "  number: ") + (track.number.prefix ?? "") + "YYYY" + String(repeating: "N", count: track.number.digits)
        }
        switch track.validity {
        case .indefinite: line += t("  长期有效", "  no end date")
        case .years(let years): line += t("  有效期 \(years) 年", "  valid \(years) years")
        }
        if let inspectors = track.inspectors { line += t("  现场核查 \(inspectors) 人", "  on-site inspection by \(inspectors)") }
        out += line + "\n"
      }
      let before = definition.figures.before
      let after = definition.figures.after
      out += "  " + t(
        "改革前→后：事项 \(before.items)→\(after.items)，部门 \(before.departments)→\(after.departments)，表单 \(before.forms)→\(after.forms)，材料 \(before.materials)→\(after.materials)，跑动 \(before.visits)→\(after.visits)",
        "before→after: items \(before.items)→\(after.items), departments \(before.departments)→\(after.departments), forms \(before.forms)→\(after.forms), materials \(before.materials)→\(after.materials), visits \(before.visits)→\(after.visits)")
        + "\n"
      if !definition.checks.isEmpty {
        out += "  " + t("声明的校验：", "declared checks: ") + definition.checks.map(\.id.rawValue).joined(separator: ", ") + "\n"
      }
    }
    for refused in definitions.refused {
      out += t("已拒绝：", "refused: ") + refused.file + "\n" + problems(refused, indent: "  ")
    }
    return out
  }

  /// `file:line: error: [code] message`, one line per problem, or that the definition passed.
  public func render(_ check: DefinitionCheck) -> String {
    guard !check.passed else {
      return "\(check.file): " + t("通过：定义 \(check.id ?? "-") 可以加载", "passed: the definition \(check.id ?? "-") can be loaded") + "\n"
    }
    return problems(check, indent: "")
  }

  private func problems(_ check: DefinitionCheck, indent: String) -> String {
    check.problems.map { problem in
      "\(indent)\(check.file)\(problem.line.map { ":\($0)" } ?? ""): error: [\(problem.code)] \(t(problem.message))\n"
    }.joined()
  }

  /// `bundle definitions --format json`.
  public static func json(_ definitions: BundleDefinitions) -> String {
    encode(DefinitionListing(definitions: definitions.loaded, refused: definitions.refused))
  }

  /// `bundle definitions check --format json`.
  public static func json(_ check: DefinitionCheck) -> String { encode(check) }

  private static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)).map { $0 + "\n" } ?? "{}\n"
  }
}

/// The JSON of `bundle definitions` and `GET /v1/bundle-definitions`.
public struct DefinitionListing: Sendable, Codable {
  public var definitions: [BundleDefinition]
  public var refused: [DefinitionCheck]

  public init(definitions: [BundleDefinition], refused: [DefinitionCheck]) {
    self.definitions = definitions
    self.refused = refused
  }
}
