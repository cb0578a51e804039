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
    // Depth-first, iteratively, children pushed in reverse so they are recorded in document
    // order; the sibling links are then derived from the parents in one pass.
    var stack: [(view: XMLElementView, parent: Int32)] = [(root, -1)]
    while let (view, parent) = stack.popLast() {
      let node = sourceMap.add(name: view.localName, parent: NodeRef(index: parent), line: view.line)
      views.append(view)
      for child in Array(view.children).reversed() { stack.append((child, node.index)) }
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
