import OneWindowCore
import OneWindowXML

/// Maps a schema-valid `TradeBundle` (the generic bundle family): the core and each track's part
/// become ``TreeElement`` trees, since only the packet's definition knows their shape.
extension PacketMapper {
  static func tradeBundle(_ root: Element) -> TradeBundlePacket {
    let definition = root.child("Definition")
    var packet = TradeBundlePacket(
      header: root.child("Header").map(header), definition: definition?.text ?? "",
      kind: root.code("Kind", as: BundleKind.self) ?? .opening,
      core: root.child("Core").map(tree) ?? TreeElement(name: "Core"), definitionNode: definition?.node ?? .none)
    packet.current = root.child("Current")?.children("Licence").compactMap { licence in
      Track(rawValue: licence.attribute("track") ?? "").map { TradeBundlePacket.CurrentLicence(track: $0, number: licence.text, node: licence.node) }
    } ?? []
    packet.changes = root.child("Changes")?.children("Field").map(\.text) ?? []
    packet.cancellationReason = root.string("CancellationReason")
    if let materials = root.child("Materials") {
      packet.materialsNode = materials.node
      packet.materials = materials.children("Material").map { material in
        TradeBundlePacket.TradeMaterial(
          code: material.attribute("code") ?? "", title: material.string("Title") ?? "", fileName: material.string("FileName"),
          sha256: material.string("SHA256"), node: material.node)
      }
    }
    packet.parts = root.children("Part").compactMap { part in
      guard let track = Track(rawValue: part.attribute("track") ?? "") else { return nil }
      return TradeBundlePacket.Part(track: track, content: part.children.first.map(tree), node: part.node)
    }
    return packet
  }

  /// An element and everything below it as plain values.
  static func tree(_ element: Element) -> TreeElement {
    let children = element.children
    return TreeElement(
      name: element.name, namespace: element.view.namespaceURI, text: children.isEmpty ? element.text : "",
      children: children.map(tree), node: element.node)
  }
}
