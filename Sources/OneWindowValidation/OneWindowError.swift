/// Why OneWindow could not run (as opposed to findings, which are results).
public enum OneWindowError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A resource folder (schemas, data) was not found.
  case resourceMissing(kind: String, tried: [String])
  /// A schema did not compile.
  case schemaDidNotCompile(path: String, detail: String)
  /// A schema folder holds no entry schema.
  case noSchemas(folder: String)
  /// An input could not be read.
  case unreadable(path: String, reason: String)
  /// libxml2 could not allocate a parser.
  case parserUnavailable
  /// Two packets that should be a business and a food application of one bundle are not.
  case notAPair(String)
  /// A packet cannot be split into the two per-track applications: it is not a schema-valid
  /// `RestaurantOpening`, or an application made from it would not be schema-valid.
  case cannotSplit(String)
  /// The registry database could not be opened, read or written.
  case registry(String)
  /// A date outside the published working-day calendars (never guessed).
  case calendar(String)

  public var description: String {
    switch self {
    case .resourceMissing(let kind, let tried):
      "cannot find the \(kind) folder; looked in: \(tried.joined(separator: ", "))"
    case .schemaDidNotCompile(_, let detail):
      detail
    case .noSchemas(let folder):
      "no entry schema (*.xsd outside common/) under '\(folder)'"
    case .unreadable(let path, let reason):
      "cannot read '\(path)': \(reason)"
    case .parserUnavailable:
      "libxml2 could not allocate a parser context"
    case .notAPair(let detail), .cannotSplit(let detail), .registry(let detail), .calendar(let detail):
      detail
    }
  }
}
