public import OneWindowCore
import OneWindowXML

/// One track's part of a generic bundle, as a document of its own (同步申请: each department
/// receives its part): the part's element as the root, valid against the track's schema.
public struct TradeTrackApplication: Sendable, Hashable {
  public var track: Track
  /// `<stem>.<track in lower case>.xml` for a bundle named `<stem>.xml`.
  public var fileName: String
  /// Indented UTF-8 XML.
  public var bytes: [UInt8]

  public init(track: Track, fileName: String, bytes: [UInt8]) {
    self.track = track
    self.fileName = fileName
    self.bytes = bytes
  }
}

extension OneWindow {
  /// Splits a generic bundle (`TradeBundle`) into one document per track part, in the packet's
  /// order; the shared core stays with the bundle and its number.
  ///
  /// - Throws: ``OneWindowError/cannotSplit(_:)`` when the source is not a `TradeBundle` whose
  ///   parts are valid against their track schemas.
  public func splitTrade(_ source: PacketSource, options: ValidationOptions = ValidationOptions()) throws(OneWindowError)
    -> [TradeTrackApplication]
  {
    let name = source.displayName
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: options, definitions: bundleDefinitions)
    let (bytes, checked) = try Self.receive(source, checker: checker, options: options, failure: OneWindowError.cannotSplit)
    let (report, parsed) = (checked.report, checked.parsed)
    guard let parsed, case .tradeBundle(let trade) = parsed.packet else {
      throw .cannotSplit(Self.notA("TradeBundle", name: name, report: report, kind: parsed?.packet.kind))
    }
    if let problem = report.findings.first(where: { $0.category == .schema || $0.ruleID.rawValue.hasPrefix("TB-") }) {
      throw .cannotSplit("\(name): \(problem.ruleID) \(problem.message.en); its parts cannot be split")
    }
    let stem = Self.trackFileNames(for: name).business.dropLast(".business.xml".count)
    let names = trade.parts.compactMap { $0.content?.name }
    if let shared = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
      // The copy selects parts by their element's name: two tracks with one name cannot be told apart.
      throw .cannotSplit("\(name): two tracks' parts are both \(shared); such a bundle cannot be split by part")
    }
    let composer = PacketComposer(limits: checker.validator.limits)
    var applications: [TradeTrackApplication] = []
    for part in trade.parts {
      guard let content = part.content, let namespace = content.namespace else { continue }
      let composition = Composition(
        rootName: content.name, namespace: namespace,
        parts: [.copy(ElementSelection(source: 0, path: ["Part", content.name, "*"]))])
      do {
        let made = try composer.compose(composition, from: [ComposerSource(bytes: bytes, name: name)])
        applications.append(
          TradeTrackApplication(track: part.track, fileName: "\(stem).\(part.track.rawValue.lowercased()).xml", bytes: made))
      } catch {
        throw .cannotSplit(error.description)
      }
    }
    return applications
  }
}
