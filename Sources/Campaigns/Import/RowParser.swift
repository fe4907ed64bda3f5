import CSV
import Foundation
import PhoneNumbers

/// One accepted line of an import, ready to be sealed.
struct ParsedRow: Sendable {
    let line: Int
    let personal: PersonalData
    let number: PhoneNumber
    let timeZone: String
    /// Consent codes the row says were given.
    let grants: [String]
    let repair: ImportIssue?
}

/// Turns a record of the file into a contact, or into the reason it cannot be one.
/// Reasons never quote the file's values; the `display` text of an issue may.
struct RowParser: Sendable {
    let mapping: ColumnMapping
    let phones: PhoneNumberParser

    enum Outcome: Sendable {
        case accepted(ParsedRow)
        case rejected(ImportIssue)
    }

    func parse(_ record: CSVRecord) -> Outcome {
        let line = record.line
        guard record.fields.count == mapping.fields.count else {
            return reject(line, "\(record.fields.count) fields where the header has \(mapping.fields.count)")
        }
        var first = "", last = "", phoneCell = "", email: String?, zone: String?
        var grants: [String] = []
        var custom: [String: String] = [:]
        var changes: [String] = []
        for (field, raw) in zip(mapping.fields, record.fields) {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch field {
            case .firstName: first = value
            case .lastName: last = value
            case .fullName:
                if let space = value.lastIndex(of: " ") {
                    first = String(value[..<space]).trimmingCharacters(in: .whitespaces)
                    last = String(value[value.index(after: space)...])
                } else {
                    first = value
                }
            case .phone: phoneCell = value
            case .email:
                if value.isEmpty { break }
                if Self.looksLikeEmail(value) {
                    email = value
                } else {
                    changes.append("removed an invalid e-mail address")
                }
            case .timeZone:
                if value.isEmpty { break }
                guard TimeZone(identifier: value) != nil else { return reject(line, "the time zone is not an IANA zone name") }
                zone = value
            case .consent(let code):
                switch Self.yesNo(value) {
                case true?: grants.append(code)
                case false?: break
                case nil: return reject(line, "the consent column for \"\(code)\" holds neither yes nor no")
                }
            case .custom(let name):
                if !value.isEmpty { custom[name] = value }
            case .ignore:
                break
            }
        }
        guard first.count <= 200, last.count <= 200 else { return reject(line, "a name is longer than 200 characters") }
        guard !phoneCell.isEmpty else { return reject(line, "the phone number is empty") }
        switch phones.parse(phoneCell) {
        case .failure(let error):
            return .rejected(ImportIssue(line: line, kind: .rejected, detail: "phone: \(error)", display: "phone \"\(phoneCell)\": \(error)"))
        case .success(let repair):
            changes += repair.changes
            let number = repair.number
            let issue = changes.isEmpty
                ? nil
                : ImportIssue(
                    line: line, kind: .repaired, detail: changes.joined(separator: "; "),
                    display: "\"\(phoneCell)\" → \(number.e164): " + changes.joined(separator: "; "))
            return .accepted(
                ParsedRow(
                    line: line,
                    personal: PersonalData(firstName: first, lastName: last, phone: number.e164, email: email, fields: custom),
                    number: number, timeZone: zone ?? number.timeZone, grants: grants, repair: issue))
        }
    }

    private func reject(_ line: Int, _ reason: String) -> Outcome {
        .rejected(ImportIssue(line: line, kind: .rejected, detail: reason))
    }

    /// Yes, no, or nil for anything else. An empty cell is no.
    static func yesNo(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "tak", "t", "yes", "y", "1", "true", "x", "✓", "✔": true
        case "nie", "n", "no", "0", "false", "": false
        default: nil
        }
    }

    static func looksLikeEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !value.contains(where: { $0.isWhitespace }) && value.count <= 254
    }
}

extension PhoneNumber {
    /// The kind of line the dialer cares about.
    var contactLineType: ContactDraft.LineType {
        switch lineType {
        case .mobile: .mobile
        case .fixed: .fixed
        case .voip: .voip
        default: .unknown
        }
    }
}
