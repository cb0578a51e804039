import Foundation
import HTTPTypes
import Hummingbird
import OneWindowKit
import OneWindowValidation

/// The bundle definitions in force (anyone may read them: they hold no personal data), and the
/// check of a new one before a bureau adds it (`onewindow bundle definitions check`).
struct DefinitionRoutes {
  let state: ServiceState

  func register(_ routes: RouteTable) {
    routes.add(.get, "/v1/bundle-definitions", list)
    routes.add(.get, "/v1/bundle-definitions/{id}", show)
    routes.add(.post, "/v1/bundle-definitions/check", check)
  }

  @Sendable func list(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let definitions = state.oneWindow.bundleDefinitions
    return try Messages.json(
      DefinitionListing(
        definitions: definitions.loaded.map(Self.published),
        refused: definitions.refused.map { refused in
          var shown = refused
          shown.file = (refused.file as NSString).lastPathComponent
          shown.definition = refused.definition.map(Self.published)
          return shown
        }))
  }

  @Sendable func show(_ request: Request, _ context: ServiceContext) async throws -> Response {
    let id = try context.parameters.require("id")
    guard let definition = state.oneWindow.bundleDefinitions.definition(id) else {
      throw Problem.notFound("no bundle definition \(id)")
    }
    return try Messages.json(Self.published(definition))
  }

  /// A definition as anyone may see it: file names, never where they lie on the server.
  static func published(_ definition: BundleDefinition) -> BundleDefinition {
    var shown = definition
    shown.file = (definition.file as NSString).lastPathComponent
    for index in shown.tracks.indices { shown.tracks[index].schemaPath = nil }
    return shown
  }

  /// Where uploaded definitions are staged for a check: one folder libxml2 may read below.
  static let staging = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-definition-checks")

  /// The definition as `application/xml`, or as `multipart/form-data` with a part named
  /// `definition` and its track schemas as parts whose file names are their paths relative to
  /// it (`florist/FloristPart-v1.xsd`). Answers `200` with the check whatever it found.
  @Sendable func check(_ request: Request, _ context: ServiceContext) async throws -> Response {
    _ = try Access.actor(context, .clerk)
    var request = request
    let buffer = try await request.collectBody(upTo: state.options.maxBodyBytes)
    let bytes = Array(buffer.readableBytesView)
    guard !bytes.isEmpty else { throw Problem.badRequest("send the definition as the body") }
    var files: [String: [UInt8]] = [:]
    var definition = bytes
    var name = "definition.xml"
    let contentType = request.headers[.contentType] ?? ""
    if contentType.lowercased().hasPrefix("multipart/form-data") {
      guard let boundary = Messages.parameter("boundary", in: contentType) else {
        throw Problem.badRequest("multipart/form-data needs a boundary")
      }
      let parts = try Messages.multipart(bytes, boundary: boundary)
      guard let main = parts.first(where: { $0.name == "definition" }) else {
        throw Problem.badRequest("the multipart body has no part named definition")
      }
      definition = main.body
      name = Self.safeRelativePath(main.fileName ?? "") ?? name
      for part in parts where part.name != "definition" {
        guard let path = Self.safeRelativePath(part.fileName ?? part.name ?? "") else {
          throw Problem.badRequest("a schema part's file name must be a relative path without ..")
        }
        files[path] = part.body
      }
    }
    // The files go to a private folder under the staging one, are checked there, and removed.
    let folder = Self.staging.appendingPathComponent(UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      for (path, body) in files.merging([name: definition], uniquingKeysWith: { _, main in main }) {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(body).write(to: url)
      }
    } catch {
      throw Problem(.internalServerError, "Could not check", detail: "the definition could not be staged for checking")
    }
    let oneWindow = state.oneWindow
    let file = folder.appendingPathComponent(name).path
    let loadRoot = Self.staging.standardizedFileURL.path
    // Compiling uploaded schemas is blocking work: off the server's threads.
    var result = await Offload.run { oneWindow.checkBundleDefinition(file: file, against: oneWindow.bundleDefinitions, loadRoot: loadRoot) }
    result.file = name
    result.definition = result.definition.map(Self.published)
    return try Messages.json(result)
  }

  /// `path` when it is relative, without `..`, and of safe characters; nil otherwise.
  static func safeRelativePath(_ path: String) -> String? {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.isEmpty, !path.hasPrefix("/"), path.count <= 200,
      components.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }),
      !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" })
    else { return nil }
    return path
  }
}
