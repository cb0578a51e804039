/// Bounds applied to every packet before and while libxml2 parses it.
package struct ParseLimits: Sendable, Hashable {
  /// Largest packet accepted, in bytes (libxml2 2.9.14 skips its own text limit for memory input).
  package var maxBytes: Int
  /// Deepest element nesting accepted. libxml2 itself stops at 256 (`XML_PARSE_HUGE` is never
  /// used), so a larger value is clamped to 256.
  package var maxDepth: Int
  /// Most attributes on one start tag (libxml2 2.9.14 checks duplicates in O(n²)).
  package var maxAttributesPerElement: Int

  package static let libxml2DepthCeiling = 256

  package init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxAttributesPerElement: Int = 256) {
    self.maxBytes = max(0, maxBytes)
    self.maxDepth = min(max(1, maxDepth), Self.libxml2DepthCeiling)
    self.maxAttributesPerElement = max(1, maxAttributesPerElement)
  }
}
