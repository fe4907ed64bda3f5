import ArgumentParser
import Campaigns
import Foundation
import PhoneNumbers

/// `switchboard dnc …`: the do-not-call list.
struct DoNotCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnc", abstract: "The do-not-call list (kept as keyed hashes of the numbers).", subcommands: [Add.self, Count.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a contact's number, or numbers read from standard input (one per line; never from the command line, which others can see).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A stored contact's id.") var contact: Int?
        @Flag(help: "Read numbers from standard input.") var stdin = false
        @Option(help: "objection, manual or regulator.") var reason: DoNotCallList.Reason = .manual

        func validate() throws {
            guard (contact != nil) != stdin else { throw ValidationError("give --contact ID or --stdin") }
        }

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let list = DoNotCallList(workspace.database, vault: workspace.vault)
            if let contact {
                try await list.add(contactID: contact, reason: reason, actor: workspace.actor)
                print("listed contact \(contact)'s number")
                return
            }
            let parser = try PhoneNumberParser()
            var added = 0
            while let line = readLine() {
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                switch parser.parse(line) {
                case .success(let repair):
                    try await list.add(phone: repair.number.e164, reason: reason, actor: workspace.actor)
                    added += 1
                case .failure(let error):
                    print("skipped a line: \(error)")
                }
            }
            print("listed \(added) numbers")
        }
    }

    struct Count: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How many numbers are listed.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            print(try await DoNotCallList(workspace.database, vault: workspace.vault).count())
        }
    }
}

extension DoNotCallList.Reason: ExpressibleByArgument {}
