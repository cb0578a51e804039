#if canImport(Glibc)
  import Glibc
#endif

/// Plain TCP to a service on 127.0.0.1, for tests that need the wire itself (Foundation on Linux
/// has no http: URLs without FoundationNetworking, and a stalled request needs a raw socket).
public enum LoopbackClient {
  /// A connected socket, or nil; the caller closes it.
  public static func connect(port: Int) -> Int32? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }

  /// Sends `bytes` whole.
  public static func send(_ bytes: [UInt8], on descriptor: Int32) {
    _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
  }

  /// An HTTP/1.1 GET with `Connection: close`; the whole answer, read until the server closes.
  public static func get(_ path: String, port: Int) -> String? {
    guard let descriptor = connect(port: port) else { return nil }
    defer { close(descriptor) }
    send(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8), on: descriptor)
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      if count <= 0 { break }
      answer += buffer[0..<count]
    }
    return String(decoding: answer, as: UTF8.self)
  }
}
