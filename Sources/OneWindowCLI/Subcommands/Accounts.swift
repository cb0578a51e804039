import ArgumentParser
import Foundation
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  /// `onewindow accounts …`: accounts on the registry file (the local CLI trusts its operator).
  struct Accounts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "accounts",
      abstract: "Accounts of the service: the first administrator, clerks, owners, applicants.",
      discussion: """
        These commands work on the registry file directly and trust whoever runs them, like every
        local command; over HTTP only an administrator manages accounts (/v1/accounts).
        `bootstrap` makes the first administrator once, when the registry has no account, and
        prints its one-time password.
        """,
      subcommands: [Bootstrap.self, Add.self, List.self, Disable.self, Enable.self, Reset.self])
  }
}

/// `--db` for the account commands, and the clock they stamp events with.
struct AccountRegistryOptions: ParsableArguments {
  @Option(name: .long, help: "Registry database (default: $ONEWINDOW_DB, then $XDG_DATA_HOME/onewindow/registry.sqlite).")
  var db: String?
  @Option(name: .long, help: "bcrypt cost for passwords.") var bcryptCost = 12
  @OptionGroup var resources: ResourceOptions

  func open() throws -> Registry {
    do {
      return try Registry(oneWindow: try resources.oneWindow(), path: Registry.defaultPath(explicit: db))
    } catch let error as OneWindowError {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }
}

extension OneWindowCommand.Accounts {
  static let operatorActor = Actor.system

  struct Bootstrap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bootstrap", abstract: "Make the first administrator (once) and print its one-time password.")

    @Option(name: .long, help: "The administrator's username.") var username = "admin"
    @Option(name: .long, help: "The administrator's staff number.") var staffNumber: String
    @Option(name: .long, help: "The administrator's name.") var name: String
    @Option(name: .long, help: "Service centre.") var serviceCentre: String?
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      let exists = try await registryCall { () async throws(OneWindowError) in try await registry.hasAccounts() }
      guard !exists else {
        Console.error("the registry has accounts already; the bootstrap runs once (administrators add accounts)")
        throw ExitCode(2)
      }
      let account = try makeAccount(
        username: username, kind: .clerk, identity: staffNumber, type: nil, name: name, roles: [.admin, .reviewer, .issuer],
        centre: serviceCentre)
      let password = AccountRules.randomPassword()
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.addAccount(account, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out("administrator \(username) created; one-time password (shown once, change it after signing in):\n\(password)\n")
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Add an account; prints its initial password unless --password-stdin gives one.")

    @Argument(help: "The username.") var username: String
    @Option(name: .long, help: "CLERK, OWNER or APPLICANT.") var kind: String
    @Option(name: .long, help: "Staff number (clerks), or the 统一社会信用代码 / ID / permit number bound to the account.")
    var identity: String
    @Option(name: .long, help: "USCC, RESIDENT_ID or TRAVEL_PERMIT (owners and applicants; guessed when omitted).")
    var identityType: String?
    @Option(name: .long, help: "The person's or organisation's name.") var name: String
    @Option(name: .long, help: "Clerk roles, comma-separated: REVIEWER, INSPECTOR, ISSUER, ADMIN.") var roles: String = ""
    @Option(name: .long, help: "The clerk's service centre.") var serviceCentre: String?
    @Flag(name: .long, help: "Read the password from standard input.") var passwordStdin = false
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      guard let kind = AccountKind(rawValue: kind.uppercased()) else { throw ValidationError("--kind is CLERK, OWNER or APPLICANT.") }
      var roleList: [ClerkRole] = []
      for role in roles.split(separator: ",") {
        guard let value = ClerkRole(rawValue: role.trimmingCharacters(in: .whitespaces).uppercased()) else {
          throw ValidationError("Unknown role '\(role)'.")
        }
        roleList.append(value)
      }
      let type = try identityType.map { text -> IdentityType in
        guard let type = IdentityType(rawValue: text.uppercased()) else { throw ValidationError("Unknown identity type '\(text)'.") }
        return type
      }
      let account = try makeAccount(
        username: username, kind: kind, identity: identity, type: type, name: name, roles: roleList, centre: serviceCentre)
      let password: String
      if passwordStdin {
        password = (readLine(strippingNewline: true) ?? "")
        do { try AccountRules.checkPassword(password) } catch { throw ValidationError(String(describing: error)) }
      } else {
        password = AccountRules.randomPassword()
      }
      let registry = try registry.open()
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.addAccount(account, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out("account \(username) added" + (passwordStdin ? "\n" : "; initial password (shown once):\n\(password)\n"))
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every account (never a password).")
    @OptionGroup var output: OutputOptions
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      let accounts = try await registryCall { () async throws(OneWindowError) in try await registry.accounts() }
      switch output.format {
      case .json: Console.out(RegistryTextRenderer.json(accounts))
      case .text:
        let lines = accounts.map { account in
          "\(account.username)  \(account.kind.rawValue)  \(account.identity)  \(account.name)  "
            + "\(account.roles.map(\.rawValue).joined(separator: ","))  \(account.serviceCentre ?? "-")  \(account.active ? "active" : "disabled")"
        }
        Console.out(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
      }
    }
  }

  struct Disable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account and revoke its tokens.")
    @Argument(help: "The username.") var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      try await registryCall { () async throws(OneWindowError) in
        try await registry.setAccount(username, active: false, by: operatorActor, clock: .current())
      }
      Console.out("account \(username) disabled\n")
    }
  }

  struct Enable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account.")
    @Argument(help: "The username.") var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      try await registryCall { () async throws(OneWindowError) in
        try await registry.setAccount(username, active: true, by: operatorActor, clock: .current())
      }
      Console.out("account \(username) enabled\n")
    }
  }

  struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reset", abstract: "Give an account a new random password (printed once) and revoke its tokens.")
    @Argument(help: "The username.") var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      let password = AccountRules.randomPassword()
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.resetPassword(username, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out("new password for \(username) (shown once):\n\(password)\n")
    }
  }
}

/// An account checked by the service's rules, or a usage error.
func makeAccount(
  username: String, kind: AccountKind, identity: String, type: IdentityType?, name: String, roles: [ClerkRole], centre: String?
) throws -> Account {
  do {
    return try AccountRules.account(
      username: username, kind: kind, identity: identity, identityType: type, name: name, roles: roles, serviceCentre: centre)
  } catch {
    throw ValidationError(String(describing: error))
  }
}
