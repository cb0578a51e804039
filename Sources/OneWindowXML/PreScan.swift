#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One pass over a packet's bytes before libxml2 sees them.
///
/// It rejects any markup declaration (`<!DOCTYPE`, `<!ENTITY`, …), start tags with too many
/// attributes, and nesting deeper than the limit. Comments, CDATA sections and processing
/// instructions are skipped. It assumes ASCII-compatible bytes (UTF-8, GBK, GB18030); UTF-16 is
/// transcoded first. It is lenient about malformed markup: libxml2 reports that precisely.
///
/// Text between tags is skipped with `memchr` (no byte of it matters), and lines are counted
/// only for the violation reported.
struct PreScan {
  var limits: ParseLimits

  /// The first violation found, or nil.
  func firstViolation(in bytes: UnsafeRawBufferPointer) -> XMLIssue? {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    let count = bytes.count
    var index = 0
    var depth = 0

    @inline(__always) func byte(_ at: Int) -> UInt8 { at < count ? base[at] : 0 }

    /// The index just past the next `terminator` at or after `start`, or nil.
    func skip(past terminator: StaticString, from start: Int) -> Int? {
      let length = terminator.utf8CodeUnitCount
      let pattern = terminator.utf8Start
      var position = start
      while position + length <= count {
        guard let found = memchr(base + position, Int32(pattern[0]), count - position) else { return nil }
        position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
        if position + length <= count, memcmp(base + position, pattern, length) == 0 { return position + length }
        position += 1
      }
      return nil
    }

    while index < count {
      guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { return nil }
      index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - UnsafePointer(base)
      let next = byte(index + 1)
      if next == UInt8(ascii: "!") {
        if byte(index + 2) == UInt8(ascii: "-"), byte(index + 3) == UInt8(ascii: "-") {
          guard let end = skip(past: "-->", from: index + 4) else { return nil }
          index = end
          continue
        }
        if index + 9 <= count, memcmp(base + index + 2, "[CDATA[", 7) == 0 {
          guard let end = skip(past: "]]>", from: index + 9) else { return nil }
          index = end
          continue
        }
        return XMLIssue(
          stage: .policy, code: PolicyViolation.doctype.rawValue, level: .fatal,
          message: "DOCTYPE and other markup declarations are not allowed", line: line(at: index, in: base))
      }
      if next == UInt8(ascii: "?") {
        guard let end = skip(past: "?>", from: index + 2) else { return nil }
        index = end
        continue
      }
      if next == UInt8(ascii: "/") {
        depth -= 1
        index += 2
        continue
      }
      // A start tag: count attributes (one '=' outside quotes each) up to the closing '>'.
      let tagStart = index
      var position = index + 1
      var attributes = 0
      var quote: UInt8 = 0
      var previous: UInt8 = 0
      var closed = false
      while position < count {
        let current = base[position]
        if quote != 0 {
          if current == quote { quote = 0 }
        } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
          quote = current
        } else if current == UInt8(ascii: "=") {
          attributes += 1
          if attributes > limits.maxAttributesPerElement {
            return XMLIssue(
              stage: .policy, code: PolicyViolation.tooManyAttributes.rawValue, level: .fatal,
              message: "start tag has more than \(limits.maxAttributesPerElement) attributes",
              line: line(at: tagStart, in: base))
          }
        } else if current == UInt8(ascii: ">") {
          closed = true
          break
        } else if current == UInt8(ascii: "<") {
          break  // malformed; libxml2 will say how
        }
        if current > 0x20 { previous = current }
        position += 1
      }
      if closed && previous != UInt8(ascii: "/") {
        depth += 1
        if depth > limits.maxDepth {
          return XMLIssue(
            stage: .policy, code: PolicyViolation.tooDeep.rawValue, level: .fatal,
            message: "elements are nested deeper than \(limits.maxDepth) levels", line: line(at: tagStart, in: base))
        }
      }
      index = closed ? position + 1 : position
    }
    return nil
  }

  /// The 1-based line of the byte at `index`.
  private func line(at index: Int, in base: UnsafePointer<UInt8>) -> Int {
    var line = 1
    var position = 0
    while position < index, let found = memchr(base + position, 0x0A, index - position) {
      line += 1
      position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
    }
    return line
  }
}
