import ArgumentParser
import Campaigns
import Foundation

extension StaffCommand {
    /// `switchboard staff token add|list|revoke`: API tokens for scripts.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token", abstract: "API tokens: a script acts as their member, with the member's roles.",
            subcommands: [Add.self, List.self, Revoke.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Issue a token; it is printed once and never again.")
            @OptionGroup var global: GlobalOptions
            @Argument var login: String
            @Option(help: "What the token is for.") var label: String = "script"

            func run() async throws {
                let workspace = try await Workspace.open(global)
                defer { workspace.close() }
                if workspace.staffMember?.login != login { try StaffCommand.requireAdministrator(workspace) }
                let (token, record) = try await APITokenStore(workspace.database).issue(for: login, label: label, actor: workspace.actor)
                print(token)
                FileHandle.standardError.write(Data("token \(record.id) for \(login) (\(record.label)); keep it: it is not shown again\n".utf8))
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List tokens (never the tokens themselves).")
            @OptionGroup var global: GlobalOptions
            @Argument var login: String?

            func run() async throws {
                let workspace = try await Workspace.open(global)
                defer { workspace.close() }
                let tokens = try await APITokenStore(workspace.database).list(login: login)
                Console.table(
                    ["id", "login", "label", "issued", "last used", "revoked"],
                    tokens.map { ["\($0.id)", $0.login, $0.label, CalendarDay.text($0.createdAt), CalendarDay.text($0.lastUsedAt), CalendarDay.text($0.revokedAt)] })
            }
        }

        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")
            @OptionGroup var global: GlobalOptions
            @Argument var id: Int

            func run() async throws {
                try await StaffCommand.change(global) { workspace in
                    try await APITokenStore(workspace.database).revoke(id: id, actor: workspace.actor)
                    return "revoked token \(id)"
                }
            }
        }
    }
}
