import Foundation
import OneWindowTestSupport
import Testing

/// The shell completions `scripts/install.sh` installs, as the built binary generates them:
/// packet arguments complete to `.xml` and `.zip` files and folders, and the Chinese interface
/// leaves the scripts' code alone.
struct CompletionScriptTests {
  /// Each command whose arguments are packet paths, with the words that reach them.
  static let packetCommands: [[String]] = [
    ["validate"], ["prefile", "submit"], ["prefile", "amend"], ["prefile", "withdraw"], ["register"],
    ["bundle", "submit"],
  ]
  /// Commands whose arguments are XML files only (bundle applications, replay scenarios).
  static let xmlCommands: [[String]] = [["bundle", "split"], ["bundle", "assemble"], ["replay"]]

  static func script(_ shell: String, environment: [String: String] = [:]) throws -> String {
    let result = try CommandRunner.run(["--generate-completion-script", shell], environment: environment)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    return result.stdout
  }

  /// What bash offers after `onewindow <words> ` in a folder holding `a.xml`, `b.zip`, `c.pdf`
  /// and the folder `sub`, by calling the generated completion function as bash would.
  static func bashOffers(after words: [String], script: String) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-completion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["a.xml", "b.zip", "c.pdf"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    let scriptFile = folder.appendingPathComponent("onewindow.bash")
    try script.write(to: scriptFile, atomically: true, encoding: .utf8)
    let line = (["onewindow"] + words).joined(separator: " ") + " "
    let driver = """
      source "$1"
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
      COMP_WORDS=(\((["onewindow"] + words).joined(separator: " ")) ''); COMP_CWORD=\(words.count + 1)
      _onewindow onewindow '' '\(words.last ?? "onewindow")'
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try CommandRunner.run(
      ["-c", driver, "bash", scriptFile.path], directory: folder.path, executable: "/bin/bash")
    #expect(result.status == 0, "\(words): \(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init).sorted()
  }

  @Test func bashCompletesPacketArgumentsToXMLAndZipFilesAndFolders() throws {
    let script = try Self.script("bash")
    // validate's paths: bash's own file completion, filtered to the two packet extensions, plus folders.
    let validate = try #require(script.range(of: "_onewindow_validate() {\n"))
    let end = try #require(script[validate.upperBound...].range(of: "\n}\n"))
    let body = script[validate.upperBound..<end.lowerBound]
    #expect(body.contains("    # Offer positional completions\n    case \"${positional_number}\" in\n    *)\n        __onewindow_add_completions -o plusdirs -fX '!*.@(xml|zip)'\n"))
    for words in Self.packetCommands {
      #expect(try Self.bashOffers(after: words, script: script) == ["a.xml", "b.zip", "sub"], "\(words)")
    }
    for words in Self.xmlCommands {
      #expect(try Self.bashOffers(after: words, script: script) == ["a.xml", "sub"], "\(words)")
    }
    // A reference is not a file: nothing offered.
    #expect(try Self.bashOffers(after: ["prefile", "show"], script: script) == [])
    // Options that take a path: the registry and output files complete to any file (the
    // completion script itself lies in the folder too), folders
    // (schemas, data, where to split into) to folders only.
    #expect(try Self.bashOffers(after: ["prefile", "list", "--db"], script: script) == ["a.xml", "b.zip", "c.pdf", "onewindow.bash", "sub"])
    #expect(try Self.bashOffers(after: ["register", "--receipt-out"], script: script) == ["a.xml", "b.zip", "c.pdf", "onewindow.bash", "sub"])
    #expect(try Self.bashOffers(after: ["validate", "--schemas"], script: script) == ["sub"])
    #expect(try Self.bashOffers(after: ["bundle", "split", "--out"], script: script) == ["sub"])
  }

  @Test func zshAndFishCompletePacketArgumentsToXMLAndZipFiles() throws {
    let zsh = try Self.script("zsh")
    let validate = try #require(zsh.range(of: "_onewindow_validate() {\n"))
    #expect(zsh[validate.upperBound...].contains("        '*:paths:_files -g '\\''*.xml *.zip'\\'''\n"))
    #expect(zsh.contains("        ':packet:_files -g '\\''*.xml'\\'''\n"))  // bundle split
    let fish = try Self.script("fish")
    #expect(
      fish.contains(
        #"complete -c 'onewindow' -n '__onewindow_should_offer_completions_for_positional "onewindow validate" -ge 1' -fa '(set -l exts \'xml\' \'zip\';"#
      ))
  }

  /// The Chinese interface translates argument-parser's two built-in flag descriptions in the
  /// scripts and changes nothing else: bash's script (no descriptions) is the same in both
  /// languages, whatever parentheses the help holds.
  @Test func theChineseInterfaceLeavesTheScriptsCodeAlone() throws {
    #expect(try Self.script("bash") == (try Self.script("bash", environment: ["ONEWINDOW_LANG": "en"])))
    let fish = try Self.script("fish")
    #expect(fish.contains("-l 'help' -d '显示帮助信息。'"))
    #expect(fish.contains("-l 'version' -d '显示版本信息。'"))
    let english = try Self.script("fish", environment: ["ONEWINDOW_LANG": "en"])
    #expect(english.contains("-l 'help' -d 'Show help information.'"))
  }
}
