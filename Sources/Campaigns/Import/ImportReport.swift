import CSV
import Foundation

/// What an import did, line by line where it matters: stored with the import (without
/// values from the file) and printed for the person who ran it.
public struct ImportReport: Sendable, Codable {
    public var importID: Int?
    public var fileName: String
    public var source: String
    public var dryRun: Bool
    public var encoding: String
    public var encodingConfident: Bool
    public var encodingReason: String
    public var delimiter: String
    public var mapping: [String: String] = [:]
    public var rowsRead = 0
    public var inserted = 0
    public var updated = 0
    public var repaired = 0
    public var rejected = 0
    public var duplicatesInFile = 0
    public var duplicatesStored = 0
    public var consentsRecorded = 0
    /// Contacts that entered the campaign's queue.
    public var queued: Int?
    public var rejectionsByReason: [String: Int] = [:]
    public var repairsByChange: [String: Int] = [:]
    public var warnings: [String] = []
    /// The first issues of each kind, with values for display.
    public var samples: [ImportIssue] = []
    public var seconds = 0.0

    public static let samplesPerKind = 20

    public init(fileName: String, source: String, dryRun: Bool, encoding: EncodingGuess, delimiter: CSVDelimiter) {
        self.fileName = fileName
        self.source = source
        self.dryRun = dryRun
        self.encoding = encoding.encoding.name
        self.encodingConfident = encoding.isConfident
        self.encodingReason = encoding.reason
        self.delimiter = delimiter.name
    }

    public var accepted: Int { inserted + updated }
    public var duplicates: Int { duplicatesInFile + duplicatesStored }

    /// The report as stored: the samples keep their line and reason, not their values.
    public var withoutValues: ImportReport {
        var copy = self
        copy.samples = samples.map { ImportIssue(line: $0.line, kind: $0.kind, detail: $0.detail) }
        return copy
    }

    mutating func note(_ issue: ImportIssue) {
        switch issue.kind {
        case .rejected:
            rejected += 1
            rejectionsByReason[issue.detail.reasonKey, default: 0] += 1
        case .repaired:
            repaired += 1
            for change in issue.detail.split(separator: ";") {
                repairsByChange[String(change).trimmingCharacters(in: .whitespaces), default: 0] += 1
            }
        case .duplicate:
            break
        }
        if samples.filter({ $0.kind == issue.kind }).count < Self.samplesPerKind { samples.append(issue) }
    }
}

extension String {
    /// The reason without the column it names, to count rejections by kind.
    var reasonKey: String { self }
}
