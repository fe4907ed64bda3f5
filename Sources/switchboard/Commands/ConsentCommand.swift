import ArgumentParser
import Campaigns
import Foundation

/// `switchboard consent …`: consent types, their texts, and the ledger by hand.
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Consent types, their versioned texts, and grants or withdrawals recorded by hand.",
        subcommands: [List.self, Add.self, Revise.self, Grant.self, Withdraw.self, History.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List consent types with the text in force.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let types = try await ConsentStore(workspace.database).all()
            Console.table(["code", "title", "purpose", "version", "text"], types.map { [$0.code, $0.title, $0.purpose.rawValue, "\($0.version)", $0.text] })
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Define a consent type with its text.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Short name: lower-case letters, digits, underscores.") var code: String
        @Option(help: "Title shown to staff.") var title: String
        @Option(help: "processing, telemarketing, marketing, recording, sharing or other.") var purpose: ConsentPurpose
        @Option(help: "The exact words shown or read to the person.") var text: String

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let type = try await ConsentStore(workspace.database).define(code: code, title: title, purpose: purpose, text: text, actor: workspace.actor)
            print("defined \(type.code), version \(type.version)")
        }
    }

    struct Revise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a new version of a consent's text.")
        @OptionGroup var global: GlobalOptions
        @Argument var code: String
        @Option(help: "The new text.") var text: String

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let type = try await ConsentStore(workspace.database).revise(code: code, text: text, actor: workspace.actor)
            print("\(type.code) is at version \(type.version)")
        }
    }

    struct Entry: ParsableArguments {
        @Option(help: "The contact's id.") var contact: Int
        @Option(help: "The consent type's code.") var code: String
        @Option(help: "import, call, web_form, chat, api or manual.") var channel: ConsentChannel = .manual
        @Option(help: "Proof as KEY=VALUE, e.g. form=F-2026-117 (repeatable).") var proof: [KeyValue] = []
        @Option(help: "When the consent ends (ISO 8601, e.g. 2027-12-01T00:00:00Z).") var expires: ISOTime?

        func entry(granted: Bool, version: Int, recordedBy actor: String) -> ConsentEntry {
            ConsentEntry(
                contactID: contact, consentCode: code, version: version, granted: granted, channel: channel,
                proof: Dictionary(proof.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
                recordedBy: actor, recordedAt: Date(), expiresAt: expires?.date)
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a contact gave a consent.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var entry: Entry

        func run() async throws { try await record(granted: true, entry, global) }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a withdrawal; the contact leaves every queue that needs it at once.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var entry: Entry

        func run() async throws { try await record(granted: false, entry, global) }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A contact's consent ledger, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The contact's id.") var contact: Int

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let entries = try await ConsentStore(workspace.database).history(contactID: contact)
            Console.table(
                ["when", "consent", "version", "state", "channel", "by", "proof"],
                entries.map {
                    [ISO8601DateFormatter().string(from: $0.recordedAt), $0.consentCode, "\($0.version)", $0.granted ? "granted" : "withdrawn",
                     $0.channel.rawValue, $0.recordedBy, $0.proof.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
                })
        }
    }

    static func record(granted: Bool, _ entry: Entry, _ global: GlobalOptions) async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let store = ConsentStore(workspace.database)
        guard let type = try await store.find(code: entry.code) else { throw NotFound(.consentType, entry.code) }
        try await store.record([entry.entry(granted: granted, version: type.version, recordedBy: workspace.actor)])
        print("\(granted ? "granted" : "withdrew") \(type.code) (text version \(type.version)) for contact \(entry.contact)")
    }
}

extension ConsentPurpose: ExpressibleByArgument {}
extension ConsentChannel: ExpressibleByArgument {}
