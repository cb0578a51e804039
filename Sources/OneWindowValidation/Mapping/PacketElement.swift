package import OneWindowCore
package import OneWindowXML

/// Element names as Swift strings, made once per name for as long as the parser's dictionary
/// lives (libxml2 interns every name in it, so the name's address identifies it). One per
/// checker, like the parser it serves; not `Sendable`.
package final class ElementNames {
  private var dictionary = 0
  /// A direct-mapped cache: slot by address bits, the address kept to check the slot.
  private var keys = [Int](repeating: 0, count: 1024)
  private var names = [String](repeating: "", count: 1024)

  package init() {}

  func name(of view: XMLElementView) -> String {
    let dictionary = view.dictionaryIdentity
    if dictionary != self.dictionary || dictionary == 0 {
      // Another dictionary (or none): addresses may mean other names now.
      for slot in keys.indices { keys[slot] = 0 }
      self.dictionary = dictionary
    }
    let key = view.nameIdentity
    let slot = (key >> 3 ^ key >> 13) & 1023
    if keys[slot] == key, key != 0 { return names[slot] }
    let name = view.localName
    if dictionary != 0 {
      keys[slot] = key
      names[slot] = name
    }
    return name
  }
}

/// The source map of one packet, filled while the packet is mapped.
package final class SourceMapBuilder {
  package var map = SourceMap()
  private let names: ElementNames

  package init(names: ElementNames = ElementNames()) { self.names = names }

  /// Records an element whose ordinal among same-named siblings is known.
  func add(_ view: XMLElementView, ordinal: Int, parent: NodeRef) -> NodeRef {
    map.add(step: ElementPath.step(name: name(of: view), ordinal: ordinal), parent: parent, line: view.line)
  }

  /// Records an element, working out its ordinal.
  func add(_ view: XMLElementView, parent: NodeRef) -> NodeRef {
    map.add(step: view.pathStep, parent: parent, line: view.line)
  }

  func name(of view: XMLElementView) -> String { names.name(of: view) }

  func addAttribute(_ name: String, of element: NodeRef, line: Int) -> NodeRef {
    map.add(step: "@" + name, parent: element, line: line)
  }
}

/// One element of a schema-valid document, as the mappers read it: values straight from
/// libxml2's tree (through ``XMLElementView``), and a place in the packet's ``SourceMap`` recorded
/// when the element is reached. Valid only while the document is alive.
package struct PacketElement {
  let view: XMLElementView
  /// This element in the source map.
  package let node: NodeRef
  let map: SourceMapBuilder

  /// The root element of a document, recorded first (``NodeRef`` 0).
  package init(root: XMLElementView, map: SourceMapBuilder) {
    self.view = root
    self.map = map
    self.node = map.add(root, parent: .none)
  }

  private init(view: XMLElementView, node: NodeRef, map: SourceMapBuilder) {
    self.view = view
    self.node = node
    self.map = map
  }

  package var name: String { view.localName }
  package var line: Int { view.line }

  /// The text, whitespace collapsed (the schema's token values).
  package var text: String {
    let (text, hasWhitespace) = view.textNoting
    return hasWhitespace ? collapse(text) : text
  }

  /// The text as written, only trimmed (long texts).
  package var rawText: String { trim(view.text) }

  private func reached(_ child: XMLElementView) -> PacketElement {
    PacketElement(view: child, node: map.add(child, parent: node), map: map)
  }

  private func reached(_ child: XMLElementView, ordinal: Int) -> PacketElement {
    PacketElement(view: child, node: map.add(child, ordinal: ordinal, parent: node), map: map)
  }

  /// The first child element named `name`, recorded in the source map.
  package func child(_ name: String) -> PacketElement? {
    view.childWithOrdinal(name).map { reached($0.view, ordinal: $0.ordinal) }
  }

  /// The child elements named `name`, in document order, recorded in the source map.
  package func children(_ name: String) -> [PacketElement] {
    let views = view.children(name)
    let several = views.count > 1
    return views.enumerated().map { index, child in reached(child, ordinal: several ? index + 1 : 0) }
  }

  /// Every child element, in document order, recorded in the source map.
  package var children: [PacketElement] { view.children.map(reached) }

  /// Calls `body` with every child element (recorded in the source map) and its name, in one
  /// pass: for structures whose fields are read one after the other (a manifest entry).
  package func eachChild(_ body: (PacketElement, String) -> Void) {
    var views: [XMLElementView] = []
    views.reserveCapacity(12)
    for child in view.children { views.append(child) }
    for (index, child) in views.enumerated() {
      let identity = child.nameIdentity
      var ordinal = 0
      if views.count > 1 {
        var same = 0
        var position = 0
        for (other, sibling) in views.enumerated() where sibling.nameIdentity == identity {
          same += 1
          if other == index { position = same }
        }
        if same > 1 { ordinal = position }
      }
      let element = reached(child, ordinal: ordinal)
      body(element, map.name(of: child))
    }
  }

  /// An attribute's value, whitespace collapsed.
  package func attribute(_ name: String) -> String? { view.attribute(name).map(collapse) }

  /// An attribute's value and its place (`…/Unit[2]/@id`).
  package func locatedAttribute(_ name: String) -> Located<String>? {
    guard let value = attribute(name) else { return nil }
    return Located(wrappedValue: value, at: map.addAttribute(name, of: node, line: line))
  }

  // MARK: - Child values (read without recording the child)

  package func string(_ name: String) -> String? {
    guard let child = view.child(name) else { return nil }
    let (text, hasWhitespace) = child.textNoting
    return hasWhitespace ? collapse(text) : text
  }
  package func date(_ name: String) -> CivilDate? { string(name).flatMap { CivilDate($0) } }
  package func double(_ name: String) -> Double? { string(name).flatMap { Double($0) } }
  package func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }
  package func bool(_ name: String) -> Bool? { string(name).map { $0 == "true" || $0 == "1" } }
  package func code<T: RawRepresentable>(_ name: String, as type: T.Type) -> T? where T.RawValue == String {
    string(name).flatMap { T(rawValue: $0) }
  }

  // MARK: - Located child values

  /// Reads the child `name` with `convert` into `root[keyPath: value]`, and its place into
  /// `root[keyPath: node]` (a located field's `$` projection); leaves both as they are when the
  /// child is absent or does not convert.
  package func read<Root, T>(
    _ name: String, into root: inout Root, _ value: WritableKeyPath<Root, T>, _ node: WritableKeyPath<Root, NodeRef>,
    _ convert: (PacketElement) -> T?
  ) {
    guard let (child, ordinal) = view.childWithOrdinal(name) else { return }
    let element = reached(child, ordinal: ordinal)
    guard let converted = convert(element) else { return }
    root[keyPath: value] = converted
    root[keyPath: node] = element.node
  }

  /// The child's collapsed text into a located string.
  package func read<Root>(
    _ name: String, into root: inout Root, _ value: WritableKeyPath<Root, String>, _ node: WritableKeyPath<Root, NodeRef>
  ) {
    read(name, into: &root, value, node) { $0.text }
  }

  /// The child's collapsed text into a located optional string.
  package func read<Root>(
    _ name: String, into root: inout Root, _ value: WritableKeyPath<Root, String?>, _ node: WritableKeyPath<Root, NodeRef>
  ) {
    read(name, into: &root, value, node) { Optional($0.text) }
  }

  /// A date child into a located optional date.
  package func read<Root>(
    _ name: String, into root: inout Root, _ value: WritableKeyPath<Root, CivilDate?>,
    _ node: WritableKeyPath<Root, NodeRef>
  ) {
    read(name, into: &root, value, node) { CivilDate($0.text).map(Optional.init) }
  }

  /// A code child into a located code.
  package func read<Root, T: CodeList>(
    _ name: String, into root: inout Root, _ value: WritableKeyPath<Root, T>, _ node: WritableKeyPath<Root, NodeRef>
  ) {
    read(name, into: &root, value, node) { T(rawValue: $0.text) }
  }
}
