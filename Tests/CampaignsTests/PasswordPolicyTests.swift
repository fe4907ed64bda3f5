import Campaigns
import Foundation
import Testing

@Suite("The password policy and the sign-in guard, without a database or a clock")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test("each rule a password breaks is named", arguments: [
        ("Krótkie1", [PasswordPolicy.Rule]()),
        ("Krotk1", [.tooShort]),
        ("wszystkie-male-1", [.noUppercase]),
        ("WSZYSTKIE-DUZE-1", [.noLowercase]),
        ("BezCyfryAniZnaku", [.noDigitOrSpecial]),
        ("Znak!Specjalny", []),
        ("Zażółć gęślą 7", []),
        ("abc", [.tooShort, .noUppercase, .noDigitOrSpecial]),
        (String(repeating: "Ab1", count: 25), [.tooLong]),
    ])
    func rules(_ password: String, _ expected: [PasswordPolicy.Rule]) {
        #expect(policy.broken(by: password) == expected)
    }

    @Test("a password older than 30 days is expired")
    func expiry() {
        let changed = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!policy.isExpired(changedAt: changed, at: changed.addingTimeInterval(29 * 86_400)))
        #expect(policy.isExpired(changedAt: changed, at: changed.addingTimeInterval(30 * 86_400 + 1)))
    }

    @Test("five wrong passwords lock for 15 minutes; a locked account is not even checked; the lock lapses; a success resets")
    func lockout() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var guardian = SignInGuard()
        for attempt in 1...4 {
            #expect(guardian.attempt(passwordMatches: false, at: start.addingTimeInterval(Double(attempt)), policy: policy) == .refused)
        }
        let lockedAt = start.addingTimeInterval(5)
        #expect(guardian.attempt(passwordMatches: false, at: lockedAt, policy: policy) == .lockedNow(until: lockedAt.addingTimeInterval(900)))
        #expect(guardian.isLocked(at: lockedAt.addingTimeInterval(899)))
        #expect(guardian.attempt(passwordMatches: true, at: lockedAt.addingTimeInterval(60), policy: policy) == .stillLocked(until: lockedAt.addingTimeInterval(900)))
        #expect(!guardian.isLocked(at: lockedAt.addingTimeInterval(900)))
        #expect(guardian.attempt(passwordMatches: false, at: lockedAt.addingTimeInterval(901), policy: policy) == .refused)
        #expect(guardian.failures == 1)
        #expect(guardian.attempt(passwordMatches: true, at: lockedAt.addingTimeInterval(902), policy: policy) == .admitted)
        #expect(guardian.failures == 0 && guardian.lockedUntil == nil)
    }
}
