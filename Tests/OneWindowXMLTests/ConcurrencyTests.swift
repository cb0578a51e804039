import OneWindowTestSupport
import OneWindowXML
import Testing

/// One compiled schema shared by many tasks, each with its own validator.
/// (Run under `swift test --sanitize=thread` to check for data races; see README.)
struct ConcurrencyTests {
  @Test func tasksShareOneCompiledSchema() async {
    let valid = Array(validPreFiling.utf8)
    let invalid = Array(preFiling(replacing: "91370202MA3C5Y7R9D", with: "BAD").utf8)
    let outcomes = await withTaskGroup(of: (Int, Int).self) { group in
      for _ in 0..<8 {
        group.addTask {
          guard let validator = PacketValidator(schemas: sharedSchemas) else { return (0, 0) }
          var accepted = 0
          var rejected = 0
          for index in 0..<100 {
            let bytes = index.isMultiple(of: 2) ? valid : invalid
            let result = bytes.withUnsafeBytes { validator.check($0, name: "t.xml") { _, _ in () } }
            if result.schemaValid { accepted += 1 } else if result.issues.map(\.code) == [1839] { rejected += 1 }
          }
          return (accepted, rejected)
        }
      }
      var totals = (0, 0)
      for await (accepted, rejected) in group {
        totals.0 += accepted
        totals.1 += rejected
      }
      return totals
    }
    #expect(outcomes.0 == 400)
    #expect(outcomes.1 == 400)
  }

  @Test func schemasCompileConcurrently() async {
    let folder = Repository.schemas
    let path = folder + "/prefiling/PreFiling-v1.xsd"
    let compiled = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<8 {
        group.addTask { (try? CompiledSchema(path: path, loadRoot: folder)) != nil }
      }
      var count = 0
      for await ok in group where ok { count += 1 }
      return count
    }
    #expect(compiled == 8)
  }
}
