import CSV
import Foundation
import PhoneNumbers

/// A line of the file as it goes into the staging table: a sealed contact, or a rejection.
struct StagedRow: Sendable {
    let line: Int32
    let accepted: Bool
    /// The rejection's reason, or the repairs made; nil for a clean line.
    let detail: String?
    let phoneHash: Data?
    let box: Data?
    let wrappedKey: Data?
    let country: String?
    let lineType: String?
    let timeZone: String?
    let grants: [String]
    /// What the person running the import sees for this line, values included.
    let display: ImportIssue?

    static func rejected(_ issue: ImportIssue) -> StagedRow {
        StagedRow(
            line: Int32(issue.line), accepted: false, detail: issue.detail, phoneHash: nil, box: nil, wrappedKey: nil,
            country: nil, lineType: nil, timeZone: nil, grants: [], display: issue)
    }

    static func accepted(_ row: ParsedRow, vault: Vault) throws -> StagedRow {
        let sealed = try vault.seal(row.personal)
        return StagedRow(
            line: Int32(row.line), accepted: true, detail: row.repair?.detail, phoneHash: vault.phoneHash(row.number.e164),
            box: sealed.box, wrappedKey: sealed.wrappedKey, country: row.number.regionCode,
            lineType: row.number.contactLineType.rawValue, timeZone: row.timeZone, grants: row.grants, display: row.repair)
    }
}

/// Parses and seals a chunk of records on every core, keeping their order.
struct ChunkProcessor: Sendable {
    let parser: RowParser
    let vault: Vault

    func process(_ records: [CSVRecord]) throws -> [StagedRow] {
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, max(1, records.count / 256))
        let results = SliceResults(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (records.count * slice / slices)..<(records.count * (slice + 1) / slices)
            results.store(slice, Result { try records[range].map(stage) })
        }
        return try results.joined()
    }

    private func stage(_ record: CSVRecord) throws -> StagedRow {
        switch parser.parse(record) {
        case .rejected(let issue): .rejected(issue)
        case .accepted(let row): try .accepted(row, vault: vault)
        }
    }
}

/// The slices' results, each written by one worker.
private final class SliceResults: @unchecked Sendable {
    // Safety: each worker writes only its own slot, and `joined` reads after
    // `concurrentPerform` has returned; the lock makes the hand-over visible.
    private var slots: [Result<[StagedRow], any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ slice: Int, _ result: Result<[StagedRow], any Error>) {
        lock.withLock { slots[slice] = result }
    }

    func joined() throws -> [StagedRow] {
        try lock.withLock { try slots.flatMap { try $0?.get() ?? [] } }
    }
}
