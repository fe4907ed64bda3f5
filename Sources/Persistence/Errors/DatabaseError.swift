/// Everything that can go wrong between Switchboard and PostgreSQL, in one type.
///
/// `description` is safe to log: it never carries query values (a unique violation's detail
/// quotes the duplicate key, a data exception quotes the bad input, and both may be personal
/// data). `debugDescription` adds them, for a developer at a terminal.
public struct DatabaseError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is, independent of the server's wording.
    public enum Kind: String, Sendable, Equatable {
        /// No server answered at the address (wrong host or port, server down).
        case hostUnreachable = "host unreachable"
        /// The server refused the user name or password.
        case authenticationFailed = "authentication failed"
        /// The server runs but the database named in the URL does not exist.
        case databaseMissing = "database missing"
        /// Connecting failed for another reason (bad URL, TLS, too many connections).
        case connectionFailed = "connection failed"
        /// An open connection broke: the server restarted or the network dropped.
        case connectionLost = "connection lost"
        /// The server refused a statement; `sqlState` says why.
        case server = "statement failed"
        /// No connection of the pool became free within the acquire timeout.
        case poolTimeout = "pool timeout"
        /// The pool was shut down.
        case poolClosed = "pool closed"
        /// A column's value could not be read as the Swift type asked for.
        case decoding = "decoding failed"
        /// libpq could not send or read a message.
        case client = "client failure"
    }

    public var kind: Kind
    public var sqlState: SQLState?
    /// The primary message, as the server or libpq worded it.
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        _ kind: Kind, message: String, sqlState: SQLState? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// True when running the same work again may succeed: a transient conflict between
    /// transactions, a broken connection (the pool replaces it), or a busy pool.
    public var isRetryable: Bool {
        switch kind {
        case .connectionLost, .poolTimeout: true
        case .server: sqlState?.isTransient ?? false
        default: false
        }
    }

    /// A serialization failure or a deadlock: the same transaction, run again from its start,
    /// may well succeed.
    public var isTransientConflict: Bool {
        kind == .server && sqlState?.isTransient == true
    }

    /// True when the database is down, unreachable or going away, rather than refusing what
    /// was asked: an answer "try again later" fits, not "you asked wrongly".
    public var isUnavailable: Bool {
        switch kind {
        case .hostUnreachable, .connectionFailed, .connectionLost, .poolTimeout, .poolClosed: true
        case .server: sqlState.map { [.adminShutdown, .crashShutdown, .cannotConnectNow].contains($0) } ?? false
        default: false
        }
    }

    /// Data exceptions (class 22) quote the offending input in their primary message.
    private var messageMayQuoteValues: Bool { sqlState?.errorClass == "22" }

    public var description: String {
        var text = "database error: \(kind.rawValue)"
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        if !messageMayQuoteValues { text += ": \(message)" }
        if let table { text += " (table \(table)" + (column.map { ", column \($0)" } ?? "") + ")" }
        if let constraint { text += " (constraint \(constraint))" }
        if let hint { text += "; \(hint)" }
        if isRetryable { text += "; it may succeed if retried" }
        return text
    }

    public var debugDescription: String {
        var text = "database error: \(kind.rawValue)"
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        text += ": \(message)"
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        if let constraint { text += "\nCONSTRAINT: \(constraint)" }
        return text
    }
}

extension DatabaseError {
    static func decoding(_ message: String, column: String? = nil) -> DatabaseError {
        DatabaseError(.decoding, message: message, column: column)
    }
}
