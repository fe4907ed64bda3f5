import Foundation
import Synchronization

/// Slows down guessing across accounts: the failed sign-ins of each address in a sliding
/// window. Past the limit, the address is refused without any password being checked until its
/// oldest failure leaves the window. Each account has its own lock besides (`SignInGuard`);
/// this catches one address trying many accounts. Kept in the process's memory: a restart
/// forgets it, the accounts' locks stay.
final class SignInThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int = 20, window: TimeInterval = 5 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Nil when the address may try now, else when it may try again.
    func refusal(for address: String, at now: Date = Date()) -> Date? {
        failures.withLock { failures in
            let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[address] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window)
        }
    }

    func noteFailure(of address: String, at now: Date = Date()) {
        failures.withLock { $0[address, default: []].append(now) }
    }
}
