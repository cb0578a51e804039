import OneWindowStore
import Testing

/// Counters hand out each value once, per name, and a rolled-back transaction hands out none.
struct CounterTests {
  struct Abort: Error {}

  @Test func countersAreIndependentAndGapless() throws {
    let store = try RegistryStore(location: .memory)
    let values = try store.writeNow { transaction in
      [try transaction.nextValue("A"), try transaction.nextValue("A"), try transaction.nextValue("B")]
    }
    #expect(values == [1, 2, 1])
    #expect(throws: Abort.self) {
      try store.writeNow { transaction in
        _ = try transaction.nextValue("A")
        throw Abort()
      }
    }
    #expect(try store.writeNow { try $0.nextValue("A") } == 3)
  }
}
