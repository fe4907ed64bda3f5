import Campaigns
import Foundation
import Hummingbird
import Persistence
import Server
import Subprocess
import TestSupport
import Testing

#if canImport(System)
import System
#else
import SystemPackage
#endif

@Suite("HTTPS: serve --tls-cert --tls-key")
struct TLSTests {
    @Test("over TLS, pages say HSTS and cookies are Secure; plain HTTP gets no answer; an unreadable key is a clear error")
    func https() async throws {
        let folder = TestDatabase.scratchFolder + "/tls-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let made = try await Subprocess.run(
            .name("openssl"),
            arguments: [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", folder + "/key.pem",
                "-out", folder + "/cert.pem", "-days", "1", "-subj", "/CN=localhost",
            ], output: .discarded, error: .discarded)
        #expect(made.terminationStatus.isSuccess)
        let tls = TLSFiles(certificate: folder + "/cert.pem", privateKey: folder + "/key.pem")
        try await TestDatabase.withFresh { database in
            let port = try #require(FreePort.find())
            let app = try ServerApplication.make(
                database: database, vault: CampaignFixture.testVault, settings: .init(port: port, tls: tls, passwordCost: 4),
                metrics: TestMetrics.registry, logger: testLogger)
            let serving = Task { try await app.run() }
            defer { serving.cancel() }
            var headers = ""
            for _ in 0..<50 where headers.isEmpty {
                let answer = try await Subprocess.run(
                    .name("curl"), arguments: ["-sk", "-D", "-", "-o", "/dev/null", "https://127.0.0.1:\(port)/sign-in"],
                    output: .string(limit: 1 << 16), error: .discarded)
                headers = answer.standardOutput
                if headers.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(headers.contains("Strict-Transport-Security: max-age=31536000"))
            #expect(headers.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("Set-Cookie: sb_signin=") && $0.contains("Secure") })
            let plain = try await Subprocess.run(
                .name("curl"), arguments: ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "3", "http://127.0.0.1:\(port)/health"],
                output: .string(limit: 100), error: .discarded)
            #expect(plain.standardOutput == "000")
        }
        #expect(throws: TLSFilesError.self) {
            _ = try ServerApplication.make(
                database: Database(.init(url: "postgresql:///nowhere"), logger: testLogger), vault: CampaignFixture.testVault,
                settings: .init(tls: TLSFiles(certificate: folder + "/cert.pem", privateKey: folder + "/missing.pem")),
                metrics: TestMetrics.registry, logger: testLogger)
        }
    }
}
