import Crypto
import Foundation

/// The key that protects every contact's own key. It comes from `SWITCHBOARD_MASTER_KEY`
/// (32 bytes, base64), from the file `SWITCHBOARD_MASTER_KEY_FILE` names (a Compose or
/// Kubernetes secret), or from a key file that is created, readable by its owner only, the
/// first time it is needed. Losing it makes the personal data unreadable, by design.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    public init(_ key: SymmetricKey) { self.key = key }

    /// Reads the key from the environment, or the secret file it names, or from `keyFile`,
    /// creating that file when it is absent.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment, keyFile: String) throws -> MasterKey {
        if let encoded = environment["SWITCHBOARD_MASTER_KEY"], !encoded.isEmpty {
            return try decode(encoded, from: "SWITCHBOARD_MASTER_KEY")
        }
        if let secret = environment["SWITCHBOARD_MASTER_KEY_FILE"], !secret.isEmpty {
            guard let text = try? String(contentsOfFile: secret, encoding: .utf8) else { throw MasterKeyError.cannotRead(path: secret) }
            return try decode(text.trimmingCharacters(in: .whitespacesAndNewlines), from: secret)
        }
        if FileManager.default.fileExists(atPath: keyFile) {
            let text = try String(contentsOfFile: keyFile, encoding: .utf8)
            return try decode(text.trimmingCharacters(in: .whitespacesAndNewlines), from: keyFile)
        }
        let fresh = SymmetricKey(size: .bits256)
        let folder = (keyFile as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let encoded = fresh.withUnsafeBytes { Data($0).base64EncodedString() }
        guard FileManager.default.createFile(atPath: keyFile, contents: Data((encoded + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw MasterKeyError.cannotWrite(path: keyFile) }
        return MasterKey(fresh)
    }

    private static func decode(_ encoded: String, from origin: String) throws -> MasterKey {
        guard let bytes = Data(base64Encoded: encoded), bytes.count == 32 else {
            throw MasterKeyError.malformed(origin: origin)
        }
        return MasterKey(SymmetricKey(data: bytes))
    }

    /// A key for one use, derived from the master key so that the uses never share a key.
    func derived(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("switchboard \(purpose)".utf8), outputByteCount: 32)
    }
}
