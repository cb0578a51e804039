import OneWindowXML

/// The audit-chain head a receipt recorded: which event was newest when it was issued.
public struct ReceiptChainHead: Sendable, Hashable, Codable {
  public var receipt: String
  public var sequence: Int64
  public var hash: String
  /// Where it came from: `registry` or the receipt file's path.
  public var source: String

  public init(receipt: String, sequence: Int64, hash: String, source: String) {
    self.receipt = receipt
    self.sequence = sequence
    self.hash = hash
    self.source = source
  }
}

extension OneWindow {
  /// Reads the audit-chain head recorded on a receipt packet (a file an applicant kept). The
  /// receipt must be valid against the receipt schema.
  public func receiptChainHead(bytes: [UInt8], name: String) throws(OneWindowError) -> ReceiptChainHead {
    let read = try readDocument(bytes: bytes, name: name, root: "Receipt") { receipt -> ReceiptChainHead? in
      guard let number = receipt.string("Number"), let chain = receipt.child("AuditChain"),
        let sequence = chain.string("Sequence").flatMap({ Int64($0) }), let head = chain.string("Head")
      else { return nil }
      return ReceiptChainHead(receipt: number, sequence: sequence, hash: head, source: name)
    }
    switch read {
    case .success(let head): return head
    case .failure(let problem): throw .unreadable(path: name, reason: "not a valid receipt (\(problem))")
    }
  }
}
