import Foundation
import OneWindowTestSupport

// The libFuzzer target over the whole packet path (see `scripts/fuzz.sh`), checking
// `PacketInvariants` on every input. Built with `-D ONEWINDOW_FUZZING` and
// `--sanitize=fuzzer`, libFuzzer supplies `main`; built plainly, this is a replayer that runs
// the same check over files, so a crash input can be reproduced without the fuzzer runtime.

/// Built once, on the first input: the schemas and data of the repository.
nonisolated(unsafe) private var invariants: PacketInvariants?

private func check(_ bytes: [UInt8]) -> [String] {
  if invariants == nil { invariants = PacketInvariants() }
  return invariants?.violationsWaiting(for: bytes) ?? ["no invariants"]
}

#if ONEWINDOW_FUZZING
/// libFuzzer's entry point: one input, from one thread.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let problems = check(bytes)
  if !problems.isEmpty {
    FileHandle.standardError.write(Data(("invariant broken: " + problems.joined(separator: "; ") + "\n").utf8))
    abort()
  }
  return 0
}
#else
/// `onewindow-fuzz FILE...`: replays inputs through the same check; exit 1 when one breaks it.
@main
struct ReplayFuzzInputs {
  static func main() {
    var broken = 0
    for path in CommandLine.arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        broken += 1
        continue
      }
      let problems = check(Array(data))
      print("\(path): " + (problems.isEmpty ? "ok" : problems.joined(separator: "; ")))
      if !problems.isEmpty { broken += 1 }
    }
    exit(broken == 0 ? 0 : 1)
  }
}
#endif
