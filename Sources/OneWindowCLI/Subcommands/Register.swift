import ArgumentParser
import OneWindowKit

extension OneWindowCommand {
  struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract: L("入驻登记：承租人在已预备案的单元登记住所。", "A tenant registers its address in a pre-filed unit (入驻登记)."),
      discussion: L(
        """
        在写入事务内按登记库检查数据包：业务日期时有效的预备案、单元在范围内
        且未满、出租人即产权人、协议期限覆盖当日、规划用途与经营活动相符。
        通过后记录入驻，回执统计预备案为申请人少交的材料。
        """,
        """
        The packet is checked against the registry inside the write transaction: the
        pre-filing in force on the reference date, the unit in scope and not full,
        the lessor the owner, the agreement covering the date, the planned use
        fitting the activity. When accepted, the tenancy is recorded and the receipt
        counts the materials saved by the pre-filing.
        """))

    @Argument(help: .text("入驻登记（TenantRegistration）数据包：文件、数据包文件夹或 -；每个出具一份回执。", "TenantRegistration packets: files, packet folders, or -; one receipt each."), completion: .packets) var packets: [String]
    @OptionGroup var actor: ActorOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: ReceiptOutputOptions
    @OptionGroup var resources: ResourceOptions

    func run() async throws {
      let actor = actor.actor
      try await registry.writeEach(packets, output: output, resources: resources) { registry, source, clock async throws(OneWindowError) in
        try await registry.register(source, by: actor, clock: clock)
      }
    }
  }
}
