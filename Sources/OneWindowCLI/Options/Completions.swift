import ArgumentParser

extension CompletionKind {
  /// A packet path: `.xml` and `.zip` files, and folders (packet folders, or folders walked for
  /// packets); every shell's generated script also lets the user step into folders.
  static var packets: CompletionKind { .file(extensions: ["xml", "zip"]) }
}
