import OneWindowCore
import OneWindowRules
import OneWindowXML

/// What a generic bundle (`TradeBundle`) gets from its definition: each part validated against
/// its track's schema, the `TB-` structure checks, and the definition's declared checks.
enum TradeBundleChecker {
  /// Schema problems of the parts, found while the document is alive (inside the map closure).
  static func partIssues(
    root: XMLElementView, packet: TradeBundlePacket, definitions: BundleDefinitions, validator: PacketValidator
  ) -> [XMLIssue] {
    guard let definition = definitions.definition(packet.definition), definition.packets == .generic else { return [] }
    var issues: [XMLIssue] = []
    var seen: Set<Track> = []
    for part in root.children("Part") {
      guard let track = part.attribute("track").flatMap(Track.init(rawValue:)), seen.insert(track).inserted,
        let trackDefinition = definition.track(track), let content = part.firstChildElement,
        content.namespaceURI == trackDefinition.namespace,
        let path = trackDefinition.schemaPath, let schema = definitions.partSchemas[path]
      else { continue }
      issues += validator.validate(content, against: schema)
    }
    return issues
  }

  /// The `TB-` findings and the declared checks of `packet`'s definition.
  static func findings(_ parsed: ParsedPacket, _ packet: TradeBundlePacket, definitions: BundleDefinitions, file: String) -> [Finding] {
    let map = parsed.sourceMap
    func at(_ node: NodeRef) -> SourceLocation {
      let node = node.isNone ? parsed.root : node
      return SourceLocation(file: file, line: map.line(of: node), path: map.path(of: node))
    }
    guard let definition = definitions.definition(packet.definition) else {
      let refused = definitions.refused.first { $0.id == packet.definition }
      return [
        TradeBundleRules.definitionKnown.finding(
          at: at(packet.definitionNode),
          detail: refused == nil
            ? LocalizedText(zh: "没有“一件事”定义 \(packet.definition)", en: "there is no bundle definition \(packet.definition)")
            : LocalizedText(
              zh: "“一件事”定义 \(packet.definition) 加载时被拒绝（\(refused!.problems.count) 个问题），暂不受理",
              en: "the bundle definition \(packet.definition) was refused when loaded (\(refused!.problems.count) problems); nothing is accepted for it"),
          value: packet.definition)
      ]
    }
    guard definition.packets == .generic else {
      return [TradeBundleRules.definitionIsGeneric.finding(at: at(packet.definitionNode), value: packet.definition)]
    }
    var findings: [Finding] = []
    // TB-003: the parts and the tracks.
    let expected: [Track] =
      switch packet.kind {
      case .opening: definition.tracks.map(\.id)
      case .change: definition.tracksAffected(by: packet.changes)
      case .cancellation: []
      }
    var given: Set<Track> = []
    for part in packet.parts {
      if definition.track(part.track) == nil {
        findings.append(
          TradeBundleRules.partsMatchTracks.finding(
            at: at(part.node),
            detail: LocalizedText(zh: "“\(definition.name.zh)”没有审批线 \(part.track)", en: "\(definition.name.en) has no track \(part.track)"),
            value: part.track.rawValue))
      } else if !given.insert(part.track).inserted {
        findings.append(
          TradeBundleRules.partsMatchTracks.finding(
            at: at(part.node), detail: LocalizedText(zh: "审批线 \(part.track) 的申请部分重复", en: "the part of track \(part.track) is repeated"),
            value: part.track.rawValue))
      } else if packet.kind == .change, !expected.contains(part.track) {
        findings.append(
          TradeBundleRules.partsMatchTracks.finding(
            at: at(part.node),
            detail: LocalizedText(
              zh: "本次\(packet.kind.label.zh)不涉及审批线 \(part.track)，不应附其申请部分", en: "this \(packet.kind.label.en.lowercased()) does not involve track \(part.track); leave its part out"),
            value: part.track.rawValue))
      }
    }
    for track in expected where !given.contains(track) {
      let name = definition.track(track)?.name ?? track.label
      findings.append(
        TradeBundleRules.partsMatchTracks.finding(
          at: at(parsed.root),
          detail: LocalizedText(zh: "缺少审批线 \(track)（\(name.zh)）的申请部分", en: "the part of track \(track) (\(name.en)) is missing"),
          value: track.rawValue))
    }
    // TB-004: each part is its track's element (a repeated part is TB-003's alone).
    var judged: Set<Track> = []
    for part in packet.parts {
      guard let track = definition.track(part.track), judged.insert(part.track).inserted else { continue }
      guard let content = part.content else {
        findings.append(
          TradeBundleRules.partInTrackSchema.finding(
            at: at(part.node), detail: LocalizedText(zh: "审批线 \(part.track) 的申请部分是空的", en: "the part of track \(part.track) is empty"),
            value: part.track.rawValue))
        continue
      }
      if content.namespace != track.namespace {
        findings.append(
          TradeBundleRules.partInTrackSchema.finding(
            at: at(content.node),
            detail: LocalizedText(
              zh: "审批线 \(part.track) 的申请部分应属命名空间 \(track.namespace ?? "-")，而不是 \(content.namespace ?? "（无）")",
              en: "the part of track \(part.track) belongs in the namespace \(track.namespace ?? "-"), not \(content.namespace ?? "(none)")"),
            value: content.namespace))
        continue
      }
      for path in track.requiredElements where content.value(at: path) == nil {
        findings.append(
          TradeBundleRules.partInTrackSchema.finding(
            at: at(content.node),
            detail: LocalizedText(zh: "审批线 \(part.track) 的申请部分缺少 \(path)", en: "the part of track \(part.track) lacks \(path)"),
            value: path))
      }
    }
    for element in definition.core where element.mandatory && packet.kind == .opening && packet.core.value(at: element.path) == nil
      && packet.core.element(at: element.path)?.children.isEmpty != false
    {
      findings.append(
        TradeBundleRules.coreComplete.finding(
          at: at(packet.core.node),
          detail: LocalizedText(
            zh: "共享信息缺少“\(element.name.zh)”（\(element.path)）", en: "the shared core lacks \(element.name.en) (\(element.path))"),
          value: element.path))
    }
    // TB-005: change and cancellation particulars.
    if packet.kind != .opening {
      let current = Set(packet.current.map(\.track))
      for track in definition.tracks where !current.contains(track.id) {
        findings.append(
          TradeBundleRules.caseParticulars.finding(
            at: at(parsed.root),
            detail: LocalizedText(zh: "未写明审批线 \(track.id)（\(track.name.zh)）的现有证照编号", en: "no current number is given for track \(track.id) (\(track.name.en))"),
            value: track.id.rawValue))
      }
    }
    if packet.kind == .change {
      let known = Set(definition.changeEffects.map(\.code))
      if packet.changes.isEmpty {
        findings.append(
          TradeBundleRules.caseParticulars.finding(
            at: at(parsed.root), detail: LocalizedText(zh: "变更未列出变更事项", en: "the change lists no changed field")))
      }
      for field in packet.changes where !known.contains(field) {
        findings.append(
          TradeBundleRules.caseParticulars.finding(
            at: at(parsed.root),
            detail: LocalizedText(
              zh: "变更事项 \(field) 不在“\(definition.name.zh)”的变更事项中（\(known.sorted().joined(separator: "、")))",
              en: "the changed field \(field) is not one of \(definition.name.en)'s (\(known.sorted().joined(separator: ", ")))"),
            value: field))
      }
    }
    findings += declaredFindings(packet, definition, at: at)
    return findings
  }

  /// The definition's declared checks, each on the part of its track when the packet has one.
  static func declaredFindings(
    _ packet: TradeBundlePacket, _ definition: BundleDefinition, at: (NodeRef) -> SourceLocation
  ) -> [Finding] {
    var findings: [Finding] = []
    for check in definition.checks {
      let descriptor = check.descriptor(definition: definition)
      if check.kind == .material {
        guard packet.kind == .opening, let code = check.material, !packet.materials.contains(where: { $0.code == code }) else { continue }
        findings.append(descriptor.finding(at: at(packet.materialsNode), value: code))
        continue
      }
      guard let content = packet.part(check.track)?.content, let path = check.path else { continue }
      let element = content.element(at: path)
      let value = element.flatMap { $0.text.isEmpty ? nil : $0.text }
      switch check.kind {
      case .present:
        if value == nil { findings.append(descriptor.finding(at: at(element?.node ?? content.node), value: path)) }
      case .atLeast:
        if let value, let number = Double(value), let minimum = check.minimum, number < minimum {
          findings.append(descriptor.finding(at: at(element?.node ?? content.node), value: value))
        }
      case .equal:
        let other: String? =
          switch check.equals {
          case .core(let corePath): packet.core.value(at: corePath)
          case .track(let track, let otherPath): packet.part(track)?.content?.value(at: otherPath)
          case nil: nil
          }
        if let value, let other, value != other { findings.append(descriptor.finding(at: at(element?.node ?? content.node), value: value)) }
      case .material: break
      }
    }
    return findings
  }
}
