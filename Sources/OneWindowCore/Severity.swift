/// How much a finding weighs. Only errors reject a packet.
public enum Severity: String, Sendable, Hashable, CodedInJSON, Comparable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  /// The word used in text reports (`error`, `warning`, `info`), the same in every language so
  /// compiler-style tools can read it.
  public var label: String { rawValue }
}

/// The language of messages. Chinese is the default.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  case zh
  case en
}

/// A text in Chinese and English.
public struct LocalizedText: Sendable, Hashable, Codable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// Chinese first, English second.
  public init(_ zh: String, _ en: String) {
    self.zh = zh
    self.en = en
  }

  public func text(in language: Language) -> String {
    switch language {
    case .zh: zh
    case .en: en
    }
  }
}
