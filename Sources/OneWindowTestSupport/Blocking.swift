import Dispatch
import Synchronization

/// Runs async work to completion from synchronous code (the libFuzzer callback): the work runs
/// as a task on the concurrency runtime while the calling thread waits. Never call it from a
/// task: the waiting thread would be one the work may need.
public enum Blocking {
  public static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      let outcome: Result<T, any Error>
      do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
      result.withLock { $0 = outcome }
      done.signal()
    }
    done.wait()
    return try result.withLock { $0 }!.get()
  }
}
