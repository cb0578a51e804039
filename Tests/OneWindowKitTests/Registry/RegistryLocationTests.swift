import OneWindowKit
import Testing

/// `--db`, then `ONEWINDOW_DB`, then the XDG data directory.
struct RegistryLocationTests {
  @Test func theExplicitPathWins() {
    #expect(Registry.defaultPath(explicit: "/x/r.sqlite", environment: ["ONEWINDOW_DB": "/y/r.sqlite"]) == "/x/r.sqlite")
  }

  @Test func thenTheEnvironment() {
    #expect(Registry.defaultPath(explicit: nil, environment: ["ONEWINDOW_DB": "/y/r.sqlite", "XDG_DATA_HOME": "/z"]) == "/y/r.sqlite")
  }

  @Test func thenXDGDataHomeOrItsDefault() {
    #expect(Registry.defaultPath(explicit: nil, environment: ["XDG_DATA_HOME": "/z"]) == "/z/onewindow/registry.sqlite")
    #expect(Registry.defaultPath(explicit: nil, environment: ["HOME": "/home/clerk", "ONEWINDOW_DB": ""]) == "/home/clerk/.local/share/onewindow/registry.sqlite")
  }
}
