public import OneWindowCore
public import OneWindowRules
public import OneWindowZip

/// How packets are checked.
public struct ValidationOptions: Sendable {
  /// Largest packet accepted, in bytes (default 16 MiB).
  public var maxBytes: Int
  /// Deepest element nesting accepted (at most 256, libxml2's own ceiling).
  public var maxDepth: Int
  /// Most attributes on one start tag.
  public var maxAttributesPerElement: Int
  /// Caps on zip packets (the archive, its entries, and what they inflate to).
  public var zip: ZipLimits
  /// Warnings reject too.
  public var strict: Bool
  /// Parallel workers for many packets; each has its own parser, all share the compiled schemas.
  public var jobs: Int
  /// Compute each packet's SHA-256 for the report.
  public var computeHashes: Bool
  /// The reference date for date rules; nil means today in Asia/Shanghai.
  public var asOf: CivilDate?
  /// Which rules run and with which severity.
  public var rules: RuleSettings
  /// Where registry facts come from; nil means no registry (registry rules report an info).
  public var registry: (any RegistryLookup)?

  public init(
    maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxAttributesPerElement: Int = 256,
    strict: Bool = false, jobs: Int = 1, computeHashes: Bool = true, asOf: CivilDate? = nil,
    rules: RuleSettings = RuleSettings(), registry: (any RegistryLookup)? = nil,
    zip: ZipLimits = ZipLimits()
  ) {
    self.maxBytes = maxBytes
    self.zip = zip
    self.maxDepth = maxDepth
    self.maxAttributesPerElement = maxAttributesPerElement
    self.strict = strict
    self.jobs = jobs
    self.computeHashes = computeHashes
    self.asOf = asOf
    self.rules = rules
    self.registry = registry
  }

  /// The reference date these options resolve to.
  public var referenceDate: CivilDate { asOf ?? CivilDate.today() }
}
