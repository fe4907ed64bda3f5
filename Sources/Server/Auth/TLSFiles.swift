import NIOSSL

/// The PEM files HTTPS is served with: the certificate chain and its private key.
public struct TLSFiles: Sendable, Hashable {
    public let certificate: String
    public let privateKey: String

    public init(certificate: String, privateKey: String) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// A server configuration of TLS 1.2 and later from the files.
    func configuration() throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return configuration
        } catch {
            throw TLSFilesError.unreadable(certificate: certificate, privateKey: privateKey, reason: "\(error)")
        }
    }
}
