import Campaigns
import Foundation

/// A short-lived link to a recording's audio, for a browser's `<audio>` element, which cannot
/// send the API's bearer token. It names the recording and when it lapses, signed with a key
/// derived from the master key; it holds no personal data, and the listen is logged when the
/// link is handed out.
struct PlaybackTicket: Equatable {
    let recordingID: UUID
    let expires: Date

    /// How long a link plays.
    static let lifetime: TimeInterval = 600

    /// The URL-safe token: the recording's id, the expiry in whole seconds, and the signature.
    func token(signedBy vault: Vault) -> String {
        let payload = Self.payload(recordingID, Int64(expires.timeIntervalSince1970.rounded(.down)))
        return (payload + vault.linkSignature(payload)).base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    /// The ticket a token carries; nil when it is malformed, forged, or lapsed at `now`.
    init?(token: String, vault: Vault, now: Date = Date()) {
        var base64 = token.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let bytes = Data(base64Encoded: base64), bytes.count == 24 + 32 else { return nil }
        let payload = bytes.prefix(24), signature = bytes.suffix(32)
        guard vault.isLinkSignature(Data(signature), of: Data(payload)) else { return nil }
        let id = payload.prefix(16).withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        let seconds = payload.suffix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let expires = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard expires > now else { return nil }
        self.init(recordingID: id, expires: expires)
    }

    init(recordingID: UUID, expires: Date) {
        self.recordingID = recordingID
        self.expires = expires
    }

    private static func payload(_ id: UUID, _ seconds: Int64) -> Data {
        var data = withUnsafeBytes(of: id.uuid) { Data($0) }
        data.append(contentsOf: (0..<8).reversed().map { UInt8(truncatingIfNeeded: seconds >> ($0 * 8)) })
        return data
    }
}
