import CLibPQ
import Logging

/// One open libpq connection.
///
/// Every call blocks until PostgreSQL answers, so a `Connection` is only ever handed to a
/// closure that runs on the connection's own dispatch queue (see `Database`); it is not
/// `Sendable` and must not escape that closure.
public final class Connection {
    /// The libpq handle; reached only from the connection's queue.
    let handle: OpaquePointer
    let logger: Logger
    private let noticeSink: NoticeSink
    /// Set while the connection serves a task that may be cancelled.
    var isCancelled: (() -> Bool)?

    /// Opens a connection. Blocks: call it on a dispatch queue, never on a Swift concurrency thread.
    init(_ configuration: DatabaseConfiguration, applicationName: String? = nil, logger: Logger) throws(DatabaseError) {
        // libpq reads anything else as a database name on the local socket, a puzzling failure.
        guard configuration.isConnectionString else {
            throw DatabaseError(
                .connectionFailed, message: "the database URL is neither a postgresql:// URL nor libpq's key=value settings",
                hint: "write DATABASE_URL as postgresql://user:password@host:5432/database")
        }
        // Our defaults come first so that the URL, expanded from the first `dbname`, can
        // override them; a second `dbname` is a plain database name that overrides the URL's;
        // the encoding comes last because every text we send and read is UTF-8.
        var settings: [(String, String)] = [
            ("application_name", applicationName ?? configuration.applicationName),
            ("connect_timeout", "10"),
            ("dbname", configuration.url),
        ]
        if let databaseName = configuration.databaseName { settings.append(("dbname", databaseName)) }
        settings.append(("client_encoding", "UTF8"))
        let handle = withCStringArray(settings.map(\.0)) { keywords -> OpaquePointer? in
            withCStringArray(settings.map(\.1)) { values -> OpaquePointer? in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        guard let handle else {
            throw DatabaseError(.client, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let error = Self.connectError(message: Self.errorMessage(of: handle))
            PQfinish(handle)
            throw error
        }
        self.handle = handle
        self.logger = logger
        self.noticeSink = NoticeSink(logger: logger)
        PQsetNoticeReceiver(handle, noticeReceiver, Unmanaged.passUnretained(noticeSink).toOpaque())
    }

    deinit {
        PQfinish(handle)
    }

    /// False once the connection broke (server restart, network); the pool then reconnects.
    var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Whether a transaction is open (or failed and not yet rolled back) on this connection.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    public func query(_ sql: SQL) throws(DatabaseError) -> QueryResult {
        try checkCancellation()
        let (text, binds) = sql.rendered
        let result = withBinds(binds) { types, values, lengths, formats -> OpaquePointer? in
            PQexecParams(handle, text, Int32(binds.count), types, values, lengths, formats, 1)
        }
        return try consume(result)
    }

    /// Fails with the server's "canceled" code when the task this connection serves was cancelled.
    func checkCancellation() throws(DatabaseError) {
        if isCancelled?() == true {
            throw DatabaseError(.server, message: "canceling statement due to user request", sqlState: .queryCanceled)
        }
    }

    /// Runs one statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ sql: SQL) throws(DatabaseError) -> Int {
        try query(sql).rowsAffected
    }

    /// Runs a script of several statements with no parameters, such as a migration file.
    /// This is the one place that uses the simple query protocol (`PQexec`): the extended
    /// protocol refuses more than one statement, and a script from the package carries no values.
    func executeScript(_ script: String) throws(DatabaseError) {
        // PQexec runs the statements in order and returns the last one's result, or the
        // error that stopped the script.
        let result: OpaquePointer? = PQexec(handle, script)
        defer { PQclear(result) }
        try check(result)
    }

    /// Checks a result, copies its rows out and frees it.
    func consume(_ result: OpaquePointer?) throws(DatabaseError) -> QueryResult {
        defer { PQclear(result) }
        try check(result)
        return copyRows(of: result!)
    }

    /// The one place that turns a libpq result status into an error.
    func check(_ result: OpaquePointer?) throws(DatabaseError) {
        guard let result else {
            throw connectionError()
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_COPY_IN, PGRES_COPY_OUT,
            PGRES_EMPTY_QUERY, PGRES_PIPELINE_SYNC:
            return
        case PGRES_PIPELINE_ABORTED:
            throw DatabaseError(.server, message: "not run: an earlier statement of the pipeline failed")
        default:
            throw error(of: result)
        }
    }

    /// The error a failed result carries, with the server's fields.
    private func error(of result: OpaquePointer) -> DatabaseError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let message = field(CLIBPQ_DIAG_MESSAGE_PRIMARY)
            ?? String(cString: PQresultErrorMessage(result)).trimmingWhitespace()
        return DatabaseError(
            isOpen ? .server : .connectionLost,
            message: message,
            sqlState: field(CLIBPQ_DIAG_SQLSTATE).map(SQLState.init(rawValue:)),
            detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT),
            constraint: field(CLIBPQ_DIAG_CONSTRAINT_NAME),
            table: field(CLIBPQ_DIAG_TABLE_NAME),
            column: field(CLIBPQ_DIAG_COLUMN_NAME)
        )
    }

    /// The error of a call that got no result at all: the connection broke, or libpq failed.
    func connectionError() -> DatabaseError {
        DatabaseError(isOpen ? .client : .connectionLost, message: Self.errorMessage(of: handle))
    }

    static func errorMessage(of handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingWhitespace()
    }

    /// Sorts a failed connection attempt by what the user should fix.
    static func connectError(message: String) -> DatabaseError {
        let lowered = message.lowercased()
        let kind: DatabaseError.Kind
        let hint: String
        if lowered.contains("authentication failed") || lowered.contains("no password supplied")
            || lowered.contains("no pg_hba.conf entry") || lowered.contains("password")
            || (lowered.contains("role") && lowered.contains("does not exist"))
        {
            kind = .authenticationFailed
            hint = "check the user name and password in DATABASE_URL"
        } else if lowered.contains("database") && lowered.contains("does not exist") {
            kind = .databaseMissing
            hint = "create the database (createdb), or name an existing one in DATABASE_URL"
        } else if lowered.contains("connection refused") || lowered.contains("could not translate host name")
            || lowered.contains("no such file or directory") || lowered.contains("timeout expired")
            || lowered.contains("network is unreachable") || lowered.contains("no route to host")
        {
            kind = .hostUnreachable
            hint = "is PostgreSQL running at that address? Check DATABASE_URL, or unset it to use the embedded database"
        } else {
            kind = .connectionFailed
            hint = "check DATABASE_URL"
        }
        return DatabaseError(kind, message: message, hint: hint)
    }
}

@available(*, unavailable, message: "a Connection lives on its own dispatch queue; use it inside Database's closures")
extension Connection: Sendable {}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
