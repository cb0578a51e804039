/// One pass over a packet's bytes before libxml2 sees them.
///
/// It rejects any markup declaration (`<!DOCTYPE`, `<!ENTITY`, …), start tags with too many
/// attributes, and nesting deeper than the limit. Comments, CDATA sections and processing
/// instructions are skipped. It assumes ASCII-compatible bytes (UTF-8, GBK, GB18030); UTF-16 is
/// transcoded first. It is lenient about malformed markup: libxml2 reports that precisely.
struct PreScan {
  var limits: ParseLimits

  /// The first violation found, or nil.
  func firstViolation(in bytes: UnsafeRawBufferPointer) -> XMLIssue? {
    let count = bytes.count
    var index = 0
    var line = 1
    var depth = 0

    @inline(__always) func byte(_ at: Int) -> UInt8 { at < count ? bytes[at] : 0 }

    /// Advances `index` past `terminator`, counting lines; false if the input ends first.
    func skip(past terminator: [UInt8], from start: Int, line: inout Int) -> Int? {
      var position = start
      let first = terminator[0]
      while position < count {
        let current = bytes[position]
        if current == 0x0A { line += 1 }
        if current == first, position + terminator.count <= count {
          var matches = true
          for offset in 1..<terminator.count where bytes[position + offset] != terminator[offset] {
            matches = false
            break
          }
          if matches { return position + terminator.count }
        }
        position += 1
      }
      return nil
    }

    while index < count {
      let current = bytes[index]
      if current == 0x0A {
        line += 1
        index += 1
        continue
      }
      guard current == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      let next = byte(index + 1)
      if next == UInt8(ascii: "!") {
        if byte(index + 2) == UInt8(ascii: "-"), byte(index + 3) == UInt8(ascii: "-") {
          guard let end = skip(past: Array("-->".utf8), from: index + 4, line: &line) else {
            return nil
          }
          index = end
          continue
        }
        if matches("[CDATA[", in: bytes, at: index + 2) {
          guard let end = skip(past: Array("]]>".utf8), from: index + 9, line: &line) else {
            return nil
          }
          index = end
          continue
        }
        return XMLIssue(
          stage: .policy, code: PolicyViolation.doctype.rawValue, level: .fatal,
          message: "DOCTYPE and other markup declarations are not allowed", line: line)
      }
      if next == UInt8(ascii: "?") {
        guard let end = skip(past: Array("?>".utf8), from: index + 2, line: &line) else {
          return nil
        }
        index = end
        continue
      }
      if next == UInt8(ascii: "/") {
        depth -= 1
        index += 2
        continue
      }
      // A start tag: count attributes (one '=' outside quotes each) up to the closing '>'.
      let tagLine = line
      var position = index + 1
      var attributes = 0
      var quote: UInt8 = 0
      var previous: UInt8 = 0
      var closed = false
      while position < count {
        let current = bytes[position]
        if current == 0x0A { line += 1 }
        if quote != 0 {
          if current == quote { quote = 0 }
        } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
          quote = current
        } else if current == UInt8(ascii: "=") {
          attributes += 1
          if attributes > limits.maxAttributesPerElement {
            return XMLIssue(
              stage: .policy, code: PolicyViolation.tooManyAttributes.rawValue, level: .fatal,
              message:
                "start tag has more than \(limits.maxAttributesPerElement) attributes",
              line: tagLine)
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
            message: "elements are nested deeper than \(limits.maxDepth) levels", line: tagLine)
        }
      }
      index = closed ? position + 1 : position
    }
    return nil
  }

  private func matches(_ literal: String, in bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    var position = offset
    for expected in literal.utf8 {
      guard position < bytes.count, bytes[position] == expected else { return false }
      position += 1
    }
    return true
  }
}
