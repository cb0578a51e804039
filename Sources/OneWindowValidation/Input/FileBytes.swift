import Crypto
import OneWindowCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import OneWindowZip

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

  /// What reading standard input produced.
  enum StandardInput {
    case bytes([UInt8])
    /// Over the cap (the zip cap when the bytes start like a zip): read to the end in chunks,
    /// counted and hashed, not kept.
    case oversize(size: Int, sha256: String, zip: Bool)
  }

  /// Reads standard input: up to `cap` bytes kept (`zipCap` when they start like a zip); beyond
  /// that the rest is read, counted and hashed, and nothing is kept.
  static func readStandardInput(cap: Int, zipCap: Int) throws(OneWindowError) -> StandardInput {
    var bytes = try readAll(0, path: "<stdin>", expected: 64 << 10, cap: cap)
    let zip = ZipPacketReader.isZip(bytes)
    let limit = zip ? max(cap, zipCap) : cap
    if zip, bytes.count > cap, zipCap > cap {
      bytes = try readAll(0, path: "<stdin>", expected: bytes.count, cap: zipCap, continuing: bytes)
    }
    guard bytes.count > limit else { return .bytes(bytes) }
    var hasher = SHA256()
    hasher.update(data: bytes)
    var size = bytes.count
    bytes = []
    try stream(0, path: "<stdin>") { chunk in
      hasher.update(data: chunk)
      size += chunk.count
    }
    return .oversize(size: size, sha256: Hex.string(hasher.finalize()), zip: zip)
  }

  /// The size and SHA-256 of a file, read once in chunks (for input refused for its size).
  static func digest(_ path: String) throws(OneWindowError) -> (size: Int, sha256: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: errnoText()) }
    defer { close(descriptor) }
    var hasher = SHA256()
    var size = 0
    try stream(descriptor, path: path) { chunk in
      hasher.update(data: chunk)
      size += chunk.count
    }
    return (size, Hex.string(hasher.finalize()))
  }

  /// Hands every chunk read from `descriptor` to `body`, 1 MiB at a time, until the end.
  private static func stream(
    _ descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws(OneWindowError) {
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: errnoText())
      }
      if got == 0 { return }
      buffer.withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[0..<got])) }
    }
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
