import CSV
import Foundation
import Persistence
import PhoneNumbers

/// Imports contacts from a CSV file in one transaction: every line is parsed, its phone
/// repaired or the line rejected, its personal data sealed, and the result streamed with
/// COPY into a staging table; set-based SQL then de-duplicates, stores contacts and their
/// consents, and fills the campaign's queue. A broken file stores nothing but the record of
/// the attempt; a dry run stores the report and no contact.
///
/// Memory stays bounded: the file is read in chunks of `chunkSize` records.
public struct ContactImporter: Sendable {
    let database: Database
    let vault: Vault
    static let chunkSize = 4096

    public init(database: Database, vault: Vault) {
        self.database = database
        self.vault = vault
    }

    /// How far an import has come.
    public struct Progress: Sendable {
        public let rowsRead: Int
        public let bytesRead: Int
        public let totalBytes: Int?
    }

    /// Imports the file at `path`.
    public func run(path: String, options: ImportOptions, progress: (@Sendable (Progress) -> Void)? = nil) async throws -> ImportReport {
        let name = (path as NSString).lastPathComponent
        return try await run(fileName: name, options: options, progress: progress) { encoding, delimiter throws(CSVError) in
            try CSVReader(path: path, encoding: encoding, delimiter: delimiter)
        }
    }

    /// Imports a file received as bytes (an upload).
    public func run(bytes: [UInt8], fileName: String, options: ImportOptions, progress: (@Sendable (Progress) -> Void)? = nil)
        async throws -> ImportReport
    {
        try await run(fileName: fileName, options: options, progress: progress) { encoding, delimiter throws(CSVError) in
            try CSVReader(bytes: bytes, encoding: encoding, delimiter: delimiter)
        }
    }

    private func run(
        fileName: String, options: ImportOptions, progress: (@Sendable (Progress) -> Void)?,
        open: @escaping @Sendable (TextEncoding?, CSVDelimiter?) throws(CSVError) -> CSVReader
    ) async throws -> ImportReport {
        let vault = self.vault
        let started = Date()
        return try await database.withConnection { connection in
            var job = try ImportJob(
                connection: connection, vault: vault, fileName: fileName, options: options, progress: progress, open: open)
            var report = try job.run()
            report.seconds = Date().timeIntervalSince(started)
            ImportMetrics.record(report)
            try connection.execute(
                "UPDATE imports SET report = \(try JSONB(report.withoutValues)) WHERE id = \(report.importID ?? 0)")
            return report
        }
    }
}

/// One import in progress, on its connection's queue.
struct ImportJob: ~Copyable {
    let connection: Connection
    let vault: Vault
    let fileName: String
    let options: ImportOptions
    let progress: (@Sendable (ContactImporter.Progress) -> Void)?
    var reader: CSVReader

    init(
        connection: Connection, vault: Vault, fileName: String, options: ImportOptions,
        progress: (@Sendable (ContactImporter.Progress) -> Void)?,
        open: (TextEncoding?, CSVDelimiter?) throws(CSVError) -> CSVReader
    ) throws {
        self.connection = connection
        self.vault = vault
        self.fileName = fileName
        self.options = options
        self.progress = progress
        do {
            reader = try open(options.encoding, options.delimiter)
        } catch {
            throw ImportError.unreadable(fileName: fileName, error, importID: nil)
        }
    }

    mutating func run() throws -> ImportReport {
        let consentTypes = try ConsentStore.all(on: connection)
        let header: CSVRecord
        do {
            guard let first = try reader.next() else { throw ImportError.unreadable(fileName: fileName, .emptyFile, importID: nil) }
            header = first
        } catch let error as CSVError {
            throw ImportError.unreadable(fileName: fileName, error, importID: nil)
        }
        let mapping: ColumnMapping
        do {
            mapping = try ColumnMapping(header: header.fields, explicit: options.mapping, consentTypes: consentTypes)
        } catch {
            throw ImportError.mapping(fileName: fileName, error)
        }
        for code in options.fileConsents where !consentTypes.contains(where: { $0.code == code }) {
            throw NotFound(.consentType, code)
        }
        let parser = RowParser(mapping: mapping, phones: try PhoneNumberParser(defaultRegion: options.defaultRegion))
        let campaign = try options.campaignName.map { name in
            guard let campaign = try CampaignStore.find(.name(name), on: connection) else { throw NotFound(.campaign, name) }
            return campaign
        }
        let sourceID = try DataSourceStore.id(named: options.sourceName, on: connection)
        var report = ImportReport(
            fileName: fileName, source: options.sourceName, dryRun: options.dryRun, encoding: reader.encoding, delimiter: reader.delimiter)
        report.mapping = Dictionary(
            zip(header.fields, mapping.fields.map { $0.description }), uniquingKeysWith: { first, _ in first })
        if !reader.encoding.isConfident {
            report.warnings.append(
                "the encoding was not certain (\(reader.encoding.reason)); if names look wrong, import again with the encoding given")
        }
        do {
            try connection.execute("BEGIN")
            let importID = try ImportStaging.begin(
                report: report, sourceID: sourceID, options: options, on: connection)
            report.importID = importID
            try stream(into: &report, processor: ChunkProcessor(parser: parser, vault: vault))
            try ImportStaging(importID: importID, sourceID: sourceID, options: options, connection: connection, vault: vault)
                .apply(to: &report, campaign: campaign)
            try ActivityLog.record(
                actor: options.actor, action: options.dryRun ? "import.dry_run" : "import", subject: "import:\(importID)",
                details: ["source": options.sourceName, "rows": "\(report.rowsRead)", "inserted": "\(report.inserted)",
                          "updated": "\(report.updated)", "rejected": "\(report.rejected)"],
                on: connection)
            try connection.execute("COMMIT")
            return report
        } catch {
            if connection.isInTransaction { _ = try? connection.execute("ROLLBACK") }
            guard let broken = error as? CSVError else { throw error }
            let id = try? ImportStaging.recordFailure(
                report: report, sourceID: sourceID, options: options, reason: "\(broken)", on: connection)
            throw ImportError.unreadable(fileName: fileName, broken, importID: id)
        }
    }

    /// Reads the records in chunks, processes each chunk on every core, and copies the rows
    /// into the staging table.
    private mutating func stream(into report: inout ImportReport, processor: ChunkProcessor) throws {
        var chunk: [CSVRecord] = []
        chunk.reserveCapacity(ContactImporter.chunkSize)
        var lastReport = Date()
        try connection.copy(ImportStaging.copyStatement) { writer in
            func flush(_ records: [CSVRecord]) throws {
                for row in try processor.process(records) {
                    if let issue = row.display { report.note(issue) }
                    try writer.append(
                        row.line, row.accepted, row.detail, row.phoneHash, row.box, row.wrappedKey, row.country, row.lineType,
                        row.timeZone, row.grants)
                }
            }
            while let record = try reader.next() {
                chunk.append(record)
                report.rowsRead += 1
                if chunk.count == ContactImporter.chunkSize {
                    try flush(chunk)
                    chunk.removeAll(keepingCapacity: true)
                    if Date().timeIntervalSince(lastReport) >= 0.5 {
                        progress?(.init(rowsRead: report.rowsRead, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes))
                        lastReport = Date()
                    }
                }
            }
            try flush(chunk)
        }
        progress?(.init(rowsRead: report.rowsRead, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes))
    }
}
