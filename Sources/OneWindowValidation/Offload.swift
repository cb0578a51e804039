import Dispatch

/// Runs blocking work (file reading, parsing, validation) on a global dispatch queue instead of
/// Swift's cooperative thread pool, so an async caller (an HTTP server's event loop, a task
/// group) is never held up by it.
package enum Offload {
  /// The result of `work`, computed on a global queue.
  package static func run<T: Sendable, E: Error>(
    _ work: @escaping @Sendable () throws(E) -> T
  ) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(returning: Result { () throws(E) -> T in try work() })
      }
    }
    return try result.get()
  }
}
