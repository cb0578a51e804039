import Foundation
import OneWindowXML

/// The versions of what decides a packet's findings, for `onewindow --version` and bug reports:
/// the rule set's date, each packet family's schema namespace, libxml2, and the commit the
/// binary was built from.
///
/// Gathering it compiles nothing and never throws: the namespaces come from `Schemas/MANIFEST`
/// when the folder matches it, else from each entry schema's root element; a folder or file
/// that cannot be found or read is reported in its place.
public struct VersionInfo: Sendable, Hashable {
  /// The date of the rule set: `version` of `Data/policy.json` (severities and policy values).
  public var ruleSet: Lookup<RuleSetDate>
  /// The schema folder and its packet families.
  public var schemas: Lookup<SchemaFolder>
  /// The libxml2 this process runs against, dotted (`2.9.14`).
  public var libxml2: String
  /// The commit `scripts/install.sh` stamped beside the binary.
  public var build: BuildStamp

  /// A value found, or why not.
  public enum Lookup<Value: Sendable & Hashable>: Sendable, Hashable {
    case found(Value)
    /// No folder of this kind (`Schemas`, `Data`) in any of the places looked in.
    case folderMissing(kind: String, tried: [String])
    /// The file is missing or not what it should be (a policy without `version`, a folder
    /// without entry schemas).
    case unreadable(path: String)
  }

  /// What `scripts/install.sh` wrote to ``stampPath`` beside the binary.
  public enum BuildStamp: Sendable, Hashable {
    /// The commit (with `-dirty` when the checkout had uncommitted changes).
    case commit(String)
    /// Installed from a folder that is not a git checkout (the stamp says `unknown`).
    case unknownCommit
    /// No stamp: not installed by `scripts/install.sh` (`swift run`, a bare copy of the binary).
    case notStamped
  }

  /// The policy's date and the file it was read from.
  public struct RuleSetDate: Sendable, Hashable {
    public var date: String
    public var policyFile: String
  }

  /// An entry schema's family (its folder: `prefiling`) and target namespace.
  public struct SchemaFamily: Sendable, Hashable {
    public var family: String
    public var namespace: String?
  }

  /// A schema folder: where, its families, and whether its files are exactly those its
  /// `MANIFEST` lists (false for edited schemas).
  public struct SchemaFolder: Sendable, Hashable {
    public var folder: String
    public var families: [SchemaFamily]
    public var matchesManifest: Bool
  }

  /// Where the build stamp lies relative to the binary (`<prefix>/bin/onewindow`).
  public static let stampPath = "share/onewindow/COMMIT"

  /// Gathers the versions from the folders OneWindow would use (see ``ResourceLocator``).
  public static func current(
    schemasFolder: String? = nil, dataFolder: String? = nil, environment: [String: String]? = nil
  ) -> VersionInfo {
    VersionInfo(
      ruleSet: ruleSetDate(dataFolder: dataFolder, environment: environment),
      schemas: schemaFolder(explicit: schemasFolder, environment: environment),
      libxml2: OneWindow.libxml2Version,
      build: stamp(executable: ResourceLocator.executableURL))
  }

  static func ruleSetDate(dataFolder: String?, environment: [String: String]?) -> Lookup<RuleSetDate> {
    let folder: String
    do {
      folder = try ResourceLocator.folder(.data, explicit: dataFolder, environment: environment)
    } catch {
      return missing(error, .data)
    }
    struct Dated: Decodable { var version: String }
    let path = folder + "/policy.json"
    guard let data = FileManager.default.contents(atPath: path),
      let dated = try? JSONDecoder().decode(Dated.self, from: data)
    else { return .unreadable(path: path) }
    return .found(RuleSetDate(date: dated.version, policyFile: path))
  }

  static func schemaFolder(explicit: String?, environment: [String: String]?) -> Lookup<SchemaFolder> {
    let folder: String
    do {
      folder = try ResourceLocator.folder(.schemas, explicit: explicit, environment: environment)
    } catch {
      return missing(error, .schemas)
    }
    let files = SchemaManifest.schemaFiles(under: folder)
    let entries = files.filter { !$0.hasPrefix("common/") }
    guard !entries.isEmpty else { return .unreadable(path: folder) }
    let known = SchemaManifest.verifiedEntries(folder: folder, files: files)
    let families = entries.map { relative in
      let namespace =
        known.map { $0.first { $0.path == relative }?.targetNamespace }
        ?? SchemaRoots(path: folder + "/" + relative, schemaFolder: folder)?.targetNamespace
      return SchemaFamily(family: String(relative.split(separator: "/").first ?? ""), namespace: namespace)
    }
    return .found(SchemaFolder(folder: folder, families: families, matchesManifest: known != nil))
  }

  /// The first line of `<executable>/../../share/onewindow/COMMIT`.
  static func stamp(executable: URL?) -> BuildStamp {
    guard let prefix = executable?.deletingLastPathComponent().deletingLastPathComponent(),
      let data = FileManager.default.contents(atPath: prefix.appendingPathComponent(stampPath).path)
    else { return .notStamped }
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let line, !line.isEmpty, line != "unknown" else { return .unknownCommit }
    return .commit(line)
  }

  private static func missing<Value>(_ error: OneWindowError, _ kind: ResourceLocator.Kind) -> Lookup<Value> {
    guard case .resourceMissing(_, let tried) = error else { return .folderMissing(kind: kind.rawValue, tried: []) }
    return .folderMissing(kind: kind.rawValue, tried: tried)
  }
}

extension OneWindow {
  /// The libxml2 version this process runs against, dotted (`2.9.14`; libxml2 reports `20914`).
  public static var libxml2Version: String {
    let raw = libxml2RuntimeVersion()
    guard let number = Int(raw) else { return raw }
    return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
  }
}
