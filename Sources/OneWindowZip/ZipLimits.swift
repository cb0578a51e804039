/// Caps on a zip packet. Every cap is checked while reading, on the bytes actually inflated, not
/// only on the sizes the archive declares.
public struct ZipLimits: Sendable, Hashable {
  /// Largest archive accepted, in bytes (default 64 MiB).
  public var maxArchiveBytes: Int
  /// Most bytes all entries together may inflate to (default 64 MiB: four times the default
  /// packet size limit).
  public var maxTotalBytes: Int
  /// Most bytes one entry may inflate to (default 32 MiB); `packet.xml` is also held to the packet
  /// size limit (``ValidationOptions/maxBytes``).
  public var maxEntryBytes: Int
  /// Most entries, folders included (default 500, as for a packet folder).
  public var maxEntries: Int
  /// Highest compression ratio an entry may show once it has inflated past 1 MiB (default 200:1;
  /// scans and PDFs barely compress, a zip bomb reaches 1,000:1).
  public var maxCompressionRatio: Int

  public init(
    maxArchiveBytes: Int = 64 << 20, maxTotalBytes: Int = 64 << 20, maxEntryBytes: Int = 32 << 20,
    maxEntries: Int = 500, maxCompressionRatio: Int = 200
  ) {
    self.maxArchiveBytes = max(0, maxArchiveBytes)
    self.maxTotalBytes = max(0, maxTotalBytes)
    self.maxEntryBytes = max(0, maxEntryBytes)
    self.maxEntries = max(0, maxEntries)
    self.maxCompressionRatio = max(1, maxCompressionRatio)
  }
}
