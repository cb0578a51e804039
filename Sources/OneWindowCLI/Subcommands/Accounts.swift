import ArgumentParser
import Foundation
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  /// `onewindow accounts …`: accounts on the registry file (the local CLI trusts its operator).
  struct Accounts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "accounts",
      abstract: L("服务账号：首个管理员、工作人员、产权人、申请人。", "Accounts of the service: the first administrator, clerks, owners, applicants."),
      discussion: L(
        """
        这些命令直接操作登记库文件，与其他本地命令一样信任运行者；
        通过 HTTP 只有管理员可以管理账号（/v1/accounts）。`bootstrap`
        在登记库还没有账号时建立首个管理员（仅一次），并打印其一次性口令。
        """,
        """
        These commands work on the registry file directly and trust whoever runs
        them, like every local command; over HTTP only an administrator manages
        accounts (/v1/accounts). `bootstrap` makes the first administrator once,
        when the registry has no account, and prints its one-time password.
        """),
      subcommands: [Bootstrap.self, Add.self, List.self, Disable.self, Enable.self, Reset.self])
  }
}

/// `--db` for the account commands, and the clock they stamp events with.
struct AccountRegistryOptions: ParsableArguments {
  @Option(name: .long, help: .text("登记库（默认：$ONEWINDOW_DB，其次 $XDG_DATA_HOME/onewindow/registry.sqlite）。", "Registry database (default: $ONEWINDOW_DB, then $XDG_DATA_HOME/onewindow/registry.sqlite)."), completion: .file())
  var db: String?
  @Option(name: .long, help: .text("口令的 bcrypt 成本。", "bcrypt cost for passwords.")) var bcryptCost = 12
  @OptionGroup var resources: ResourceOptions

  func open() throws -> Registry {
    do {
      return try Registry(oneWindow: try resources.oneWindow(), path: Registry.defaultPath(explicit: db))
    } catch let error as OneWindowError {
      Console.error(error.message.text(in: InterfaceLanguage.current))
      throw ExitCode(2)
    }
  }
}

extension OneWindowCommand.Accounts {
  static let operatorActor = Actor.system

  struct Bootstrap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bootstrap", abstract: L("建立首个管理员（仅一次）并打印其一次性口令。", "Make the first administrator (once) and print its one-time password."))

    @Option(name: .long, help: .text("管理员用户名。", "The administrator's username.")) var username = "admin"
    @Option(name: .long, help: .text("管理员工号。", "The administrator's staff number.")) var staffNumber: String
    @Option(name: .long, help: .text("管理员姓名。", "The administrator's name.")) var name: String
    @Option(name: .long, help: .text("服务中心。", "Service centre.")) var serviceCentre: String?
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      let exists = try await registryCall { () async throws(OneWindowError) in try await registry.hasAccounts() }
      guard !exists else {
        Console.error(L("登记库已有账号；初始化只能运行一次（其他账号由管理员添加）", "the registry has accounts already; the bootstrap runs once (administrators add accounts)"))
        throw ExitCode(2)
      }
      let account = try makeAccount(
        username: username, kind: .clerk, identity: staffNumber, type: nil, name: name, roles: [.admin, .reviewer, .issuer],
        centre: serviceCentre, policy: registry.oneWindow.policy)
      let password = AccountRules.randomPassword()
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.addAccount(account, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out(L("已建立管理员 \(username)；一次性口令（只显示一次，登录后请修改）：\n\(password)\n", "administrator \(username) created; one-time password (shown once, change it after signing in):\n\(password)\n"))
    }
  }

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: L("添加账号；除非用 --password-stdin 给出口令，否则打印初始口令。", "Add an account; prints its initial password unless --password-stdin gives one."))

    @Argument(help: .text("用户名。", "The username.")) var username: String
    @Option(name: .long, help: .text("CLERK（工作人员）、OWNER（产权人）或 APPLICANT（申请人）。", "CLERK, OWNER or APPLICANT.")) var kind: String
    @Option(name: .long, help: .text("工号（工作人员），或账号绑定的统一社会信用代码、身份证件号码或通行证号码。", "Staff number (clerks), or the 统一社会信用代码 / ID / permit number bound to the account."))
    var identity: String
    @Option(name: .long, help: .text("USCC（统一社会信用代码）、RESIDENT_ID（身份证件）或 TRAVEL_PERMIT（通行证）（产权人和申请人；省略时自动判断）。", "USCC, RESIDENT_ID or TRAVEL_PERMIT (owners and applicants; guessed when omitted)."))
    var identityType: String?
    @Option(name: .long, help: .text("个人或单位名称。", "The person's or organisation's name.")) var name: String
    @Option(name: .long, help: .text("工作人员角色，逗号分隔：REVIEWER（审核）、INSPECTOR（核查）、ISSUER（发证）、ADMIN（管理）。", "Clerk roles, comma-separated: REVIEWER, INSPECTOR, ISSUER, ADMIN.")) var roles: String = ""
    @Option(name: .long, help: .text("工作人员所属服务中心。", "The clerk's service centre.")) var serviceCentre: String?
    @Flag(name: .long, help: .text("从标准输入读取口令。", "Read the password from standard input.")) var passwordStdin = false
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      guard let kind = AccountKind(rawValue: kind.uppercased()) else { throw ValidationError(L("--kind 应为 CLERK、OWNER 或 APPLICANT。", "--kind is CLERK, OWNER or APPLICANT.")) }
      var roleList: [ClerkRole] = []
      for role in roles.split(separator: ",") {
        guard let value = ClerkRole(rawValue: role.trimmingCharacters(in: .whitespaces).uppercased()) else {
          throw ValidationError(L("未知角色 '\(role)'。", "Unknown role '\(role)'."))
        }
        roleList.append(value)
      }
      let type = try identityType.map { text -> IdentityType in
        guard let type = IdentityType(rawValue: text.uppercased()) else { throw ValidationError(L("未知证件类型 '\(text)'。", "Unknown identity type '\(text)'.")) }
        return type
      }
      let registry = try registry.open()
      let account = try makeAccount(
        username: username, kind: kind, identity: identity, type: type, name: name, roles: roleList, centre: serviceCentre,
        policy: registry.oneWindow.policy)
      let password: String
      if passwordStdin {
        password = (readLine(strippingNewline: true) ?? "")
        do { try AccountRules.checkPassword(password) } catch { throw ValidationError(String(describing: error)) }
      } else {
        password = AccountRules.randomPassword()
      }
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.addAccount(account, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out(
        passwordStdin
          ? L("已添加账号 \(username)\n", "account \(username) added\n")
          : L("已添加账号 \(username)；初始口令（只显示一次）：\n\(password)\n", "account \(username) added; initial password (shown once):\n\(password)\n"))
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L("列出全部账号（不含口令）。", "Every account (never a password)."))
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
    static let configuration = CommandConfiguration(commandName: "disable", abstract: L("停用账号并吊销其令牌。", "Disable an account and revoke its tokens."))
    @Argument(help: .text("用户名。", "The username.")) var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      try await registryCall { () async throws(OneWindowError) in
        try await registry.setAccount(username, active: false, by: operatorActor, clock: .current())
      }
      Console.out(L("已停用账号 \(username)\n", "account \(username) disabled\n"))
    }
  }

  struct Enable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: L("启用已停用的账号。", "Enable a disabled account."))
    @Argument(help: .text("用户名。", "The username.")) var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      try await registryCall { () async throws(OneWindowError) in
        try await registry.setAccount(username, active: true, by: operatorActor, clock: .current())
      }
      Console.out(L("已启用账号 \(username)\n", "account \(username) enabled\n"))
    }
  }

  struct Reset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reset", abstract: L("为账号设置新的随机口令（只打印一次）并吊销其令牌。", "Give an account a new random password (printed once) and revoke its tokens."))
    @Argument(help: .text("用户名。", "The username.")) var username: String
    @OptionGroup var registry: AccountRegistryOptions

    func run() async throws {
      let registry = try registry.open()
      let password = AccountRules.randomPassword()
      let cost = self.registry.bcryptCost
      try await registryCall { () async throws(OneWindowError) in
        try await registry.resetPassword(username, passwordHash: Passwords.hash(password, cost: cost), by: operatorActor, clock: .current())
      }
      Console.out(L("\(username) 的新口令（只显示一次）：\n\(password)\n", "new password for \(username) (shown once):\n\(password)\n"))
    }
  }
}

/// An account checked by the service's rules, or a usage error.
func makeAccount(
  username: String, kind: AccountKind, identity: String, type: IdentityType?, name: String, roles: [ClerkRole], centre: String?,
  policy: Policy
) throws -> Account {
  do {
    return try AccountRules.account(
      username: username, kind: kind, identity: identity, identityType: type, name: name, roles: roles, serviceCentre: centre,
      policy: policy)
  } catch {
    throw ValidationError(String(describing: error))
  }
}
