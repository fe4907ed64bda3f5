import ArgumentParser

/// How log records are written.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    /// swift-log's own lines, for a person at a terminal.
    case human
    /// One JSON object a line (`JSONLogHandler`).
    case json
}
