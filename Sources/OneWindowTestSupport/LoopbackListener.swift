#if canImport(Glibc)
  import Glibc
#endif

/// A TCP listener on 127.0.0.1 that never accepts, to prove nothing tried to connect.
public final class LoopbackListener {
  private let socketDescriptor: Int32
  public let port: UInt16

  public init?() {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      close(descriptor)
      return nil
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    socketDescriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
  }

  deinit { close(socketDescriptor) }

  /// Whether any client has connected (a pending connection in the backlog).
  public var sawConnection: Bool {
    let client = accept(socketDescriptor, nil, nil)
    if client >= 0 {
      close(client)
      return true
    }
    return false
  }
}
