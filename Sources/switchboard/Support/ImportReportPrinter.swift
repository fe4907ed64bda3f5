import Campaigns
import Foundation

/// The import report for the terminal, values included (it is the administrator's own file).
enum ImportReportPrinter {
    static func print(_ report: ImportReport) {
        Swift.print("")
        let title = report.dryRun ? "Dry run of \(report.fileName): nothing was stored" : "Imported \(report.fileName)"
        Console.step("\(title) (import \(report.importID.map(String.init) ?? "-"), \(String(format: "%.1f", report.seconds)) s)")
        Swift.print("  encoding \(report.encoding)\(report.encodingConfident ? "" : " (not certain)"), delimiter \(report.delimiter)")
        Swift.print("  columns: " + report.mapping.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        var rows = [
            ["rows read", Console.number(report.rowsRead)],
            [report.dryRun ? "would be new contacts" : "new contacts", Console.number(report.inserted)],
            [report.dryRun ? "would be updated" : "updated contacts", Console.number(report.updated)],
            ["numbers repaired", Console.number(report.repaired)],
            ["rejected", Console.number(report.rejected)],
            ["duplicates in the file", Console.number(report.duplicatesInFile)],
            ["already stored", Console.number(report.duplicatesStored)],
            ["consents recorded", Console.number(report.consentsRecorded)],
        ]
        if let queued = report.queued { rows.append(["entered the campaign's queue", Console.number(queued)]) }
        Console.table(["", "lines"], rows)
        for (reason, count) in report.rejectionsByReason.sorted(by: { $0.value > $1.value }).prefix(10) {
            Swift.print("  rejected \(Console.number(count))×: \(reason)")
        }
        for issue in report.samples.prefix(15) {
            Swift.print("  line \(issue.line) \(issue.kind.rawValue): \(issue.display ?? issue.detail)")
        }
        if report.samples.count > 15 { Swift.print("  … the full list: SELECT * FROM import_issues WHERE import_id = \(report.importID ?? 0)") }
        report.warnings.forEach { Swift.print("  warning: \($0)") }
    }
}

/// The line that follows a running import.
enum ImportProgressLine {
    @Sendable static func show(_ progress: ContactImporter.Progress) {
        let share = progress.totalBytes.map { total in total > 0 ? " (\(Console.percent(Double(progress.bytesRead) / Double(total), digits: 0)))" : "" } ?? ""
        Console.progress("read \(Console.number(progress.rowsRead)) rows\(share)")
    }
}
