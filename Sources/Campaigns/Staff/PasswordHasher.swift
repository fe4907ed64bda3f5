import Dispatch
import HummingbirdBcrypt

/// bcrypt, kept off Swift's cooperative threads: a hash takes a quarter of a second on purpose,
/// and two such calls would park both of this machine's cooperative threads. Work runs on a
/// concurrent dispatch queue of its own.
public struct PasswordHasher: Sendable {
    /// log2 of bcrypt's rounds: 12 in production; tests may go as low as bcrypt's 4.
    public let cost: UInt8
    private static let queue = DispatchQueue(label: "switchboard.passwords", attributes: .concurrent)

    public init(cost: UInt8 = 12) {
        self.cost = min(max(cost, 4), 31)
    }

    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return await Self.run { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        await Self.run { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash to check a password against when the login is unknown, so that an unknown login
    /// takes as long to refuse as a wrong password.
    func decoyHash() async -> String {
        await hash("decoy password for unknown logins")
    }

    private static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
