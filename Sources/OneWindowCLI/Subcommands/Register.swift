import ArgumentParser
import OneWindowKit

extension OneWindowCommand {
  struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract: "A tenant registers its address in a pre-filed unit (入驻登记).",
      discussion: """
        The packet is checked against the registry inside the write transaction: the pre-filing
        in force on the reference date, the unit in scope and not full, the lessor the owner, the
        agreement covering the date, the planned use fitting the activity. When accepted, the
        tenancy is recorded and the receipt counts the materials saved by the pre-filing.
        """)

    @Argument(help: "TenantRegistration packets: files, packet folders, or -; one receipt each.") var packets: [String]
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
