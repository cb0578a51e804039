import Foundation
public import OneWindowCore
import OneWindowRules
package import OneWindowXML

/// The bundle definitions in force: every `*.xml` of `Data/bundles/` and of any extra folder,
/// each checked when loaded. A definition with a problem is refused with its problems and the
/// others keep working; nothing a definition says can stop the service from starting.
public struct BundleDefinitions: Sendable {
  /// The definitions that passed their checks, in id order.
  public let loaded: [BundleDefinition]
  /// The files refused, with why.
  public let refused: [DefinitionCheck]
  /// Compiled track schemas of the loaded definitions, by absolute path.
  package let partSchemas: [String: CompiledSchema]

  package init(loaded: [BundleDefinition], refused: [DefinitionCheck], partSchemas: [String: CompiledSchema]) {
    self.loaded = loaded.sorted { $0.id < $1.id }
    self.refused = refused
    self.partSchemas = partSchemas
  }

  /// No definitions at all.
  public static let none = BundleDefinitions(loaded: [], refused: [], partSchemas: [:])

  public func definition(_ id: String) -> BundleDefinition? { loaded.first { $0.id == id } }

  /// The definition whose dedicated families include the root `family` (the restaurant's).
  public func definition(mappedFamily family: String) -> BundleDefinition? {
    loaded.first { definition in
      if case .mapped(let opening, let change, let cancellation) = definition.packets {
        return [opening, change, cancellation].contains(family)
      }
      return false
    }
  }

  /// The declared checks of every loaded definition, as the rule catalogue lists them.
  public var declaredRules: [(definition: String, rule: RuleDescriptor)] {
    loaded.flatMap { definition in definition.checks.map { (definition.id, $0.descriptor(definition: definition)) } }
  }
}

/// What checking one definition file found.
public struct DefinitionCheck: Sendable, Hashable, Codable {
  public var file: String
  /// The definition's id, when it could be read.
  public var id: String?
  public var problems: [DefinitionProblem]
  /// The definition, when it was read (even with problems).
  public var definition: BundleDefinition?

  public var passed: Bool { problems.isEmpty }
}

/// One problem of a definition, with a stable code.
public struct DefinitionProblem: Sendable, Hashable, Codable {
  /// `not-valid`, `unreadable`, `duplicate-id`, `duplicate-track`, `schema-missing`,
  /// `schema-not-compiling`, `schema-required`, `unknown-rule`, `check-id-taken`, `unknown-track`,
  /// `cycle`, `no-decision-path`, `prefix-collision`, `prefix-missing`, `check-incomplete`,
  /// `unknown-code`, `unknown-family`, `unknown-material`, `allocator-track`.
  public var code: String
  public var message: LocalizedText
  public var line: Int?

  public init(code: String, message: LocalizedText, line: Int? = nil) {
    self.code = code
    self.message = message
    self.line = line
  }
}

extension OneWindow {
  /// The folder of the shipped definitions: `<data>/bundles`.
  public var definitionsFolder: String { (dataFolder as NSString).appendingPathComponent("bundles") }

  /// Loads the definitions of `Data/bundles/` and of `extraFolders` (a bureau's own, added
  /// without a release), checking each against the others loaded before it.
  public func loadBundleDefinitions(extraFolders: [String] = []) -> BundleDefinitions {
    var loader = BundleDefinitionLoader(oneWindow: self)
    return loader.load(folders: [definitionsFolder] + extraFolders)
  }

  /// Checks one definition file as if it were added to `definitions`: its schema, every track
  /// schema and named rule, its declared checks, cycles, decision paths and number prefixes.
  ///
  /// - Parameter loadRoot: the folder libxml2 may read its track schemas below (a service stages
  ///   uploads under one such folder); by default the definition's own folder.
  public func checkBundleDefinition(file: String, against definitions: BundleDefinitions, loadRoot: String? = nil) -> DefinitionCheck {
    var loader = BundleDefinitionLoader(oneWindow: self)
    loader.loadRoot = loadRoot
    let path = URL(fileURLWithPath: file).standardizedFileURL.path
    // An installed definition checked again is checked against the others only.
    for definition in definitions.loaded where definition.file != path { loader.accept(definition) }
    return loader.check(file: path).check
  }
}
