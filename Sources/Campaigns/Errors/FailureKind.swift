/// What kind of failure an error is, as whoever reports it needs to know: the HTTP edge turns
/// it into a status, the command line into an exit status.
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// Something the request names does not exist.
    case notFound = "not found"
    /// The request itself is wrong: a value out of range, a missing field, a broken file.
    case invalid
    /// The request is fine but clashes with what is stored: a name taken, a status move refused.
    case conflict
    /// Nobody is signed in (or the credential is not valid): sign in first.
    case unauthenticated
    /// The one asking may not do this.
    case forbidden
    /// Too many attempts in too short a time: wait, then try again.
    case throttled
    /// Something the program needs is not there now (the database); trying later may work.
    case unavailable
    /// The program's own fault or its set-up's: the detail is for the log, not for the caller.
    case `internal`
}
