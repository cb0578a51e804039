import OneWindowCore

/// Maps a schema-valid `BundleDefinition`; codes the schema leaves open (check kinds, stages,
/// severities, allocators) are problems here, and the lines of tracks and checks are kept for
/// the problems found later.
enum DefinitionMapper {
  struct Read {
    var definition: BundleDefinition
    var problems: [DefinitionProblem]
    /// `id`, `packets`, `tracks`, `track:<ID>`, `check:<ID>`, `effect:<CODE>` → line.
    var lines: [String: Int]
  }

  static func read(_ root: PacketElement, file: String) -> Read {
    var problems: [DefinitionProblem] = []
    var lines: [String: Int] = ["id": root.child("Id")?.line ?? root.line]
    lines["packets"] = root.child("Packets")?.line
    lines["tracks"] = root.child("Tracks")?.line
    func unknown(_ value: String, _ what: LocalizedText, allowed: [String], line: Int) {
      problems.append(
        DefinitionProblem(
          code: "unknown-code",
          message: LocalizedText(
            zh: "\(what.zh) \(value) 不是可用的取值（\(allowed.joined(separator: "、"))）",
            en: "\(what.en) \(value) is not one of \(allowed.joined(separator: ", "))"),
          line: line))
    }
    /// The code's value; the schema's codes are upper-case (`ACCEPTANCE`), the Swift enums'
    /// raw values may be lower-case (`acceptance`).
    func code<T: RawRepresentable & CaseIterable>(
      _ value: String?, _ type: T.Type, default fallback: T, _ what: LocalizedText, line: Int
    ) -> T where T.RawValue == String {
      guard let value else { return fallback }
      if let known = T.allCases.first(where: { $0.rawValue.uppercased() == value }) { return known }
      unknown(value, what, allowed: T.allCases.map { $0.rawValue.uppercased() }, line: line)
      return fallback
    }

    let packets: BundleDefinition.Packets
    if let mapped = root.child("Packets")?.child("Mapped") {
      packets = .mapped(
        opening: mapped.string("Opening") ?? "", change: mapped.string("Change") ?? "",
        cancellation: mapped.string("Cancellation") ?? "")
    } else {
      packets = .generic
    }
    let core = root.child("Core")?.children("Element").map { element in
      BundleDefinition.CoreElement(
        path: element.string("Path") ?? "", name: text(element.child("Name")),
        mandatory: element.attribute("required").map { $0 == "true" || $0 == "1" } ?? true)
    } ?? []
    var tracks: [BundleDefinition.TrackDefinition] = []
    for element in root.child("Tracks")?.children("Track") ?? [] {
      let id = Track(rawValue: element.attribute("id") ?? "") ?? .business
      lines["track:\(id)"] = element.line
      let number = element.child("Number")
      let allocator = code(
        number?.attribute("allocator"), BundleDefinition.Numbering.Allocator.self, default: .sequence,
        LocalizedText(zh: "审批线 \(id) 的编号方式", en: "the allocator of track \(id)"), line: number?.line ?? element.line)
      let validityElement = element.child("Validity")
      let validity: BundleDefinition.Validity
      if let years = validityElement?.attribute("years").flatMap({ Int($0) }) {
        validity = .years(years)
      } else {
        if validityElement?.attribute("indefinite").map({ $0 == "true" || $0 == "1" }) != true {
          problems.append(
            DefinitionProblem(
              code: "check-incomplete",
              message: LocalizedText(
                zh: "审批线 \(id) 的有效期须给出 years 或 indefinite=\"true\"", en: "the validity of track \(id) needs years or indefinite=\"true\""),
              line: validityElement?.line ?? element.line))
        }
        validity = .indefinite
      }
      let schema = element.child("Schema")
      tracks.append(
        BundleDefinition.TrackDefinition(
          id: id, name: text(element.child("Name")), department: text(element.child("Department")),
          schema: schema?.text, schemaIsBuiltin: schema?.attribute("builtin").map { $0 == "true" || $0 == "1" } ?? false,
          schemaPath: nil, namespace: nil,
          materials: element.child("Materials")?.children("Material").map { material in
            BundleDefinition.Material(
              code: material.attribute("code") ?? "", name: text(material),
              shared: material.attribute("shared").map { $0 == "true" || $0 == "1" } ?? false)
          } ?? [],
          requiredElements: element.child("RequiredElements")?.children("Path").map(\.text) ?? [],
          decidedBy: element.child("Decision")?.attribute("role"),
          inspectors: element.child("Inspection")?.attribute("inspectors").flatMap { Int($0) },
          number: BundleDefinition.Numbering(
            allocator: allocator, prefix: number?.attribute("prefix"), digits: number?.attribute("digits").flatMap { Int($0) } ?? 6),
          validity: validity, after: element.children("After").compactMap { Track(rawValue: $0.text) },
          rules: element.child("Rules")?.children("Rule").map { RuleID($0.text) } ?? []))
    }
    var checks: [DeclaredCheck] = []
    for element in root.child("Checks")?.children("Check") ?? [] {
      let id = RuleID(element.attribute("id") ?? "")
      lines["check:\(id)"] = element.line
      let kind = code(
        element.attribute("kind"), DeclaredCheck.Kind.self, default: .present,
        LocalizedText(zh: "校验 \(id) 的类型", en: "the kind of check \(id)"), line: element.line)
      let stage = code(
        element.attribute("stage"), RuleStage.self, default: .acceptance, LocalizedText(zh: "校验 \(id) 的阶段", en: "the stage of check \(id)"),
        line: element.line)
      let severity = code(
        element.attribute("severity"), Severity.self, default: .error,
        LocalizedText(zh: "校验 \(id) 的严重程度", en: "the severity of check \(id)"), line: element.line)
      var equals: DeclaredCheck.Operand?
      if let core = element.string("EqualsCore") {
        equals = .core(core)
      } else if let other = element.child("EqualsTrack"), let track = Track(rawValue: other.attribute("track") ?? "") {
        equals = .track(track, other.text)
      }
      checks.append(
        DeclaredCheck(
          id: id, kind: kind, stage: stage, severity: severity,
          track: Track(rawValue: element.string("Track") ?? "") ?? .business, path: element.string("Path"), equals: equals,
          minimum: element.double("Minimum"), material: element.string("Material"), message: text(element.child("Message")),
          hint: text(element.child("Hint")), basis: text(element.child("Basis"))))
    }
    let limits = root.child("TimeLimits")
    let effects: [BundleDefinition.ChangeEffect] = root.child("ChangeEffects")?.children("Field").map { field in
      let code = field.attribute("code") ?? ""
      lines["effect:\(code)"] = field.line
      return BundleDefinition.ChangeEffect(
        code: code, name: text(field.child("Name")), path: field.attribute("path"),
        tracks: field.children("Track").compactMap { Track(rawValue: $0.text) })
    } ?? []
    let figures = root.child("Figures")
    let definition = BundleDefinition(
      id: root.string("Id") ?? "", version: root.int("Version") ?? 1, name: text(root.child("Name")),
      matter: root.string("Kind") == "MATTER" ? .matter : .trade, packets: packets,
      sources: root.child("Sources")?.children("Source").map(\.rawText) ?? [], core: core, tracks: tracks, checks: checks,
      timeLimits: BundleDefinition.TimeLimits(
        opening: limits?.int("Opening") ?? 0, change: limits?.int("Change") ?? 0, cancellation: limits?.int("Cancellation") ?? 0),
      changeEffects: effects,
      figures: BundleDefinition.Figures(
        before: figure(figures?.child("Before")), after: figure(figures?.child("After")), note: figures?.string("Note")),
      file: file)
    return Read(definition: definition, problems: problems, lines: lines)
  }

  static func text(_ element: PacketElement?) -> LocalizedText {
    LocalizedText(zh: element?.string("Zh") ?? "", en: element?.string("En") ?? "")
  }

  static func figure(_ element: PacketElement?) -> BundleDefinition.Figure {
    func value(_ name: String) -> Int { element?.attribute(name).flatMap { Int($0) } ?? 0 }
    return BundleDefinition.Figure(
      items: value("items"), departments: value("departments"), forms: value("forms"), materials: value("materials"),
      visits: value("visits"))
  }
}
