import Crypto
import Foundation

/// Seals and opens personal data, and makes the keyed hashes used to find a phone number
/// without decrypting anything.
///
/// Each contact has a key of its own (AES-256-GCM); the contact's fields are sealed with it
/// as one message, and the key itself is stored sealed under a key derived from the master
/// key. Destroying the wrapped key destroys the data, in backups too (crypto-shredding).
public struct Vault: Sendable {
    private let wrappingKey: SymmetricKey
    private let lookupKey: SymmetricKey
    private let linkKey: SymmetricKey

    public init(masterKey: MasterKey) {
        wrappingKey = masterKey.derived(for: "contact key wrapping v1")
        lookupKey = masterKey.derived(for: "phone lookup v1")
        linkKey = masterKey.derived(for: "signed links v1")
    }

    /// A contact's sealed fields and its wrapped key, as stored.
    public struct Sealed: Sendable, Hashable {
        public let box: Data
        public let wrappedKey: Data

        public init(box: Data, wrappedKey: Data) {
            self.box = box
            self.wrappedKey = wrappedKey
        }
    }

    /// Seals `data` under a fresh key of its own.
    public func seal(_ data: PersonalData) throws -> Sealed {
        let contactKey = SymmetricKey(size: .bits256)
        let wrapped = try contactKey.withUnsafeBytes { try AES.GCM.seal(Data($0), using: wrappingKey).combined }
        guard let wrapped else { throw VaultError.sealingFailed }
        return Sealed(box: try box(data, with: contactKey), wrappedKey: wrapped)
    }

    /// Seals new data under the contact's existing key, so that its history, sealed under
    /// the same key, goes when the key goes.
    public func reseal(_ data: PersonalData, keyOf existing: Sealed) throws -> Sealed {
        Sealed(box: try box(data, with: try unwrap(existing.wrappedKey)), wrappedKey: existing.wrappedKey)
    }

    /// Opens what `seal` made; fails when the data or the key was tampered with or the
    /// master key is another one.
    public func open(_ sealed: Sealed) throws -> PersonalData {
        do {
            let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed.box), using: try unwrap(sealed.wrappedKey))
            guard let data = PersonalData(encoded: plain) else { throw VaultError.cannotOpen }
            return data
        } catch {
            throw VaultError.cannotOpen
        }
    }

    /// Seals a note about the person (a request's reason, a supervisor's answer) under the
    /// contact's own key, so that it becomes unreadable with the rest of their data.
    public func seal(note: String, keyOf contact: Sealed) throws -> Data {
        guard let box = try AES.GCM.seal(Data(note.utf8), using: try unwrap(contact.wrappedKey)).combined else { throw VaultError.sealingFailed }
        return box
    }

    /// Opens what `seal(note:keyOf:)` made.
    public func open(note box: Data, keyOf contact: Sealed) throws -> String {
        do {
            return String(decoding: try AES.GCM.open(AES.GCM.SealedBox(combined: box), using: try unwrap(contact.wrappedKey)), as: UTF8.self)
        } catch {
            throw VaultError.cannotOpen
        }
    }

    private func box(_ data: PersonalData, with key: SymmetricKey) throws -> Data {
        guard let box = try AES.GCM.seal(data.encoded(), using: key).combined else { throw VaultError.sealingFailed }
        return box
    }

    private func unwrap(_ wrappedKey: Data) throws -> SymmetricKey {
        SymmetricKey(data: try AES.GCM.open(AES.GCM.SealedBox(combined: wrappedKey), using: wrappingKey))
    }

    /// The keyed hash (HMAC-SHA256) of a normalised phone number, for look-ups and de-duplication.
    public func phoneHash(_ e164: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(e164.utf8), using: lookupKey))
    }

    /// The signature (HMAC-SHA256) of a link the server hands out, such as a recording's
    /// playback link; any server with the same master key can check it.
    public func linkSignature(_ payload: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: payload, using: linkKey))
    }

    /// Whether `signature` is this vault's signature of `payload`, compared in constant time.
    public func isLinkSignature(_ signature: Data, of payload: Data) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: linkKey)
    }
}
