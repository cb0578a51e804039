import OneWindowCore
import OneWindowXML

/// The validated document's elements, recorded in one walk: names, parents and lines go into a
/// ``SourceMap``; each element keeps its libxml2 view for reading values.
///
/// Valid only while the document is alive (inside ``PacketValidator/check(_:name:map:)``).
final class ElementTree {
  private(set) var sourceMap = SourceMap()
  private var views: [XMLElementView] = []
  private var firstChild: [Int32] = []
  private var nextSibling: [Int32] = []

  init(root: XMLElementView) {
    // Depth-first in document order, following libxml2's child and sibling links (no array per
    // element); the sibling links are then derived from the parents in one pass.
    var ancestors: [(view: XMLElementView, index: Int32)] = []
    var next: XMLElementView? = root
    while let view = next {
      let node = sourceMap.add(
        name: view.localName, parent: NodeRef(index: ancestors.last?.index ?? -1), line: view.line)
      views.append(view)
      if let child = view.firstChildElement {
        ancestors.append((view, node.index))
        next = child
        continue
      }
      // The next element: a sibling, else an ancestor's sibling (never beyond `root`'s subtree).
      next = ancestors.isEmpty ? nil : view.nextSiblingElement
      while next == nil, let ancestor = ancestors.popLast() {
        next = ancestors.isEmpty ? nil : ancestor.view.nextSiblingElement
      }
    }
    firstChild = Array(repeating: -1, count: views.count)
    nextSibling = Array(repeating: -1, count: views.count)
    var last = [Int32](repeating: -1, count: views.count)
    for index in 1..<max(views.count, 1) {
      guard let parent = sourceMap.parent(of: NodeRef(index: Int32(index))) else { continue }
      let parentIndex = Int(parent.index)
      if last[parentIndex] < 0 {
        firstChild[parentIndex] = Int32(index)
      } else {
        nextSibling[Int(last[parentIndex])] = Int32(index)
      }
      last[parentIndex] = Int32(index)
    }
  }

  var root: Element { Element(tree: self, index: 0) }

  fileprivate func view(_ index: Int32) -> XMLElementView { views[Int(index)] }
  fileprivate func first(_ index: Int32) -> Int32 { firstChild[Int(index)] }
  fileprivate func next(_ index: Int32) -> Int32 { nextSibling[Int(index)] }

  /// One element of the tree.
  struct Element {
    let tree: ElementTree
    let index: Int32

    var node: NodeRef { NodeRef(index: index) }
    var name: String { tree.sourceMap.name(of: node) ?? "" }

    /// The text, whitespace collapsed (the schema's token values).
    var text: String { collapse(tree.view(index).text) }

    /// The text as written, only trimmed (long texts).
    var rawText: String {
      let text = tree.view(index).text
      guard containsWhitespace(text) else { return text }
      return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    func attribute(_ name: String) -> String? { tree.view(index).attribute(name).map(collapse) }

    var children: [Element] {
      var result: [Element] = []
      var child = tree.first(index)
      while child >= 0 {
        result.append(Element(tree: tree, index: child))
        child = tree.next(child)
      }
      return result
    }

    func child(_ name: String) -> Element? {
      var child = tree.first(index)
      while child >= 0 {
        let element = Element(tree: tree, index: child)
        if element.name == name { return element }
        child = tree.next(child)
      }
      return nil
    }

    func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

    func string(_ name: String) -> String? { child(name)?.text }
    func date(_ name: String) -> CivilDate? { child(name).flatMap { CivilDate($0.text) } }
    func double(_ name: String) -> Double? { child(name).flatMap { Double($0.text) } }
    func int(_ name: String) -> Int? { child(name).flatMap { Int($0.text) } }
    func bool(_ name: String) -> Bool? { child(name).map { $0.text == "true" || $0.text == "1" } }
    func code<T: CodeList>(_ name: String, as type: T.Type) -> T? { child(name).flatMap { T(rawValue: $0.text) } }
  }
}

/// Trims and collapses runs of whitespace to one space (xs:token semantics).
func collapse(_ text: String) -> String {
  // Most values hold no whitespace at all: then nothing changes, and the walk over characters
  // below (grapheme breaking and Unicode properties for every character) is skipped.
  guard containsWhitespace(text) else { return text }
  var result = ""
  result.reserveCapacity(text.utf8.count)
  var pendingSpace = false
  for character in text {
    if character.isWhitespace {
      pendingSpace = !result.isEmpty
    } else {
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(character)
    }
  }
  return result
}

/// Whether `text` holds a scalar with the Unicode White_Space property, the property
/// `Character.isWhitespace` tests on a character's first scalar, read from the UTF-8 bytes:
/// U+0009…000D, U+0020, U+0085, U+00A0, U+1680, U+2000…200A, U+2028, U+2029, U+202F, U+205F and
/// U+3000. Without one, no character of `text` is whitespace.
func containsWhitespace(_ text: String) -> Bool {
  var text = text
  return text.withUTF8 { bytes in
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return true }
      } else if index + 1 < count {
        let second = bytes[index + 1]
        switch byte {
        case 0xC2:
          if second == 0x85 || second == 0xA0 { return true }
        case 0xE1:
          if second == 0x9A, index + 2 < count, bytes[index + 2] == 0x80 { return true }
        case 0xE2:
          guard index + 2 < count else { break }
          let third = bytes[index + 2]
          if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return true }
          if second == 0x81, third == 0x9F { return true }
        case 0xE3:
          if second == 0x80, index + 2 < count, bytes[index + 2] == 0x80 { return true }
        default:
          break
        }
      }
      index += 1
    }
    return false
  }
}
