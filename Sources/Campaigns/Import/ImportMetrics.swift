import Metrics

/// What imports tell the operator: rows by what became of them, and the speed of the
/// latest import. A dry run counts like a real one: it reads and checks every row.
enum ImportMetrics {
    static func record(_ report: ImportReport) {
        for (outcome, rows) in [("inserted", report.inserted), ("updated", report.updated), ("rejected", report.rejected),
                                ("duplicate", report.duplicates)] {
            Counter(label: "switchboard_import_rows_total", dimensions: [("outcome", outcome)]).increment(by: rows)
        }
        Gauge(label: "switchboard_import_rows_per_second").record(report.seconds > 0 ? Double(report.rowsRead) / report.seconds : 0)
        Metrics.Timer(label: "switchboard_import_duration_seconds").recordSeconds(report.seconds)
    }
}
