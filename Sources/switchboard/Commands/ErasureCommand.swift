import ArgumentParser
import Campaigns
import Foundation

/// `switchboard erasure …`: the right to erasure (GDPR art. 17) with four eyes.
struct ErasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erasure",
        abstract: "Erasure requests: filed by anyone, confirmed or rejected by a supervisor other than who filed them.",
        discussion: """
            A pending request takes the contact out of every queue at once. Confirming destroys the person's data: the
            contact's key, fields and history, recordings and their files, consent proofs, the keyed hash of the number
            (which stays on the do-not-call list when the person objected to marketing); calls stay as anonymous figures.
            Deciding needs a supervisor: --operator LOGIN or SWITCHBOARD_OPERATOR.
            """,
        subcommands: [Request.self, List.self, Undo.self, Confirm.self, Reject.self, Certificate.self])

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "File a request to erase a contact's data.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The contact's id.") var contact: Int
        @Option(help: "How and when the person asked (kept sealed with their data, and gone with it).") var reason: String

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let request = try await ErasureCommand.store(workspace).request(contactID: contact, reason: reason, actor: workspace.actor)
            print("filed erasure request \(request.id) for contact \(contact); it left every queue and waits for a supervisor")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The pending requests (or every request).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Every request, whatever its status.") var all = false

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let entries = try await ErasureCommand.store(workspace).list(status: all ? nil : .pending)
            Console.table(
                ["id", "contact", "name", "status", "asked by", "asked", "decided by", "last change"],
                entries.map { entry in
                    [
                        "\(entry.request.id)", "\(entry.request.contactID)", entry.contactName ?? "(erased)", entry.request.status.rawValue,
                        entry.requestedByName ?? entry.request.requestedBy, ISO8601DateFormatter().string(from: entry.request.requestedAt),
                        entry.decidedByName ?? entry.request.decidedBy ?? "",
                        entry.lastChangeAt.map { ISO8601DateFormatter().string(from: $0) + " (\(entry.lastChangeOrigin ?? ""))" } ?? "",
                    ]
                })
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo a pending request: the contact may be called again.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int

        func run() async throws { try await ErasureCommand.decide(id, .undo, note: nil, global) }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a request, as a supervisor other than who filed it: the data is destroyed.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int

        func run() async throws { try await ErasureCommand.decide(id, .confirm, note: nil, global) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a request, as a supervisor other than who filed it, saying why.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int
        @Option(help: "Why (for instance, a legal obligation to keep the data; kept sealed with the person's data).") var reason: String

        func run() async throws { try await ErasureCommand.decide(id, .reject, note: reason, global) }
    }

    struct Certificate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The written confirmation of deletion for the person.")
        @OptionGroup var global: GlobalOptions
        @Argument var id: Int
        @Option(help: "pl or en.") var language: ErasureCertificate.Language = .pl

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let entry = try await ErasureCommand.store(workspace).find(id: id)
            guard let certificate = ErasureCertificate(entry) else { throw ErasureError.alreadyDecided(id: id, status: entry.request.status) }
            print(certificate.plainText(language), terminator: "")
        }
    }

    static func store(_ workspace: Workspace) -> ErasureStore {
        ErasureStore(workspace.database, vault: workspace.vault, register: workspace.erasureRegister)
    }

    static func decide(_ id: Int, _ decision: ErasureRequest.Decision, note: String?, _ global: GlobalOptions) async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let entry = try await store(workspace).decide(id, decision, note: note, by: workspace.actor, roles: workspace.staffMember?.roles ?? [])
        switch entry.request.status {
        case .confirmed:
            let report = entry.report ?? ErasureReport()
            print(
                "erased contact \(entry.request.contactID): its data, \(report.historyEntries) history entries, \(report.recordings) recordings "
                    + "(\(report.recordingFilesDeleted) files deleted), \(report.consentProofs) consent proofs; "
                    + "\(report.callsKeptAnonymous) calls kept as anonymous figures"
                    + (report.phoneHashKeptOnDoNotCall ? "; the number's keyed hash stays on the do-not-call list (the person objected)" : ""))
        case .undone: print("undid erasure request \(id): contact \(entry.request.contactID) may be called again")
        case .rejected: print("rejected erasure request \(id)")
        case .pending: print("erasure request \(id) is pending")
        }
    }
}

extension ErasureCertificate.Language: ExpressibleByArgument {}
