public import OneWindowKit

/// The sample packets under `SampleFilings/`, as packet sources named relative to the root
/// (so reports read `SampleFilings/invalid/…:12: error: …`, as when run from the root).
public enum Samples {
  /// Every packet (file or packet folder) below a folder relative to the root.
  public static func packets(under folder: String) -> [PacketSource] {
    let collected = PacketSourceCollector.collect([Repository.path(folder)])
    let prefix = Repository.root + "/"
    return collected.sources.map { source in
      var renamed = source
      if renamed.displayName.hasPrefix(prefix) {
        renamed.displayName.removeFirst(prefix.count)
      }
      return renamed
    }
  }

  /// Display names of the packets below a folder (for parameterised tests).
  public static func names(under folder: String) -> [String] {
    packets(under: folder).map(\.displayName)
  }

  /// The packet source for one sample name.
  public static func source(named name: String) -> PacketSource? {
    let folder = name.split(separator: "/").dropLast().joined(separator: "/")
    return packets(under: folder).first { $0.displayName == name }
  }

  /// Where a sample's golden report lives: `x.xml` or `x.zip` → `x.expected.txt`, folder `x` →
  /// `x.expected.txt`.
  public static func goldenPath(for name: String) -> String {
    (name.hasSuffix(".xml") || name.hasSuffix(".zip") ? String(name.dropLast(4)) : name) + ".expected.txt"
  }
}
