import Foundation
import Synchronization

/// Runs `work` on another thread and reports whether it finished within `seconds`.
///
/// A stuck parse cannot be killed from inside the process, but the test fails instead of
/// hanging the suite. Use a generous limit: this guards against hangs, it does not time anything.
public func finishes<T: Sendable>(
  within seconds: Double = 10, _ work: @escaping @Sendable () -> T
) -> T? {
  let result = Mutex<T?>(nil)
  let done = DispatchSemaphore(value: 0)
  Thread.detachNewThread {
    let value = work()
    result.withLock { $0 = value }
    done.signal()
  }
  guard done.wait(timeout: .now() + seconds) == .success else { return nil }
  return result.withLock { $0 }
}
