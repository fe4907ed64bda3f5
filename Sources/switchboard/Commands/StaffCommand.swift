import ArgumentParser
import Campaigns
import Foundation

/// `switchboard staff …`: the people who sign in, their roles, passwords and API tokens.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Staff accounts: administrators, supervisors and agents; passwords and API tokens.",
        discussion: """
            Changes need an administrator (--operator LOGIN or SWITCHBOARD_OPERATOR), except the very first account,
            which must be one. Passwords are read from the terminal, or one line of standard input; never from the
            command line.
            """,
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Passwd.self, Roles.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a member of staff.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login: lower-case letters, digits, dots, dashes, underscores.") var login: String
        @Option(help: "The name others see (default: the login).") var name: String?
        @Option(name: .customLong("role"), help: "administrator, supervisor or agent (repeatable).") var roles: [Role]

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let staff = StaffStore(workspace.database)
            let first = try await staff.isEmpty()
            if first {
                guard roles.contains(.administrator) else { throw CommandError.firstMemberNotAdministrator }
            } else {
                try StaffCommand.requireAdministrator(workspace)
            }
            let password = try PasswordPrompt.read("Password for \(login)")
            // The first administrator chose their password here; anyone else's is set for them.
            let member = try await staff.add(
                login: login, displayName: name ?? login, roles: roles, password: password, reset: !first, actor: workspace.actor)
            print("added \(member.login) (\(member.roles.map(\.rawValue).joined(separator: ", ")))"
                + (first ? "" : "; they choose their own password at the first sign-in"))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members of staff.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let members = try await StaffStore(workspace.database).all()
            Console.table(
                ["login", "name", "roles", "password changed", "state"],
                members.map { member in
                    [member.login, member.displayName, member.roles.map(\.rawValue).joined(separator: " "),
                     CalendarDay.text(member.passwordChangedAt),
                     member.disabledAt != nil ? "disabled" : (member.lockedUntil.map { $0 > Date() } ?? false) ? "locked" : "active"]
                })
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: its sessions end, its tokens stop working.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String

        func run() async throws {
            try await StaffCommand.change(global) { workspace in
                try await StaffStore(workspace.database).disable(login, actor: workspace.actor)
                return "disabled \(login)"
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled or locked account.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String

        func run() async throws {
            try await StaffCommand.change(global) { workspace in
                try await StaffStore(workspace.database).enable(login, actor: workspace.actor)
                return "enabled \(login)"
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a member's password; they choose their own at the next sign-in (your own: it stays).")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let own = workspace.staffMember?.login == login
            if !own { try StaffCommand.requireAdministrator(workspace) }
            let password = try PasswordPrompt.read("New password for \(login)")
            let staff = StaffStore(workspace.database)
            guard let member = try await staff.find(login: login) else { throw NotFound(.staffMember, login) }
            try await staff.changePassword(of: member.login, to: password, own ? .ownChoice : .reset, actor: workspace.actor)
            print(own ? "changed your password" : "set the password of \(login); they choose their own at the next sign-in")
        }
    }

    struct Roles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a member exactly these roles.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Option(name: .customLong("role"), help: "administrator, supervisor or agent (repeatable).") var roles: [Role]

        func run() async throws {
            try await StaffCommand.change(global) { workspace in
                let member = try await StaffStore(workspace.database).setRoles(roles, of: login, actor: workspace.actor)
                return "\(login) holds \(member.roles.map(\.rawValue).joined(separator: ", "))"
            }
        }
    }

    /// Runs a change of staff accounts as an administrator and prints what it says.
    static func change(_ global: GlobalOptions, _ body: (Workspace) async throws -> String) async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        try requireAdministrator(workspace)
        print(try await body(workspace))
    }

    static func requireAdministrator(_ workspace: Workspace) throws {
        guard workspace.staffMember?.holds(.administrator) == true else {
            throw CommandError.administratorRequired(actingAs: workspace.actor)
        }
    }
}

extension Role: ExpressibleByArgument {}
