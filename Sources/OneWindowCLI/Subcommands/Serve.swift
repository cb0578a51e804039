import ArgumentParser
import Foundation
import Logging
import OneWindowKit
import OneWindowServer

extension OneWindowCommand {
  /// `onewindow serve`: the HTTP service.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: L("通过 HTTP 提供登记库服务：/v1 下的接口、/openapi.yaml、/healthz、/readyz、/metrics。", "Serve the registry over HTTP: the API under /v1, /openapi.yaml, /healthz, /readyz, /metrics."),
      discussion: L(
        """
        默认监听 127.0.0.1:8080，使用 --db 或 $ONEWINDOW_DB 指定的登记库
        （登记库不存在时退出码 2；用 `onewindow registry init` 建立）。
        账号通过 POST /v1/sessions 登录，并发送 `Authorization: Bearer 令牌`；
        首个管理员由 `onewindow accounts bootstrap` 建立。收到 SIGTERM 或
        SIGINT 时处理完在途请求后退出。

        --replay-token T 启动回放模式（仅本机回环）：带 X-Replay-Token 的请求
        可以建立临时登记库，并以任一步骤的办理人、任一业务日期办理，供
        `onewindow replay --server URL --token T` 使用。非回放模式下没有这些功能。
        """,
        """
        Listens on 127.0.0.1:8080 by default, on the registry named by --db or
        $ONEWINDOW_DB (a missing registry exits 2; `onewindow registry init` makes
        one). Accounts sign in with POST /v1/sessions and send `Authorization:
        Bearer TOKEN`; the first administrator comes from `onewindow accounts
        bootstrap`. SIGTERM or SIGINT finish in-flight requests, then exit.

        --replay-token T starts replay mode (loopback only): requests carrying
        X-Replay-Token may make throwaway registries and act as any step's actor on
        any business date, for `onewindow replay --server URL --token T`. Outside
        replay mode none of this exists.
        """))

    @Option(name: .long, help: .text("监听地址。", "Address to listen on.")) var host = "127.0.0.1"
    @Option(name: .long, help: .text("端口（0：任一空闲端口，启动时打印）。", "Port (0: any free port, printed on start).")) var port = 8080
    @Option(name: .long, help: .text("登记库（默认：$ONEWINDOW_DB；回放模式不需要）。", "Registry database (default: $ONEWINDOW_DB; not needed in replay mode)."), completion: .file()) var db: String?
    @Option(name: .long, help: .text("并发检查数（默认：每个 CPU 核一个）。", "Concurrent validations (default: one per core).")) var workers: Int?
    @Option(name: .long, help: .text("可排队等待的检查数，超出时答复 429。", "Validations that may wait for a worker before 429.")) var queue = 64
    @Option(name: .long, help: .text("空闲或停滞的连接保留的秒数。", "Seconds an idle or stalled connection is kept.")) var idleTimeout: Int64 = 30
    @Option(name: .long, help: .text("最大请求体，字节（超出时答复 413）。", "Largest request body, in bytes (413 beyond).")) var maxBody = 64 << 20
    @Option(name: .long, help: .text("口令的 bcrypt 成本。", "bcrypt cost for passwords.")) var bcryptCost = 12
    @Option(name: .long, help: .text("以此令牌进入回放模式（仅限本机回环地址）。", "Replay mode with this token (loopback only).")) var replayToken: String?
    @Option(name: .long, help: .text("对外访问地址（如 https://yichuang.example.cn）；为 https 时网页会话 Cookie 带 Secure。", "The public URL people use (e.g. https://onewindow.example.org); page session cookies are Secure when it is https.")) var publicURL: String?
    @Option(name: .long, help: .text("自行提供 HTTPS：PEM 证书链文件（与 --tls-key 同用）。", "Serve HTTPS itself: the PEM certificate chain (with --tls-key)."), completion: .file()) var tlsCert: String?
    @Option(name: .long, help: .text("PEM 私钥文件（与 --tls-cert 同用）。", "The PEM private key (with --tls-cert)."), completion: .file()) var tlsKey: String?
    @Option(name: .long, help: .text("日志级别：trace、debug、info、notice、warning、error。", "Log level: trace, debug, info, notice, warning, error.")) var logLevel = "info"
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
      if replayToken != nil, !["127.0.0.1", "::1", "localhost"].contains(host) {
        throw ValidationError(L("回放模式只监听本机回环地址。", "Replay mode listens on the loopback address only."))
      }
      if let replayToken, replayToken.count < 16 { throw ValidationError(L("回放令牌至少 16 个字符。", "A replay token has at least 16 characters.")) }
      if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
        throw ValidationError(L("--public-url 以 http:// 或 https:// 开头。", "--public-url starts with http:// or https://."))
      }
      if (tlsCert == nil) != (tlsKey == nil) {
        throw ValidationError(L("--tls-cert 与 --tls-key 须同时给出。", "--tls-cert and --tls-key go together."))
      }
      if !(4...16).contains(bcryptCost) { throw ValidationError(L("--bcrypt-cost 应在 4 至 16 之间。", "--bcrypt-cost is between 4 and 16.")) }
    }

    func run() async throws {
      let oneWindow = try resources.oneWindow()
      // A broken definition never stops the service: it is refused, said here, and the others work.
      for refused in oneWindow.bundleDefinitions.refused {
        let problems = DefinitionRenderer(language: InterfaceLanguage.current).render(refused)
        Console.error(
          L("已拒绝“一件事”定义 \(refused.file)，其他定义照常：", "bundle definition \(refused.file) refused, the others work:") + "\n"
            + problems.trimmingCharacters(in: .newlines))
      }
      let registry: Registry
      do {
        if replayToken != nil, db == nil, ProcessInfo.processInfo.environment["ONEWINDOW_DB"] == nil {
          registry = try Registry(oneWindow: oneWindow, path: nil)
        } else {
          let path = db ?? ProcessInfo.processInfo.environment["ONEWINDOW_DB"]
          guard let path, !path.isEmpty else {
            Console.error(L("serve 需要登记库：--db 路径或 $ONEWINDOW_DB（用 `onewindow registry init` 建立）", "serve needs a registry: --db PATH or $ONEWINDOW_DB (`onewindow registry init` makes one)"))
            throw ExitCode(2)
          }
          registry = try Registry(oneWindow: oneWindow, path: path)
        }
      } catch let error as OneWindowError {
        Console.error(error.message.text(in: InterfaceLanguage.current))
        throw ExitCode(2)
      }
      let openAPI: String
      do {
        openAPI = try OneWindowService.openAPIDocument(schemasFolder: oneWindow.schemasFolder)
      } catch {
        Console.error(String(describing: error))
        throw ExitCode(2)
      }
      var options = ServiceOptions()
      options.host = host
      options.port = port
      options.validationWorkers = workers ?? options.validationWorkers
      options.validationQueue = queue
      options.idleTimeoutSeconds = idleTimeout
      options.maxBodyBytes = maxBody
      options.bcryptCost = bcryptCost
      options.replayToken = replayToken
      options.publicURL = publicURL
      if let tlsCert, let tlsKey {
        do {
          options.tls = try ServiceTLS(certificatePath: tlsCert, keyPath: tlsKey)
        } catch {
          Console.error(L("无法使用 TLS 证书或私钥：\(error.description)", "cannot use the TLS certificate or key: \(error.description)"))
          throw ExitCode(2)
        }
      }
      LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return handler
      }
      OneWindowService.bootstrapMetrics()
      let logger = Logger(label: "onewindow")
      let service = OneWindowService(oneWindow: oneWindow, registry: registry, options: options, openAPI: openAPI, logger: logger)
      let replay = replayToken != nil
      let host = options.host
      let scheme = options.tls == nil ? "http" : "https"
      try await service.run { port in
        Console.note(L("serve：正在监听 \(scheme)://\(host):\(port)\(replay ? "（回放模式）" : "")", "serve: listening on \(scheme)://\(host):\(port)\(replay ? " (replay mode)" : "")"))
      }
    }
  }
}
