import ArgumentParser
import Campaigns
import Foundation

/// `switchboard script …`: call scripts as JSON files, versioned in the database.
struct ScriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Call scripts: check, import and export them as JSON (keep them in git).",
        subcommands: [List.self, Check.self, Import.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List scripts and their latest versions.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            Console.table(["script", "latest version"], try await ScriptStore(workspace.database).all().map { [$0.name, "\($0.version)"] })
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a script file without saving it.")
        @Argument(help: "The script's JSON file.") var file: String

        func run() throws {
            let script = try ScriptFile.read(file)
            let problems = script.problems()
            guard !problems.isEmpty else {
                print("\(script.name): \(script.steps.count) steps, \(script.outcomes.count) outcomes, no problems")
                return
            }
            problems.forEach { print("✗ \($0)") }
            throw ExitCode.failure
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a script file as the next version of its script.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The script's JSON file.") var file: String

        func run() async throws {
            let script = try ScriptFile.read(file)
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let saved = try await ScriptStore(workspace.database).save(script, actor: workspace.actor)
            print("\(script.name): version \(saved.version)")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a script version as JSON.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "The version (default: the latest).") var version: Int?

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let store = ScriptStore(workspace.database)
            let found = if let version { try await store.version(name: name, version: version) } else { try await store.latest(name: name) }
            guard let found else { throw NotFound(.script, name) }
            print(try ScriptFile.json(found.script))
        }
    }
}

/// Scripts on disk: pretty JSON with sorted keys, so a diff in git shows what changed.
enum ScriptFile {
    static func read(_ path: String) throws -> CallScript {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError.unreadableFile(path) }
        do {
            return try JSONDecoder().decode(CallScript.self, from: data)
        } catch let error as DecodingError {
            throw CommandError.notAScript(path: path, reason: describe(error))
        }
    }

    static func json(_ script: CallScript) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(script), as: UTF8.self)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\(context.debugDescription) at \(path(context))"
        @unknown default: "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "the top" : context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
