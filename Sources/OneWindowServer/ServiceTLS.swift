import Foundation
internal import NIOSSL

/// The service's own TLS: a PEM certificate chain and its private key, read and checked when the
/// service is set up, so a wrong file stops `onewindow serve` before it listens.
public struct ServiceTLS: Sendable {
  let configuration: TLSConfiguration

  /// Why the certificate or key cannot be used.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  public init(certificatePath: String, keyPath: String) throws(Failure) {
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
    } catch {
      throw Failure(description: "cannot read the certificate \(certificatePath) as PEM: \(error)")
    }
    guard !chain.isEmpty else { throw Failure(description: "\(certificatePath) holds no certificate") }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
    } catch {
      throw Failure(description: "cannot read the private key \(keyPath) as PEM: \(error)")
    }
    configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
  }
}
