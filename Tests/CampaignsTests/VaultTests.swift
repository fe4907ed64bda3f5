import Campaigns
import Crypto
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Personal data is sealed at rest and found by a keyed hash")
struct VaultTests {
    let person = PersonalData(firstName: "Łukasz", lastName: "Żółć", phone: "+48601234567", email: "lukasz@example.pl")

    @Test("sealing round-trips; another master key cannot open it; tampering is detected")
    func sealing() throws {
        let vault = CampaignFixture.testVault
        let sealed = try vault.seal(person)
        #expect(try vault.open(sealed) == person)
        #expect(!String(decoding: sealed.box, as: UTF8.self).contains("Łukasz"))
        let stranger = Vault(masterKey: MasterKey(SymmetricKey(size: .bits256)))
        #expect(throws: VaultError.cannotOpen) { try stranger.open(sealed) }
        var altered = Array(sealed.box)
        altered[altered.count / 2] ^= 1
        #expect(throws: VaultError.cannotOpen) { try vault.open(Vault.Sealed(box: Data(altered), wrappedKey: sealed.wrappedKey)) }
        #expect(vault.phoneHash("+48601234567") == vault.phoneHash("+48601234567"))
        #expect(vault.phoneHash("+48601234567") != stranger.phoneHash("+48601234567"))
    }

    @Test("the database never holds a name or number in clear text")
    func atRest() async throws {
        try await TestDatabase.withFresh { database in
            let source = try await DataSourceStore(database).create(name: "Formularz", kind: .webForm, actor: "test")
            let vault = CampaignFixture.testVault
            let ids = try await database.transaction { connection in
                try ContactStore.insert(
                    [ContactDraft(personal: person, country: "PL", lineType: .mobile, timeZone: "Europe/Warsaw")],
                    sourceID: source.id, vault: vault, on: connection)
            }
            let dump = try await database.query("SELECT row_to_json(c)::text FROM contacts c").column(String.self).joined()
            #expect(!dump.contains("601234567"))
            #expect(!dump.contains("ukasz"))
            let store = ContactStore(database, vault: vault)
            #expect(try await store.personalData(contactID: ids[0]) == person)
            #expect(try await store.find(phone: "+48601234567") == ids[0])
        }
    }

    @Test("the master key file is made once, private, and read back")
    func keyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "switchboard-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/master.key"
        let first = try MasterKey.load(environment: [:], keyFile: path)
        let second = try MasterKey.load(environment: [:], keyFile: path)
        let sealed = try Vault(masterKey: first).seal(person)
        #expect(try Vault(masterKey: second).open(sealed) == person)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: MasterKeyError.malformed(origin: "SWITCHBOARD_MASTER_KEY")) { try MasterKey.load(environment: ["SWITCHBOARD_MASTER_KEY": "short"], keyFile: path) }
    }

    @Test("a secret file named by SWITCHBOARD_MASTER_KEY_FILE is the key, and the data folder's file is left alone")
    func secretFile() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "switchboard-secret-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let secret = folder + "/master_key"
        try (Data(repeating: 9, count: 32).base64EncodedString() + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        let key = try MasterKey.load(environment: ["SWITCHBOARD_MASTER_KEY_FILE": secret], keyFile: folder + "/master.key")
        let sealed = try Vault(masterKey: MasterKey(SymmetricKey(data: Data(repeating: 9, count: 32)))).seal(person)
        #expect(try Vault(masterKey: key).open(sealed) == person)
        #expect(!FileManager.default.fileExists(atPath: folder + "/master.key"))
        #expect(throws: MasterKeyError.cannotRead(path: folder + "/none")) {
            try MasterKey.load(environment: ["SWITCHBOARD_MASTER_KEY_FILE": folder + "/none"], keyFile: folder + "/master.key")
        }
    }
}
