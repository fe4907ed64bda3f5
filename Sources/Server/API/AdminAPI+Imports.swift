import Campaigns
import CSV
import Foundation
import Hummingbird
import Persistence

extension AdminAPI {
    /// The largest upload accepted: about two million rows of a typical list.
    static let maximumUploadBytes = 256 * 1024 * 1024

    /// `POST /api/imports?source=…&campaign=…&dryRun=true&encoding=…&delimiter=…&duplicates=…&map=COLUMN=FIELD`
    /// with the CSV file as the body; answers with the import report.
    func registerImports(on api: RouteGroup) {
        api.post("imports", .only(.administrator), doc: Self.importOperation) { request, context in
            let query = request.uri.queryParameters
            guard let source = query.get("source") else { throw RequestError.missingParameter(name: "source", example: "?source=NAME") }
            var mapping: [String: ImportField] = [:]
            for entry in query.getAll("map") {
                guard let equals = entry.lastIndex(of: "="), let field = ImportField(spec: String(entry[entry.index(after: equals)...])) else {
                    throw RequestError.badParameter(name: "map", expected: "COLUMN=FIELD")
                }
                mapping[String(entry[..<equals])] = field
            }
            let options = ImportOptions(
                sourceName: source, campaignName: query.get("campaign"),
                encoding: try query.get("encoding").map(Self.encoding), delimiter: try query.get("delimiter").map(Self.delimiter),
                mapping: mapping, fileConsents: query.getAll("consent"), proof: query.get("proof"),
                duplicates: try query.get("duplicates").map(Self.duplicates) ?? .skip,
                dryRun: query.get("dryRun") == "true", defaultRegion: query.get("region") ?? "PL", actor: context.actor)
            let body = try await request.body.collect(upTo: Self.maximumUploadBytes)
            let report = try await ContactImporter(database: database, vault: vault).run(
                bytes: Array(buffer: body), fileName: query.get("file") ?? "upload.csv", options: options)
            return EditedResponse(status: .created, response: Reply(report))
        }
        api.get("imports/:id", .only(.administrator), doc: .read("A stored import's report, with its first issues", .reference("ImportReport"))) { _, context in
            let id = try context.parameters.require("id", as: Int.self)
            let stored = try await database.query("SELECT report FROM imports WHERE id = \(id)").first
            guard let stored else { throw NotFound(.import, id) }
            var report = try stored.decode(JSONB<ImportReport>.self, at: 0).value
            report.samples = try await database.query(
                "SELECT line, kind, detail FROM import_issues WHERE import_id = \(id) ORDER BY line LIMIT 1000"
            ).map { row in
                let (line, kind, detail) = try row.decode((Int, ImportIssue.Kind, String).self)
                return ImportIssue(line: line, kind: kind, detail: detail)
            }
            return Reply(report)
        }
    }

    static let importOperation = APIOperation(
        "Imports contacts from the CSV file in the body, in one transaction; a dry run stores none",
        query: [
            .init("source", "The data source the contacts come from", required: true),
            .init("campaign", "A campaign whose queue takes the new eligible contacts"),
            .init("dryRun", "Check everything and report; store no contact", schema: .boolean),
            .init("encoding", "The file's encoding (default: detected)", schema: .oneOf(TextEncoding.allCases.map(\.rawValue))),
            .init("delimiter", "The field delimiter (default: detected)", schema: .oneOf(["comma", "semicolon", "tab"])),
            .init("duplicates", "What to do with numbers stored already", schema: .oneOf(["skip", "update"])),
            .init("map", "COLUMN=FIELD, repeatable"), .init("consent", "A consent everyone in the file holds, repeatable"),
            .init("proof", "What proves the file-wide consents"), .init("file", "The file's name, for the report"),
            .init("region", "The country of numbers written without one (default PL)"),
        ],
        body: .csv, responses: [201: .json(.reference("ImportReport"))])

    static func encoding(_ name: String) throws -> TextEncoding {
        guard let encoding = TextEncoding(rawValue: name) else {
            throw RequestError.badParameter(name: "encoding", expected: "one of " + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return encoding
    }

    static func delimiter(_ name: String) throws -> CSVDelimiter {
        switch name {
        case "comma": .comma
        case "semicolon": .semicolon
        case "tab": .tab
        default: throw RequestError.badParameter(name: "delimiter", expected: "comma, semicolon or tab")
        }
    }

    static func duplicates(_ name: String) throws -> ImportOptions.DuplicatePolicy {
        guard let policy = ImportOptions.DuplicatePolicy(rawValue: name) else {
            throw RequestError.badParameter(name: "duplicates", expected: "skip or update")
        }
        return policy
    }
}
