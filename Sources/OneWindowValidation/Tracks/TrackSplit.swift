public import OneWindowCore
import OneWindowXML

/// The two per-track applications split from one restaurant opening bundle.
public struct TrackApplications: Sendable, Hashable {
  /// The business-licence application (`BusinessLicenceApplication`): indented UTF-8 XML.
  public var business: [UInt8]
  /// The food-licence application (`FoodLicenceApplication`): indented UTF-8 XML.
  public var food: [UInt8]
  /// The business application's file name: `<stem>.business.xml` for a bundle named
  /// `<stem>.xml`.
  public var businessFileName: String
  /// The food application's file name: `<stem>.food.xml`.
  public var foodFileName: String

  public init(business: [UInt8], food: [UInt8], businessFileName: String, foodFileName: String) {
    self.business = business
    self.food = food
    self.businessFileName = businessFileName
    self.foodFileName = foodFileName
  }
}

/// What assembling a business-licence and a food-licence application gave.
public struct BundleAssembly: Sendable, Hashable {
  /// Every inconsistency between the two applications (the BD pair rules), located in the food
  /// application, in report order.
  public var findings: [Finding]
  /// The assembled `RestaurantOpening` (indented UTF-8 XML, schema-valid); nil when a finding
  /// rejects the pair.
  public var bundle: [UInt8]?

  public init(findings: [Finding], bundle: [UInt8]?) {
    self.findings = findings
    self.bundle = bundle
  }

  /// Accepted when the bundle was assembled; rejected when a finding stood in the way.
  public var outcome: Outcome { bundle == nil ? .rejected : .accepted }
}

extension OneWindow {
  /// Appended to the bundle's `PacketId` to name the business-licence application.
  public static let businessTrackSuffix = "-BL"
  /// Appended to the bundle's `PacketId` to name the food-licence application.
  public static let foodTrackSuffix = "-FL"

  /// Splits a restaurant opening bundle into its business-licence and food-licence applications,
  /// each valid against its own schema.
  ///
  /// The shared entries (agent, operator, name, premises, scope, contact, declaration) go to both
  /// applications; `CompositionForm`, `FamilyMembers` and `BusinessLicence` to the business one,
  /// `FoodLicence` to the food one. The header is the bundle's, with ``businessTrackSuffix`` or
  /// ``foodTrackSuffix`` appended to its `PacketId`.
  ///
  /// Materials: each application keeps every material except those only the other track's part
  /// refers to. So the business application leaves out the food part's layout plan, equipment
  /// list, safety rules and health certificates (unless the premises or the agent also refer to
  /// them); the food application keeps the whole manifest, since the business part refers to no
  /// material. Materials nothing refers to (application form, identity proofs) go to both. Every
  /// reference in either application therefore resolves, and each keeps the kinds its own
  /// checklist requires.
  ///
  /// - Parameters:
  ///   - bytes: the bundle as received.
  ///   - name: how messages name it; also gives the applications' file names.
  ///   - bundleNumber: the case number (`YJS-370202-2026-000001`) to write into both applications'
  ///     `BundleNumber`, when the bundle has one.
  ///   - options: limits for reading the bundle (rules do not stop a split).
  /// - Throws: ``OneWindowError/cannotSplit(_:)`` when the bundle is not a schema-valid
  ///   `RestaurantOpening`, or an application made from it would not be schema-valid (for
  ///   example a malformed `bundleNumber`).
  public func split(
    bytes: [UInt8], name: String, bundleNumber: String? = nil,
    options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> TrackApplications {
    try split(PacketSource(displayName: name, kind: .memory(bytes: bytes)), bundleNumber: bundleNumber, options: options)
  }

  /// Splits the bundle `source` names (a file, zip, packet folder, standard input), read through
  /// the one intake; see ``split(bytes:name:bundleNumber:options:)``.
  public func split(
    _ source: PacketSource, bundleNumber: String? = nil, options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> TrackApplications {
    let name = source.displayName
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: options)
    let (bytes, checked) = try Self.receive(source, checker: checker, options: options, failure: OneWindowError.cannotSplit)
    let (report, parsed) = (checked.report, checked.parsed)
    guard let parsed, case .opening(let opening) = parsed.packet else {
      throw .cannotSplit(
        Self.notA("RestaurantOpening", name: name, report: report, kind: parsed?.packet.kind))
    }
    let names = Self.trackFileNames(for: name)
    let source = [ComposerSource(bytes: bytes, name: name)]
    let composer = PacketComposer(limits: checker.validator.limits)

    let foodPartReferences = Set(
      [opening.food.layoutPlan.id, opening.food.equipmentList.id, opening.food.safetyRules.id]
        + opening.food.staff.compactMap { (member: StaffMember) in member.health.material?.id })
    let sharedReferences = Self.sharedReferences(premises: opening.core.premises, agent: opening.agent)
    let businessMaterials = opening.materials.map { (material: Material) in material.id }.filter {
      !foodPartReferences.contains($0) || sharedReferences.contains($0)
    }
    let numberPart: [ComposedPart] = bundleNumber.map { [.text(name: "BundleNumber", value: $0)] } ?? []

    let business = Composition(
      rootName: PacketKind.businessLicenceApplication.rawValue,
      namespace: namespace(of: .businessLicenceApplication),
      parts: [Self.header(packetID: opening.header.packetID + Self.businessTrackSuffix, from: 0)]
        + numberPart
        + Self.copies(
          ["Agent", "Operator", "CompositionForm", "FamilyMembers", "BusinessName", "Premises",
           "BusinessScope", "Contact", "BusinessLicence", "Declaration"], from: 0)
        + [.element(name: "Materials", parts: [Self.materials(businessMaterials, from: 0)])])
    let food = Composition(
      rootName: PacketKind.foodLicenceApplication.rawValue,
      namespace: namespace(of: .foodLicenceApplication),
      parts: [Self.header(packetID: opening.header.packetID + Self.foodTrackSuffix, from: 0)]
        + numberPart
        + Self.copies(
          ["Agent", "Operator", "BusinessName", "Premises", "BusinessScope", "Contact", "FoodLicence",
           "Declaration"], from: 0)
        + [.element(name: "Materials", parts: [Self.materials(opening.materials.map { (material: Material) in material.id }, from: 0)])])

    let businessBytes: [UInt8]
    let foodBytes: [UInt8]
    do {
      businessBytes = try composer.compose(business, from: source)
      foodBytes = try composer.compose(food, from: source)
    } catch {
      throw .cannotSplit(error.description)
    }
    for (bytes, fileName, kind) in [
      (businessBytes, names.business, PacketKind.businessLicenceApplication),
      (foodBytes, names.food, PacketKind.foodLicenceApplication),
    ] {
      let checked = checker.check(bytes: bytes, name: fileName)
      let (made, parsedTrack) = (checked.report, checked.parsed)
      guard parsedTrack?.packet.kind == kind else {
        throw .cannotSplit(
          "the \(kind.rawValue) made from \(name) would not be schema-valid"
            + Self.firstError(in: made).map { ": \($0)" }.orEmpty)
      }
    }
    return TrackApplications(
      business: businessBytes, food: foodBytes, businessFileName: names.business,
      foodFileName: names.food)
  }

  /// Assembles a restaurant opening bundle from a business-licence and a food-licence
  /// application, and reports every inconsistency between them.
  ///
  /// The findings are the BD pair rules (operator, name, premises, scope, case number, materials,
  /// agent), located in the food application. When none of them rejects the pair, the bundle is
  /// built: header, agent, shared entries, `CompositionForm`, `FamilyMembers`, `BusinessLicence`
  /// and declaration from the business application, `FoodLicence` from the food one, and the
  /// union of both manifests (business order, each food-only material after the material it
  /// follows in the food manifest). The `PacketId` is the business application's with
  /// ``businessTrackSuffix`` removed. A `BundleNumber` or food `USCC` has no place in an opening
  /// and is not carried over. So `assemble(split(x))` gives back `x` as a typed packet.
  ///
  /// - Parameters:
  ///   - business: the business-licence application as received.
  ///   - businessName: how messages name it.
  ///   - food: the food-licence application as received.
  ///   - foodName: how findings name it.
  ///   - options: limits, rule settings (`--rule`, `--disable`) and `strict`.
  /// - Throws: ``OneWindowError/notAPair(_:)`` when either packet is not a schema-valid
  ///   application of its track, or the assembled bundle would not be schema-valid.
  public func assemble(
    business: [UInt8], businessName: String, food: [UInt8], foodName: String,
    options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> BundleAssembly {
    try assemble(
      business: PacketSource(displayName: businessName, kind: .memory(bytes: business)),
      food: PacketSource(displayName: foodName, kind: .memory(bytes: food)), options: options)
  }

  /// Assembles the applications two sources name, read through the one intake; see
  /// ``assemble(business:businessName:food:foodName:options:)``.
  public func assemble(
    business businessSource: PacketSource, food foodSource: PacketSource, options: ValidationOptions = ValidationOptions()
  ) throws(OneWindowError) -> BundleAssembly {
    let businessName = businessSource.displayName
    let foodName = foodSource.displayName
    let checker = try PacketChecker(schemas: schemas, policy: policy, options: options)
    let (business, businessChecked) = try Self.receive(
      businessSource, checker: checker, options: options, failure: OneWindowError.notAPair)
    let (food, foodChecked) = try Self.receive(foodSource, checker: checker, options: options, failure: OneWindowError.notAPair)
    let pair = try Self.pair(
      business: businessChecked, businessName: businessName, food: foodChecked, foodName: foodName)
    let findings = checker.checkTracks(business: pair.business, food: pair.food, foodName: foodName)
    guard Outcome.of(findings, strict: options.strict) == .accepted,
      case .businessApplication(let businessApplication) = pair.business.packet,
      case .foodApplication(let foodApplication) = pair.food.packet
    else { return BundleAssembly(findings: findings, bundle: nil) }

    var packetID = businessApplication.header.packetID
    if packetID.hasSuffix(Self.businessTrackSuffix) { packetID.removeLast(Self.businessTrackSuffix.count) }
    let materials = Self.mergedMaterials(business: businessApplication.materials, food: foodApplication.materials)
    let opening = Composition(
      rootName: PacketKind.restaurantOpening.rawValue,
      namespace: namespace(of: .restaurantOpening),
      parts: [Self.header(packetID: packetID, from: 0)]
        + Self.copies(
          ["Agent", "Operator", "CompositionForm", "FamilyMembers", "BusinessName", "Premises",
           "BusinessScope", "Contact", "BusinessLicence"], from: 0)
        + Self.copies(["FoodLicence"], from: 1)
        + Self.copies(["Declaration"], from: 0)
        + [.element(name: "Materials", parts: materials.map { Self.materials([$0.id], from: $0.source) })])

    let bytes: [UInt8]
    do {
      bytes = try PacketComposer(limits: checker.validator.limits).compose(
        opening,
        from: [ComposerSource(bytes: business, name: businessName), ComposerSource(bytes: food, name: foodName)])
    } catch {
      throw .notAPair(error.description)
    }
    let checked = checker.check(bytes: bytes, name: "RestaurantOpening")
    let (made, parsed) = (checked.report, checked.parsed)
    guard parsed?.packet.kind == .restaurantOpening else {
      throw .notAPair(
        "the bundle assembled from \(businessName) and \(foodName) would not be schema-valid"
          + Self.firstError(in: made).map { ": \($0)" }.orEmpty)
    }
    return BundleAssembly(findings: findings, bundle: bytes)
  }

  /// `<stem>.business.xml` and `<stem>.food.xml` for a bundle named `…/<stem>.xml`.
  public static func trackFileNames(for name: String) -> (business: String, food: String) {
    var stem = String(name.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    if stem.lowercased().hasSuffix(".xml") { stem.removeLast(4) }
    if stem.isEmpty || stem == "-" || stem == "<stdin>" { stem = "bundle" }
    return (stem + ".business.xml", stem + ".food.xml")
  }

  // MARK: - Helpers

  /// Reads a source through the intake and checks it; a refused input (over the size limit, a
  /// refused zip) or an unreadable one is `failure` with its findings.
  static func receive(
    _ source: PacketSource, checker: PacketChecker, options: ValidationOptions,
    failure: (String) -> OneWindowError
  ) throws(OneWindowError) -> (bytes: [UInt8], checked: CheckedPacket) {
    let received = try PacketIntake.receive(source, maxBytes: options.maxBytes, zip: options.zip)
    switch received.content {
    case .refused(let findings, _):
      throw failure(findings.map { $0.reportLine(in: .en) }.joined(separator: "; "))
    case .xml(let bytes, _):
      return (bytes, checker.check(received))
    }
  }

  /// Both applications, checked; throws unless each is a schema-valid application of its track.
  static func pair(
    business businessResult: CheckedPacket, businessName: String, food foodResult: CheckedPacket, foodName: String
  ) throws(OneWindowError) -> (business: ParsedPacket, food: ParsedPacket) {
    guard let businessParsed = businessResult.parsed, businessParsed.packet.kind == .businessLicenceApplication else {
      throw .notAPair(
        notA("BusinessLicenceApplication", name: businessName, report: businessResult.report,
             kind: businessResult.parsed?.packet.kind))
    }
    guard let foodParsed = foodResult.parsed, foodParsed.packet.kind == .foodLicenceApplication else {
      throw .notAPair(
        notA("FoodLicenceApplication", name: foodName, report: foodResult.report, kind: foodResult.parsed?.packet.kind))
    }
    return (businessParsed, foodParsed)
  }

  /// Why a packet is not the expected kind, with its first error when it is not schema-valid.
  static func notA(_ expected: String, name: String, report: PacketReport, kind: PacketKind?) -> String {
    if let kind { return "\(name) is a \(kind.rawValue), not a \(expected)" }
    if report.outcome == .couldNotRun, let failure = report.failure { return failure }
    return "\(name) is not a schema-valid \(expected)" + firstError(in: report).map { ": \($0)" }.orEmpty
  }

  /// The first error finding of a report, as an English report line.
  static func firstError(in report: PacketReport) -> String? {
    report.findings.first { $0.severity == .error }.map { $0.reportLine(in: .en) }
  }

  /// The namespace of the schema that declares a packet kind's root element.
  func namespace(of kind: PacketKind) -> String {
    schemas.entries.first { $0.rootElements.contains(kind.rawValue) }?.targetNamespace ?? ""
  }

  /// Material ids the shared entries refer to (premises proofs, agreements, consents; the agent).
  static func sharedReferences(premises: RestaurantPremises, agent: Agent?) -> Set<String> {
    var ids: Set<String> = []
    switch premises {
    case .preFiled(let preFiled): ids.insert(preFiled.agreement.material.id)
    case .declared(let declared):
      for proof in declared.proofs { ids.insert(proof.material.id) }
      if let lease = declared.lease { ids.insert(lease.material.id) }
      if let consent = declared.consent { ids.insert(consent.material.id) }
    }
    if let agent { ids.insert(agent.powerOfAttorney.id) }
    return ids
  }

  /// The union of two manifests by material id: the business order, with each food-only material
  /// after the material it follows in the food manifest (at the end when it follows none).
  static func mergedMaterials(business: [Material], food: [Material]) -> [(id: String, source: Int)] {
    var merged = business.map { (id: $0.id, source: 0) }
    var insertion = merged.count
    for material in food {
      if let index = merged.firstIndex(where: { $0.id == material.id }) {
        insertion = index + 1
      } else {
        merged.insert((material.id, 1), at: insertion)
        insertion += 1
      }
    }
    return merged
  }

  /// A header copied from a source, with a new `PacketId` in front.
  static func header(packetID: String, from source: Int) -> ComposedPart {
    .element(
      name: "Header",
      parts: [
        .text(name: "PacketId", value: packetID),
        .copy(ElementSelection(source: source, path: ["Header", "*"], except: ["PacketId"])),
      ])
  }

  /// Copies of the named children of a source root, in the order given.
  static func copies(_ names: [String], from source: Int) -> [ComposedPart] {
    names.map { .copy(ElementSelection(source: source, path: [$0])) }
  }

  /// The manifest entries with these ids, in the source's order.
  static func materials(_ ids: [String], from source: Int) -> ComposedPart {
    .copy(ElementSelection(source: source, path: ["Materials", "Material"], attribute: "id", values: Set(ids)))
  }
}

extension Optional where Wrapped == String {
  fileprivate var orEmpty: String { self ?? "" }
}
