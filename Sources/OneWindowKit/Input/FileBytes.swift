#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads files with POSIX calls into one buffer, refusing anything over a size cap without
/// reading it.
enum FileBytes {
  /// What reading a file produced.
  enum Result {
    case bytes([UInt8])
    /// The file is larger than the cap; nothing was read.
    case oversize(Int)
  }

  static func load(_ path: String, cap: Int) throws(OneWindowError) -> Result {
    // O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer; it is refused below
    // as not a regular file. For a regular file the flag changes nothing.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: errnoText()) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: path, reason: errnoText())
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    let size = Int(status.st_size)
    if size > cap { return .oversize(size) }
    return .bytes(try readAll(descriptor, path: path, expected: size, cap: cap))
  }

  /// Reads standard input up to `cap + 1` bytes (one more tells that the cap was passed); bytes
  /// that start like a zip may go on to `zipCap + 1`.
  static func readStandardInput(cap: Int, zipCap: Int? = nil) throws(OneWindowError) -> (
    result: Result, zip: Bool
  ) {
    var bytes = try readAll(0, path: "<stdin>", expected: 64 << 10, cap: cap)
    let zip = ZipPacketReader.isZip(bytes)
    if let zipCap, zipCap > cap, bytes.count > cap, zip {
      bytes = try readAll(0, path: "<stdin>", expected: bytes.count, cap: zipCap, continuing: bytes)
      return (bytes.count > zipCap ? .oversize(bytes.count) : .bytes(bytes), zip)
    }
    return (bytes.count > cap ? .oversize(bytes.count) : .bytes(bytes), zip)
  }

  private static func readAll(
    _ descriptor: Int32, path: String, expected: Int, cap: Int, continuing: [UInt8] = []
  ) throws(OneWindowError) -> [UInt8] {
    var buffer = continuing
    var filled = continuing.count
    buffer.append(contentsOf: repeatElement(0, count: max(expected - filled, 1) + 1))
    while true {
      if filled == buffer.count {
        if filled > cap { break }
        buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, cap + 1)))
      }
      let got = buffer.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return 0 }
        return read(descriptor, base + filled, raw.count - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: errnoText())
      }
      if got == 0 { break }
      filled += got
    }
    buffer.removeSubrange(filled...)
    return buffer
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
