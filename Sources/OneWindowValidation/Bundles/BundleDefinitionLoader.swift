import Foundation
import OneWindowCore
import OneWindowRules
import OneWindowXML

/// Reads and checks definition files one by one, each against those accepted before it.
struct BundleDefinitionLoader {
  let oneWindow: OneWindow
  /// The folder libxml2 may read track schemas below; nil: each definition's own folder.
  var loadRoot: String? = nil
  private(set) var accepted: [BundleDefinition] = []
  private(set) var refused: [DefinitionCheck] = []
  private(set) var partSchemas: [String: CompiledSchema] = [:]
  /// Every id of the built-in catalogue: a definition may name them, never declare them.
  private let builtinRules: Set<RuleID> = Set(RuleRegistry.catalogue.map(\.id))
  /// Number prefixes of OneWindow's own numbers, which no track's may overlap.
  static let reservedPrefixes = ["YJS-", "YBA-", "RCPT-"]
  /// The only role that decides a track.
  static let decidingRoles: Set<String> = ["REVIEWER"]
  /// The largest definition file read.
  static let maxBytes = 1 << 20

  init(oneWindow: OneWindow) { self.oneWindow = oneWindow }

  mutating func accept(_ definition: BundleDefinition) { accepted.append(definition) }

  /// Loads every `*.xml` of `folders`, in file-name order per folder.
  mutating func load(folders: [String]) -> BundleDefinitions {
    for folder in folders {
      let files: [String]
      do {
        files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
      } catch {
        // The shipped folder may be absent in an install without definitions; an extra one must exist.
        if folder != oneWindow.definitionsFolder || FileManager.default.fileExists(atPath: folder) {
          refused.append(
            DefinitionCheck(
              file: folder, problems: [
                DefinitionProblem(
                  code: "unreadable", message: LocalizedText(zh: "无法读取定义文件夹 \(folder)", en: "cannot read the definitions folder \(folder)"))
              ]))
        }
        continue
      }
      for name in files {
        let file = URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)).standardizedFileURL.path
        let (check, schemas) = self.check(file: file)
        if check.passed, let definition = check.definition {
          accepted.append(definition)
          partSchemas.merge(schemas) { first, _ in first }
        } else {
          refused.append(check)
        }
      }
    }
    return BundleDefinitions(loaded: accepted, refused: refused, partSchemas: partSchemas)
  }

  /// Reads one file and checks it against the definitions accepted so far.
  func check(file: String) -> (check: DefinitionCheck, schemas: [String: CompiledSchema]) {
    let bytes: [UInt8]
    do {
      bytes = try oneWindow.readFile(file, cap: Self.maxBytes)
    } catch {
      return (DefinitionCheck(file: file, problems: [DefinitionProblem(code: "unreadable", message: LocalizedText(zh: "无法读取：\(error.description)", en: "cannot read it: \(error.description)"))]), [:])
    }
    guard let checker = try? PacketChecker(schemas: oneWindow.schemas, policy: oneWindow.policy, options: ValidationOptions()) else {
      return (DefinitionCheck(file: file, problems: [DefinitionProblem(code: "unreadable", message: LocalizedText(zh: "XML 解析器不可用", en: "the XML parser is unavailable"))]), [:])
    }
    let read = bytes.withUnsafeBytes { raw in
      checker.validator.check(raw, name: file) { root, _ -> DefinitionMapper.Read? in
        let element = PacketElement(root: root, map: SourceMapBuilder())
        guard element.name == "BundleDefinition" else { return nil }
        return DefinitionMapper.read(element, file: file)
      }
    }
    guard let mapped = read.mapped, let result = mapped else {
      var problems = read.issues.filter { $0.level >= .error }.map { issue in
        DefinitionProblem(
          code: "not-valid",
          message: LocalizedText(zh: "不符合定义规范（Schemas/bundledef/）：\(issue.message)", en: "not valid against Schemas/bundledef/: \(issue.message)"),
          line: issue.line > 0 ? issue.line : nil)
      }
      if problems.isEmpty {
        problems.append(
          DefinitionProblem(
            code: "not-valid",
            message: LocalizedText(
              zh: "根元素不是 urn:onewindow:bundledef:v1 的 BundleDefinition", en: "the root element is not BundleDefinition of urn:onewindow:bundledef:v1"),
            line: read.rootLine > 0 ? read.rootLine : nil))
      }
      return (DefinitionCheck(file: file, problems: problems), [:])
    }
    var definition = result.definition
    var problems = result.problems
    var schemas: [String: CompiledSchema] = [:]
    checkIdentity(definition, result.lines, &problems)
    checkTracks(&definition, result.lines, &problems, &schemas)
    checkChecks(definition, result.lines, &problems)
    return (DefinitionCheck(file: file, id: definition.id, problems: problems, definition: definition), schemas)
  }

  // MARK: - Checks

  private func checkIdentity(_ definition: BundleDefinition, _ lines: [String: Int], _ problems: inout [DefinitionProblem]) {
    if let other = accepted.first(where: { $0.id == definition.id }) {
      problems.append(
        DefinitionProblem(
          code: "duplicate-id",
          message: LocalizedText(zh: "编号 \(definition.id) 已由 \(other.file) 使用", en: "the id \(definition.id) is already used by \(other.file)"),
          line: lines["id"]))
    }
    if case .mapped(let opening, let change, let cancellation) = definition.packets {
      let dedicated = PacketKind.bundles.subtracting([.tradeBundle]).map(\.rawValue)
      for root in [opening, change, cancellation] where !dedicated.contains(root) {
        problems.append(
          DefinitionProblem(
            code: "unknown-family",
            message: LocalizedText(
              zh: "\(root) 不是随版本发布的专用“一件事”数据包类型（\(dedicated.sorted().joined(separator: "、"))）；新的行业请用通用数据包 <Generic/>",
              en: "\(root) is not a dedicated bundle family of this release (\(dedicated.sorted().joined(separator: ", "))); a new trade uses the generic family, <Generic/>"),
            line: lines["packets"]))
      }
      for other in accepted {
        if case .mapped(let taken, _, _) = other.packets, taken == opening {
          problems.append(
            DefinitionProblem(
              code: "unknown-family",
              message: LocalizedText(zh: "数据包 \(opening) 已映射到定义 \(other.id)", en: "the family \(opening) is already mapped by \(other.id)"),
              line: lines["packets"]))
        }
      }
    }
  }

  private func checkTracks(
    _ definition: inout BundleDefinition, _ lines: [String: Int], _ problems: inout [DefinitionProblem],
    _ schemas: inout [String: CompiledSchema]
  ) {
    let folder = (definition.file as NSString).deletingLastPathComponent
    var seen: Set<Track> = []
    let known = Set(definition.tracks.map(\.id))
    for index in definition.tracks.indices {
      let track = definition.tracks[index]
      let line = lines["track:\(track.id)"]
      if !seen.insert(track.id).inserted {
        problems.append(
          DefinitionProblem(
            code: "duplicate-track", message: LocalizedText(zh: "审批线 \(track.id) 定义了两次", en: "the track \(track.id) is defined twice"), line: line))
      }
      // The schema of the track's part: a relative path below the definition's folder (or, for
      // the dedicated families of a mapped definition, below Schemas/).
      if let schema = track.schema {
        let root = track.schemaIsBuiltin ? oneWindow.schemasFolder : folder
        let path = URL(fileURLWithPath: (root as NSString).appendingPathComponent(schema)).standardizedFileURL.path
        let confined = !schema.hasPrefix("/") && !schema.split(separator: "/").contains("..") && path.hasPrefix(root + "/")
        if track.schemaIsBuiltin && definition.packets == .generic {
          problems.append(
            DefinitionProblem(
              code: "schema-required",
              message: LocalizedText(
                zh: "审批线 \(track.id) 的 XSD 标为内置（builtin），只有专用数据包的定义可以这样；通用定义须自带审批线 XSD",
                en: "track \(track.id) names a builtin schema, which only a definition with dedicated families may; a generic one brings its track schemas"),
              line: line))
        } else if !confined {
          problems.append(
            DefinitionProblem(
              code: "schema-missing",
              message: LocalizedText(
                zh: "审批线 \(track.id) 的 XSD \(schema) 须为定义所在文件夹之下的相对路径",
                en: "the XSD \(schema) of track \(track.id) must be a relative path below the definition's folder"),
              line: line))
        } else if !FileManager.default.fileExists(atPath: path) {
          problems.append(
            DefinitionProblem(
              code: "schema-missing",
              message: LocalizedText(zh: "审批线 \(track.id) 的 XSD \(schema) 不存在", en: "the XSD \(schema) of track \(track.id) does not exist"),
              line: line))
        } else if track.schemaIsBuiltin {
          definition.tracks[index].schemaPath = path
        } else {
          definition.tracks[index].schemaPath = path
          do {
            let set = try SchemaSet(folder: loadRoot ?? folder, entryPaths: [path])
            let entry = set.entries[0]
            definition.tracks[index].namespace = entry.targetNamespace
            schemas[path] = try entry.compiled()
            if entry.targetNamespace == nil {
              problems.append(
                DefinitionProblem(
                  code: "schema-not-compiling",
                  message: LocalizedText(zh: "审批线 \(track.id) 的 XSD \(schema) 没有目标命名空间", en: "the XSD \(schema) of track \(track.id) has no target namespace"),
                  line: line))
            }
          } catch {
            problems.append(
              DefinitionProblem(
                code: "schema-not-compiling",
                message: LocalizedText(zh: "审批线 \(track.id) 的 XSD 无法编译：\(error.summary)", en: "the XSD of track \(track.id) does not compile: \(error.summary)"),
                line: line))
          }
        }
      } else if definition.packets == .generic {
        problems.append(
          DefinitionProblem(
            code: "schema-required",
            message: LocalizedText(zh: "审批线 \(track.id) 没有指明申请部分的 XSD（<Schema>）", en: "track \(track.id) names no schema for its part (<Schema>)"),
            line: line))
      }
      for rule in track.rules where !builtinRules.contains(rule) {
        problems.append(
          DefinitionProblem(
            code: "unknown-rule",
            message: LocalizedText(
              zh: "审批线 \(track.id) 引用的规则 \(rule) 不在本版本的规则目录中（代码规则须随版本发布）",
              en: "track \(track.id) names the rule \(rule), which this release's catalogue does not have (a code rule needs a release)"),
            line: line))
      }
      if track.decidedBy.map(Self.decidingRoles.contains) != true {
        problems.append(
          DefinitionProblem(
            code: "no-decision-path",
            message: LocalizedText(
              zh: "审批线 \(track.id) 没有决定路径：须以 <Decision role=\"REVIEWER\"/> 指明由审查人员决定\(track.decidedBy.map { "（\($0) 不能决定审批线）" } ?? "")，否则该线永远无法办结",
              en: "track \(track.id) has no decision path: it needs <Decision role=\"REVIEWER\"/>\(track.decidedBy.map { " (\($0) cannot decide a track)" } ?? ""), or it could never finish"),
            line: line))
      }
      for other in track.after where !known.contains(other) {
        problems.append(unknownTrack(other, where: LocalizedText(zh: "审批线 \(track.id) 的 <After>", en: "the <After> of track \(track.id)"), line: line))
      }
      checkPrefix(track, of: definition, line: line, &problems)
      checkAllocator(track, of: definition, line: line, &problems)
    }
    if definition.issuanceOrder == nil {
      let cyclic = definition.tracks.filter { !$0.after.isEmpty }.map(\.id.rawValue).joined(separator: ", ")
      problems.append(
        DefinitionProblem(
          code: "cycle",
          message: LocalizedText(
            zh: "审批线的先后关系（<After>）成环：\(cyclic)，无法确定出证顺序", en: "the tracks' <After> order has a cycle (\(cyclic)): no issuance order exists"),
          line: lines["tracks"]))
    }
    for effect in definition.changeEffects {
      for track in effect.tracks where !known.contains(track) {
        problems.append(
          unknownTrack(track, where: LocalizedText(zh: "变更事项 \(effect.code)", en: "the changed field \(effect.code)"), line: lines["effect:\(effect.code)"]))
      }
    }
  }

  private func checkPrefix(
    _ track: BundleDefinition.TrackDefinition, of definition: BundleDefinition, line: Int?, _ problems: inout [DefinitionProblem]
  ) {
    guard track.number.allocator == .sequence else { return }
    guard let prefix = track.number.prefix, !prefix.isEmpty else {
      problems.append(
        DefinitionProblem(
          code: "prefix-missing",
          message: LocalizedText(zh: "审批线 \(track.id) 按顺序号编号，须给出编号前缀（prefix）", en: "track \(track.id) is numbered by sequence and needs a number prefix (prefix)"),
          line: line))
      return
    }
    func overlaps(_ other: String) -> Bool { prefix.hasPrefix(other) || other.hasPrefix(prefix) }
    var clashes: [String] = Self.reservedPrefixes.filter(overlaps).map { "OneWindow (\($0))" }
    for shared in ["92", "JY"] where overlaps(shared) { clashes.append("\(shared == "92" ? "USCC" : "FOOD_JY") (\(shared))") }
    for other in accepted where other.id != definition.id {
      for otherTrack in other.tracks where otherTrack.number.allocator == .sequence {
        if let otherPrefix = otherTrack.number.prefix, overlaps(otherPrefix) {
          clashes.append("\(other.id)/\(otherTrack.id) (\(otherPrefix))")
        }
      }
    }
    for sibling in definition.tracks where sibling.id != track.id && sibling.number.allocator == .sequence {
      if let otherPrefix = sibling.number.prefix, overlaps(otherPrefix) { clashes.append("\(definition.id)/\(sibling.id) (\(otherPrefix))") }
    }
    if !clashes.isEmpty {
      problems.append(
        DefinitionProblem(
          code: "prefix-collision",
          message: LocalizedText(
            zh: "审批线 \(track.id) 的编号前缀 \(prefix) 与 \(clashes.joined(separator: "、")) 重叠，证号可能重复",
            en: "the number prefix \(prefix) of track \(track.id) overlaps \(clashes.joined(separator: ", ")): numbers could repeat"),
          line: line))
    }
  }

  /// The shared allocators belong to their licences: the 统一社会信用代码 to the BUSINESS track
  /// (and BUSINESS is numbered by it), the JY number to the restaurant's food licence.
  private func checkAllocator(
    _ track: BundleDefinition.TrackDefinition, of definition: BundleDefinition, line: Int?, _ problems: inout [DefinitionProblem]
  ) {
    let allocator = track.number.allocator
    let mismatch: LocalizedText? =
      if (track.id == .business) != (allocator == .uscc) {
        LocalizedText(
          zh: "营业执照审批线（BUSINESS）按统一社会信用代码编号（USCC），其他审批线不能使用该编号方式；\(track.id) 为 \(allocator.rawValue)",
          en: "the business licence track (BUSINESS) is numbered by USCC and no other track is; \(track.id) uses \(allocator.rawValue)")
      } else if allocator == .foodJY && definition.packets == .generic {
        LocalizedText(
          zh: "JY 食品经营许可证号只用于开办餐饮店的专用数据包（其类别位来自食品经营申请）",
          en: "JY food licence numbers serve only the restaurant's dedicated families (their category digit comes from the food application)")
      } else {
        nil
      }
    if let mismatch { problems.append(DefinitionProblem(code: "allocator-track", message: mismatch, line: line)) }
  }

  private func checkChecks(_ definition: BundleDefinition, _ lines: [String: Int], _ problems: inout [DefinitionProblem]) {
    let known = Set(definition.tracks.map(\.id))
    let materials = Set(definition.tracks.flatMap(\.materials).map(\.code))
    var ids: Set<RuleID> = []
    for check in definition.checks {
      let line = lines["check:\(check.id)"]
      let taken =
        builtinRules.contains(check.id) ? "OneWindow"
        : accepted.first(where: { $0.id != definition.id && $0.checks.contains { $0.id == check.id } })?.id
      if let taken {
        problems.append(
          DefinitionProblem(
            code: "check-id-taken",
            message: LocalizedText(zh: "规则编号 \(check.id) 已由 \(taken) 使用；编号永不复用", en: "the rule id \(check.id) is already used by \(taken); ids are never reused"),
            line: line))
      } else if !ids.insert(check.id).inserted {
        problems.append(
          DefinitionProblem(
            code: "check-id-taken", message: LocalizedText(zh: "规则编号 \(check.id) 声明了两次", en: "the rule id \(check.id) is declared twice"), line: line))
      }
      if !known.contains(check.track) {
        problems.append(unknownTrack(check.track, where: LocalizedText(zh: "校验 \(check.id)", en: "check \(check.id)"), line: line))
      }
      if case .track(let other, _) = check.equals, !known.contains(other) {
        problems.append(unknownTrack(other, where: LocalizedText(zh: "校验 \(check.id) 的 <EqualsTrack>", en: "the <EqualsTrack> of check \(check.id)"), line: line))
      }
      let missing: String? =
        switch check.kind {
        case .equal: check.path == nil || check.equals == nil ? "<Path> + <EqualsCore>|<EqualsTrack>" : nil
        case .present: check.path == nil ? "<Path>" : nil
        case .atLeast: check.path == nil || check.minimum == nil ? "<Path> + <Minimum>" : nil
        case .material: check.material == nil ? "<Material>" : nil
        }
      if let missing {
        problems.append(
          DefinitionProblem(
            code: "check-incomplete",
            message: LocalizedText(zh: "校验 \(check.id)（\(check.kind.rawValue)）缺少 \(missing)", en: "check \(check.id) (\(check.kind.rawValue)) lacks \(missing)"),
            line: line))
      }
      if let material = check.material, !materials.contains(material) {
        problems.append(
          DefinitionProblem(
            code: "unknown-material",
            message: LocalizedText(zh: "校验 \(check.id) 的材料 \(material) 不在任何审批线的材料清单中", en: "the material \(material) of check \(check.id) is in no track's materials"),
            line: line))
      }
    }
  }

  private func unknownTrack(_ track: Track, where place: LocalizedText, line: Int?) -> DefinitionProblem {
    DefinitionProblem(
      code: "unknown-track",
      message: LocalizedText(zh: "\(place.zh)引用的审批线 \(track) 未定义", en: "\(place.en) names the track \(track), which is not defined"), line: line)
  }
}
