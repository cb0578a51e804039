import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OneWindowKit
import OneWindowServer
import OneWindowTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc  // kill(2)
#endif

/// Several instances, one registry (issue 16): two `onewindow serve` processes on one PostgreSQL
/// schema, raced through HTTP. Writes are serialised across the instances by the registry's
/// advisory lock, so a lost race is refused by the same rule a sequential attempt would meet,
/// numbers never repeat nor skip, a killed instance loses nothing it answered for, and a lost
/// database connection fails its request cleanly.
///
/// The server is the test run's throwaway cluster, `ONEWINDOW_TEST_POSTGRES` (scripts/test.sh
/// starts it); each test makes a schema of its own and drops it at the end. Without the variable
/// every test here fails and says how to run them.
@Suite(.serialized) struct PostgresInstancesTests {
  /// 50 tenants, half through each instance, race for U-201 of 太兴里 (3 places): exactly 3 get
  /// in, the 47 others are refused by TR-004 alone, and U-201 shows 3 of 3 afterwards.
  @Test(.timeLimit(.minutes(3))) func fiftyTenantsRaceForThreePlacesThroughTwoInstances() async throws {
    let cluster = try await TwoInstances.start()
    defer { cluster.stop() }
    let preFiling = try await cluster.approvedTaixingli()

    let template = String(decoding: try Repository.bytes(Taixingli.zhanqiaoU201), as: UTF8.self)
    let packets = (1...50).map { index in
      Array(
        template.replacingOccurrences(of: "TR-TXL-201-0001", with: "RACE-U201-\(index)")
          .replacingOccurrences(of: "青岛栈桥文化传媒有限公司", with: "青岛栈桥\(index)号传媒有限公司").utf8)
    }
    let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
      for (index, packet) in packets.enumerated() {
        let instance = cluster.instances[index % 2]
        group.addTask { try await cluster.client.send(.POST, instance, "/v1/registrations", as: .window, body: packet) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }

    let accepted = answers.filter { $0.status == 201 }
    let refused = answers.filter { $0.status == 422 }
    #expect(accepted.count == 3, "\(answers.map(\.status))")
    #expect(refused.count == 47, "\(answers.filter { ![201, 422].contains($0.status) }.map(\.text))")
    for answer in accepted {
      #expect(try answer.receipt().outcome == .accepted)
    }
    for answer in refused {
      let receipt = try answer.receipt()
      #expect(receipt.outcome == .rejected)
      #expect(receipt.findings.filter { $0.severity == .error }.map(\.ruleID.rawValue) == ["TR-004"])
    }
    // Every attempt has a receipt of its own: 50 numbers, 50 audit events in a row.
    let receipts = try answers.map { try $0.receipt() }
    #expect(Set(receipts.map(\.number)).count == 50)
    let sequences = receipts.map(\.auditSequence).sorted()
    #expect(sequences == Array(sequences[0]..<(sequences[0] + 50)))

    let detail = try await #require(try cluster.registry.preFiling(preFiling, asOf: RegistryClock.current().today))
    let unit = try #require(detail.units.first { $0.id == "U-201" })
    #expect(unit.occupied == 3)
    #expect(unit.capacity == 3)
    #expect(detail.tenancies.filter { $0.unit == "U-201" }.count == 3)
    try await cluster.expectIntact()
  }

  /// 200 bundles, each submitted, decided and issued through both instances, 16 at a time, with
  /// an issuance attempt racing the two decisions: 200 distinct USCCs and JY numbers, every one
  /// check-valid, the JY sequence 1…200 without a gap, and no bundle issued before both of its
  /// tracks were approved (an early attempt is refused by RG-003 alone).
  @Test(.timeLimit(.minutes(4))) func twoHundredBundlesIssuedThroughTwoInstances() async throws {
    let cluster = try await TwoInstances.start()
    defer { cluster.stop() }
    let count = 200
    let issued = try await withThrowingTaskGroup(of: IssuedBundle.self) { group in
      var results: [IssuedBundle] = []
      for index in 0..<count {
        if index >= 16, let done = try await group.next() { results.append(done) }
        group.addTask { try await cluster.issue(Bundles.shop(index, prefix: "P"), index: index) }
      }
      for try await done in group { results.append(done) }
      return results
    }

    #expect(issued.count == count)
    let usccs = issued.map(\.uscc)
    let jys = issued.map(\.foodLicence)
    #expect(Set(issued.map(\.bundle)).count == count)
    #expect(Set(usccs).count == count)
    #expect(Set(jys).count == count)
    for uscc in usccs {
      #expect(UnifiedSocialCreditCode.hasValidCheckCharacter(uscc) && UnifiedSocialCreditCode.hasValidOrganisationCode(uscc), "\(uscc)")
      #expect(uscc.hasPrefix("92370202MA"), "\(uscc)")
    }
    for jy in jys {
      #expect(FoodLicenceNumber.hasValidCheckDigit(jy) && jy.hasPrefix("JY2370202"), "\(jy)")
    }
    // Never skipped: the JY sequence is exactly 1…200.
    #expect(Set(jys) == Set((1...count).compactMap { FoodLicenceNumber.make(category: "2", division: "370202", sequence: $0) }))
    // Issued after both decisions, in the one audit chain; early attempts refused on state.
    for bundle in issued {
      #expect(bundle.issuedAt > bundle.foodDecidedAt && bundle.issuedAt > bundle.businessDecidedAt, "\(bundle.bundle)")
      #expect(bundle.earlyRefusals.allSatisfy { $0 == ["RG-003"] }, "\(bundle.bundle): \(bundle.earlyRefusals)")
    }
    // The table of issued numbers agrees: each number once, two per bundle.
    let rows = try cluster.postgres.query(
      "SELECT kind, count(*), count(DISTINCT number), count(DISTINCT bundle_number) FROM \(cluster.schema).issued_number GROUP BY kind ORDER BY kind")
    #expect(rows.count == 2, "\(rows)")
    for row in rows {
      #expect(row.dropFirst() == ["\(count)", "\(count)", "\(count)"], "\(row)")
    }
    try await cluster.expectIntact()
  }

  /// A burst of bundle submissions through both instances; one is killed with SIGKILL in the
  /// middle. Every submission answered with a receipt is still there, receipt and packet byte
  /// for byte, read through the other instance; the other instance goes on accepting; `audit
  /// verify` passes afterwards.
  @Test(.timeLimit(.minutes(3))) func killingOneInstanceLosesNoReceiptedPacket() async throws {
    let cluster = try await TwoInstances.start()
    defer { cluster.stop() }
    let (victim, survivor) = (cluster.instances[0], cluster.instances[1])
    let burst = 80
    let killAfter = Int.random(in: 5...20)
    let packets = (0..<burst).map { Bundles.shop($0, prefix: "K") }
    let answeredByVictim = Counter()
    let results = await withTaskGroup(of: (Int, Answer?).self) { group in
      var results: [(Int, Answer?)] = []
      for index in 0..<burst {
        if index >= 8, let done = await group.next() { results.append(done) }
        let instance = cluster.instances[index % 2]
        let packet = packets[index]
        group.addTask {
          // Nothing more to the dead instance (the HTTP client would retry its refused
          // connection until the request's deadline).
          if instance === victim, victim.wasKilled { return (index, nil) }
          let answer = try? await cluster.client.send(
            .POST, instance, "/v1/bundles", as: .applicant, body: packet, timeout: instance === victim ? .seconds(15) : .seconds(90))
          if instance === victim, answer?.status == 201,
            answeredByVictim.value.add(1, ordering: .sequentiallyConsistent).newValue == killAfter
          {
            victim.kill9()
          }
          return (index, answer)
        }
      }
      for await done in group { results.append(done) }
      return results
    }
    #expect(victim.wasKilled, "the instance was never killed")

    var receipted: [(number: String, packet: [UInt8])] = []
    for (index, answer) in results {
      guard let answer else { continue }  // in flight at the kill, or sent to the dead instance
      #expect(answer.status == 201, "\(answer.text)")
      receipted.append((try answer.receipt().number, packets[index]))
    }
    #expect(receipted.count >= killAfter + 1)
    #expect(results.filter { $0.0 % 2 == 1 }.allSatisfy { $0.1?.status == 201 }, "the surviving instance failed a submission")

    for (number, packet) in receipted {
      let receipt = try await cluster.client.send(.GET, survivor, "/v1/receipts/\(number)", as: .reviewer)
      #expect(receipt.status == 200, "\(number): \(receipt.text)")
      #expect(try receipt.receipt().outcome == .accepted)
      let stored = try await cluster.client.send(.GET, survivor, "/v1/receipts/\(number)/packet", as: .reviewer)
      #expect(stored.status == 200)
      #expect(stored.bytes == packet, "\(number): another packet is stored")
    }
    // The survivor goes on: more submissions through it are accepted.
    for index in burst..<(burst + 5) {
      let answer = try await cluster.client.send(.POST, survivor, "/v1/bundles", as: .applicant, body: Bundles.shop(index, prefix: "K"))
      #expect(answer.status == 201, "\(answer.text)")
    }
    // Nothing in the registry that was not sent, nothing half there: one stored packet per
    // bundle, each one of the burst's.
    let stored = try cluster.postgres.query(
      "SELECT substring(convert_from(bytes, 'UTF8') from '<PacketId>([^<]+)</PacketId>') FROM \(cluster.schema).packet")
      .map { $0[0] }
    let bundles = try cluster.postgres.query("SELECT count(*) FROM \(cluster.schema).bundle")
    #expect(bundles == [["\(stored.count)"]])
    #expect(stored.count >= receipted.count + 5)
    #expect(Set(stored).count == stored.count)
    #expect(Set(stored).isSubset(of: (0..<(burst + 5)).map { "BD-MZDW-2026-K" + String(format: "%05d", $0) }))
    let verify = try CommandRunner.run(["audit", "verify", "--db", cluster.url])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    try await cluster.expectIntact()
  }

  /// The connection a write holds is terminated (`pg_terminate_backend`) while the write waits
  /// inside its transaction: the HTTP request gets a 503 problem, the CLI a clear "registry
  /// unavailable" error with exit 2; nothing is half-written (the numbers the failed writes would
  /// have taken go to the next writes, `audit verify` passes) and the instance goes on.
  @Test(.timeLimit(.minutes(3))) func aLostConnectionFailsTheWriteCleanly() async throws {
    let cluster = try await TwoInstances.start(count: 1)
    defer { cluster.stop() }
    let instance = cluster.instances[0]
    let first = try await cluster.client.send(.POST, instance, "/v1/bundles", as: .applicant, body: Bundles.shop(0, prefix: "L"))
    #expect(first.status == 201, "\(first.text)")
    let before = try first.receipt()

    // Over HTTP: the write blocks on the audit table, which another session holds, and its
    // connection is terminated there.
    let locker = try cluster.postgres.holdLock(on: "\(cluster.schema).audit_event")
    let pending = Task { try await cluster.client.send(.POST, instance, "/v1/bundles", as: .applicant, body: Bundles.shop(1, prefix: "L")) }
    let terminated = try await cluster.postgres.terminateWaiter(on: "\(cluster.schema).audit_event")
    #expect(terminated == 1)
    let failed = try await pending.value
    #expect(failed.status == 503, "\(failed.text)")
    #expect(failed.contentType == "application/problem+json")
    #expect(failed.json["title"] as? String == "Registry unavailable")
    #expect(failed.retryAfter == "1")

    // From the command line: the same, exit 2 and the message of an unreachable registry.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-lost-\(UUID().uuidString).xml")
    try Data(Bundles.shop(2, prefix: "L")).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let command = Task.detached {
      try CommandRunner.run(["bundle", "submit", file.path, "--applicant", Bundles.operatorID, "--db", cluster.url])
    }
    #expect(try await cluster.postgres.terminateWaiter(on: "\(cluster.schema).audit_event") == 1)
    let result = try await command.value
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains("无法连接登记库数据库，本次请求没有写入任何内容"), "\(result.stderr)")
    #expect(result.stderr.contains("57P01"), "\(result.stderr)")
    locker.release()

    // The instance goes on, and the next write takes the numbers the failed ones did not.
    let next = try await cluster.client.send(.POST, instance, "/v1/bundles", as: .applicant, body: Bundles.shop(3, prefix: "L"))
    #expect(next.status == 201, "\(next.text)")
    let after = try next.receipt()
    #expect(after.auditSequence == before.auditSequence + 1)
    #expect(Bundles.sequence(after.number) == Bundles.sequence(before.number).map { $0 + 1 })
    #expect(Bundles.sequence(after.subject ?? "") == Bundles.sequence(before.subject ?? "").map { $0 + 1 })
    // Two bundles, two packets, no audit event after the last receipt's: no row of the failed writes.
    let counts = try cluster.postgres.query(
      "SELECT (SELECT count(*) FROM \(cluster.schema).bundle), (SELECT count(*) FROM \(cluster.schema).packet), (SELECT max(sequence) FROM \(cluster.schema).audit_event)")
    #expect(counts == [["2", "2", "\(after.auditSequence)"]])
    let verify = try CommandRunner.run(["audit", "verify", "--db", cluster.url])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    try await cluster.expectIntact()
  }
}

// MARK: - The cluster under test

extension PostgresInstancesTests {

  /// The test run's PostgreSQL server, through `psql`.
  struct TestPostgres: Sendable {
    /// `ONEWINDOW_TEST_POSTGRES`, without options (psql does not know the registry's).
    let server: String

    static func fromEnvironment() throws -> TestPostgres {
      guard let url = ProcessInfo.processInfo.environment["ONEWINDOW_TEST_POSTGRES"], !url.isEmpty else {
        throw InstanceError("ONEWINDOW_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster (or start one with scripts/postgres-cluster.sh start DIR and export the URL it prints)")
      }
      return TestPostgres(server: String(url.split(separator: "?", maxSplits: 1)[0]))
    }

    /// A new schema name and the registry URL on it.
    func freshRegistry() -> (url: String, schema: String) {
      let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
      return (server + "?schema=" + schema, schema)
    }

    /// The rows of a query, each as its columns' text.
    func query(_ sql: String) throws -> [[String]] {
      let result = try CommandRunner.run(
        ["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", server, "-c", sql], executable: "/usr/bin/psql")
      guard result.status == 0 else { throw InstanceError("psql failed on \(sql): \(result.stderr)") }
      return result.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A session that holds `EXCLUSIVE` on a table (reads go on, writes wait) until released.
    func holdLock(on table: String) throws -> Locker {
      let name = "onewindow_locker_" + UUID().uuidString.prefix(8).lowercased()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
      process.arguments = [
        "-X", "-q", "-d", server + "?application_name=" + name, "-c",
        "BEGIN; LOCK TABLE \(table) IN EXCLUSIVE MODE; SELECT pg_sleep(120); ROLLBACK;",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let locker = Locker(postgres: self, name: name, process: process)
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline {
        let held = try query(
          "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE a.application_name = '\(name)' AND l.relation = '\(table)'::regclass AND l.granted")
        if held == [["1"]] { return locker }
        Thread.sleep(forTimeInterval: 0.05)
      }
      locker.release()
      throw InstanceError("the locking session never got its lock on \(table)")
    }

    /// Waits (up to 60 s) for a session to wait for a lock on `table`, then terminates it; the
    /// number of sessions terminated.
    func terminateWaiter(on table: String) async throws -> Int {
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        let waiting = try query("SELECT pid FROM pg_locks WHERE relation = '\(table)'::regclass AND NOT granted")
        if !waiting.isEmpty {
          let pids = waiting.map { $0[0] }.joined(separator: ",")
          return try query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid IN (\(pids))")
            .filter { $0 == ["t"] }.count
        }
        try await Task.sleep(for: .milliseconds(50))
      }
      throw InstanceError("no session came to wait for \(table)")
    }

    /// A session holding a table lock.
    struct Locker: Sendable {
      let postgres: TestPostgres
      let name: String
      let process: ProcessBox

      init(postgres: TestPostgres, name: String, process: Process) {
        self.postgres = postgres
        self.name = name
        self.process = ProcessBox(process)
      }

      func release() {
        _ = try? postgres.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '\(name)'")
        process.process.waitUntilExit()
      }
    }
  }

  /// What stops a test here, saying why.
  struct InstanceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// A count shared between tasks.
  final class Counter: Sendable {
    let value = Atomic<Int>(0)
  }

  /// A `Process`, shared between tasks (only started, signalled and waited for).
  final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
  }

  /// An `onewindow serve` child process on a free port.
  final class ServeInstance: Sendable {
    let box: ProcessBox
    let port: Int
    let log: String
    private let killed = Atomic<Bool>(false)

    var base: String { "http://127.0.0.1:\(port)" }
    var wasKilled: Bool { killed.load(ordering: .sequentiallyConsistent) }

    private init(box: ProcessBox, port: Int, log: String) {
      self.box = box
      self.port = port
      self.log = log
    }

    /// Starts `onewindow serve --db URL --port 0` and waits until it says where it listens.
    static func start(db: String) async throws -> ServeInstance {
      let log = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-serve-\(UUID().uuidString).log").path
      _ = FileManager.default.createFile(atPath: log, contents: nil)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
      process.arguments = ["serve", "--db", db, "--port", "0", "--log-level", "error", "--bcrypt-cost", "4"]
      process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
      var environment = ProcessInfo.processInfo.environment
      environment["ONEWINDOW_DB"] = nil
      environment["ONEWINDOW_LANG"] = "en"
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      guard let output = FileHandle(forWritingAtPath: log) else { throw InstanceError("cannot write \(log)") }
      process.standardError = output
      try process.run()
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if let match = text.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/), let port = Int(match.1) {
          return ServeInstance(box: ProcessBox(process), port: port, log: log)
        }
        if !process.isRunning { throw InstanceError("onewindow serve exited \(process.terminationStatus): \(text)") }
        try await Task.sleep(for: .milliseconds(50))
      }
      kill(process.processIdentifier, SIGKILL)
      throw InstanceError("onewindow serve did not start within 60 s")
    }

    /// SIGKILL, then waits for the process to be gone.
    func kill9() {
      guard !killed.exchange(true, ordering: .sequentiallyConsistent) else { return }
      kill(box.process.processIdentifier, SIGKILL)
      box.process.waitUntilExit()
      try? FileManager.default.removeItem(atPath: log)
    }

    /// SIGTERM (it finishes what it does), then waits.
    func stop() {
      guard box.process.isRunning else { return }
      kill(box.process.processIdentifier, SIGTERM)
      box.process.waitUntilExit()
      try? FileManager.default.removeItem(atPath: log)
    }
  }

  /// Who sends a request.
  enum Persona: String, CaseIterable, Sendable {
    case owner, reviewer, window, entering, inspector, issuer, applicant

    var account: (kind: AccountKind, identity: String, roles: [ClerkRole]) {
      switch self {
      case .owner: (.owner, Taixingli.owner.id, [])
      case .reviewer: (.clerk, "0231", [.reviewer])
      case .window: (.clerk, "0232", [])
      case .entering: (.clerk, "0233", [.reviewer])
      case .inspector: (.clerk, "0301", [.inspector])
      case .issuer: (.clerk, "0250", [.issuer])
      case .applicant: (.applicant, Bundles.operatorID, [])
      }
    }

    static let password = "correct horse battery staple"
  }

  /// An answer, its body read.
  struct Answer: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var contentType: String? { headers.first(name: "Content-Type") }
    var retryAfter: String? { headers.first(name: "Retry-After") }
    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]) ?? [:] }

    func receipt() throws -> Receipt {
      do {
        return try JSONDecoder().decode(Receipt.self, from: Data(bytes))
      } catch {
        throw InstanceError("not a receipt (\(status)): \(text)")
      }
    }
  }

  /// Sends requests to the instances, each persona signed in once (a token works on every
  /// instance: sessions live in the registry).
  struct Client: Sendable {
    var tokens: [Persona: String] = [:]

    func send(
      _ method: HTTPMethod, _ instance: ServeInstance, _ path: String, as persona: Persona?, body: [UInt8]? = nil,
      type: String = "application/xml", timeout: TimeAmount = .seconds(90)
    ) async throws -> Answer {
      var request = HTTPClientRequest(url: instance.base + path)
      request.method = method
      request.headers.add(name: "Accept", value: "application/json")
      if let persona, let token = tokens[persona] { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
      if let body {
        request.headers.add(name: "Content-Type", value: type)
        request.body = .bytes(ByteBuffer(bytes: body))
      }
      let response = try await HTTPClient.shared.execute(request, timeout: timeout)
      let collected = try await response.body.collect(upTo: 16 << 20)
      return Answer(status: Int(response.status.code), headers: response.headers, bytes: Array(collected.readableBytesView))
    }

    func send(_ method: HTTPMethod, _ instance: ServeInstance, _ path: String, as persona: Persona, json: String) async throws -> Answer {
      try await send(method, instance, path, as: persona, body: Array(json.utf8), type: "application/json")
    }
  }

  /// What one bundle's way through the instances left: its numbers and the audit sequences of its
  /// decisions and issuance.
  struct IssuedBundle: Sendable {
    var bundle: String
    var uscc: String
    var foodLicence: String
    var foodDecidedAt: Int64
    var businessDecidedAt: Int64
    var issuedAt: Int64
    /// The error rule ids of issuance attempts refused while a decision was pending.
    var earlyRefusals: [[String]]
  }

  /// One registry schema, the accounts the tests act as, and `serve` processes on it.
  struct TwoInstances: Sendable {
    let postgres: TestPostgres
    let url: String
    let schema: String
    /// The registry opened in the test process (reads and the audit check).
    let registry: Registry
    let instances: [ServeInstance]
    let client: Client

    static func start(count: Int = 2) async throws -> TwoInstances {
      let postgres = try TestPostgres.fromEnvironment()
      let (url, schema) = postgres.freshRegistry()
      let registry = try Registry(oneWindow: RegistryHarness.oneWindow, path: url, create: true)
      let hash = Passwords.hash(Persona.password, cost: 4)
      for persona in Persona.allCases {
        let (kind, identity, roles) = persona.account
        let account = try AccountRules.account(
          username: persona.rawValue, kind: kind, identity: identity, identityType: nil, name: persona.rawValue, roles: roles,
          serviceCentre: kind == .clerk ? "370202001" : nil)
        try await registry.addAccount(account, passwordHash: hash, by: .system, clock: .current())
      }
      var instances: [ServeInstance] = []
      for _ in 0..<count { instances.append(try await ServeInstance.start(db: url)) }
      var client = Client()
      for persona in Persona.allCases {
        let answer = try await client.send(
          .POST, instances[0], "/v1/sessions", as: nil,
          body: Array(#"{"username":"\#(persona.rawValue)","password":"\#(Persona.password)"}"#.utf8), type: "application/json")
        guard answer.status == 201, let token = answer.json["token"] as? String else {
          throw InstanceError("\(persona) could not sign in: \(answer.text)")
        }
        client.tokens[persona] = token
      }
      return TwoInstances(postgres: postgres, url: url, schema: schema, registry: registry, instances: instances, client: client)
    }

    /// Stops the instances and drops the schema.
    func stop() {
      for instance in instances { instance.stop() }
      _ = try? postgres.query("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }

    /// 太兴里 filed by its owner through the first instance and approved through the last: its number.
    func approvedTaixingli() async throws -> String {
      let submitted = try await client.send(
        .POST, instances[0], "/v1/prefilings", as: .owner, body: try Repository.bytes(Taixingli.preFiling))
      guard submitted.status == 201 else { throw InstanceError("taixingli: \(submitted.text)") }
      let approved = try await client.send(
        .POST, instances[instances.count - 1], "/v1/prefilings/\(try submitted.receipt().number)/review", as: .reviewer,
        json: #"{"decision":"APPROVE"}"#)
      guard approved.status == 201, let number = try approved.receipt().subject else {
        throw InstanceError("taixingli's review: \(approved.text)")
      }
      return number
    }

    /// One bundle the whole way: submitted through one instance; the two decisions at once, one
    /// through each instance, with (every fourth bundle) an issuance attempt racing them; issued
    /// when that attempt came too early, or after the decisions.
    func issue(_ packet: [UInt8], index: Int) async throws -> IssuedBundle {
      let (one, other) = (instances[index % 2], instances[(index + 1) % 2])
      let submitted = try await client.send(.POST, one, "/v1/bundles", as: .applicant, body: packet)
      guard submitted.status == 201, let bundle = try submitted.receipt().subject else {
        throw InstanceError("bundle \(index) was not accepted: \(submitted.text)")
      }
      let today = RegistryClock.current().today
      async let food = client.send(
        .POST, other, "/v1/bundles/\(bundle)/tracks/food/decision", as: .entering,
        json: #"{"decision":"APPROVE","inspection":{"inspectedOn":"\#(today)","inspectors":["0301","0302"],"result":"PASS"}}"#)
      async let business = client.send(
        .POST, one, "/v1/bundles/\(bundle)/tracks/business/decision", as: .reviewer, json: #"{"decision":"APPROVE"}"#)
      async let early: Answer? = index % 4 == 0 ? client.send(.POST, other, "/v1/bundles/\(bundle)/issuance", as: .issuer) : nil
      let decisions = try await [food, business]
      for decision in decisions where decision.status != 201 {
        throw InstanceError("a decision on \(bundle) was not accepted: \(decision.text)")
      }
      var issuance = try await early
      var refusals: [[String]] = []
      if let refused = issuance, refused.status == 422 {
        refusals.append(try refused.receipt().findings.filter { $0.severity == .error }.map(\.ruleID.rawValue))
        issuance = nil
      }
      let issued: Answer
      if let issuance {
        issued = issuance
      } else {
        issued = try await client.send(.POST, one, "/v1/bundles/\(bundle)/issuance", as: .issuer)
      }
      let receipt = try issued.receipt()
      guard issued.status == 201, let uscc = receipt.licences?.uscc, let jy = receipt.licences?.foodLicenceNumber else {
        throw InstanceError("\(bundle) was not issued: \(issued.text)")
      }
      return IssuedBundle(
        bundle: bundle, uscc: uscc, foodLicence: jy, foodDecidedAt: try decisions[0].receipt().auditSequence,
        businessDecidedAt: try decisions[1].receipt().auditSequence, issuedAt: receipt.auditSequence, earlyRefusals: refusals)
    }

    /// The audit chain verifies, PostgreSQL's own checks pass, and every counter's numbers run
    /// 1…n without a gap (no number was taken by a write that did not happen).
    func expectIntact() async throws {
      let audit = try await registry.verifyAudit()
      #expect(audit.isIntact, "\(audit.problems.map(\.description))")
      let events = try postgres.query("SELECT count(*), min(sequence), max(sequence) FROM \(schema).audit_event")
      #expect(events.first?[0] == events.first?[2] && events.first?[1] == "1", "\(events)")
      let receipts = try postgres.query("SELECT number FROM \(schema).receipt").map { $0[0] }
      let counters = Dictionary(
        uniqueKeysWithValues: try postgres.query("SELECT name, value FROM \(schema).counter").map { ($0[0], Int($0[1]) ?? -1) })
      var byDay: [String: [Int]] = [:]
      for number in receipts {
        // RCPT-YYYYMMDD-NNNNNN: the counter is RCPT-YYYYMMDD.
        let parts = number.split(separator: "-")
        guard parts.count >= 3, let sequence = Int(parts[2]) else { continue }
        byDay["\(parts[0])-\(parts[1])", default: []].append(sequence)
      }
      for (day, sequences) in byDay {
        #expect(sequences.sorted() == Array(1...sequences.count), "\(day): \(sequences.sorted())")
        #expect(counters[day] == sequences.count, "\(day): counter \(counters[day] ?? -1), \(sequences.count) receipts")
      }
    }
  }

  /// Openings of 木滋嗒味 (declared premises, no pre-filing needed) as shops of their own.
  enum Bundles {
    static let operatorID = "370203199008231423"

    /// The `index`th shop: its own PacketId, 字号 (木滋 + three characters) and room.
    static func shop(_ index: Int, prefix: String) -> [UInt8] {
      let stems = Array("甲乙丙丁戊己庚辛壬癸")
      let suffix = String([stems[(index / 100) % 10], stems[(index / 10) % 10], stems[index % 10]])
      let template = (try? Repository.bytes(TianShengJiXiang.muzidawei)).map { String(decoding: $0, as: UTF8.self) } ?? ""
      return Array(
        template.replacingOccurrences(of: "BD-MZDW-2026-0001", with: "BD-MZDW-2026-\(prefix)\(String(format: "%05d", index))")
          .replacingOccurrences(of: "木滋嗒味", with: "木滋" + suffix)
          .replacingOccurrences(of: "<Room>101</Room>", with: "<Room>\(10_000 + index)</Room>").utf8)
    }

    /// The sequence at the end of a number (`RCPT-20261205-000007` → 7, `YJS-370202-2026-000002` → 2).
    static func sequence(_ number: String) -> Int? {
      number.split(separator: "-").last.flatMap { Int($0) }
    }
  }
}
