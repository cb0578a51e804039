/// A code list of the schemas: stable ASCII raw values with Chinese and English labels.
public protocol CodeList: RawRepresentable, CaseIterable, Sendable, Hashable, Codable
where RawValue == String {
  /// The label the schema documents for this code.
  var label: LocalizedText { get }
}
