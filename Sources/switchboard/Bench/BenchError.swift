import Campaigns

/// Why a benchmark could not measure what it set out to.
enum BenchError: DomainError, Hashable {
    case cannotWrite(String)
    case cannotRead(String)
    /// A program the bench runs beside itself (pgbench) is not installed.
    case programMissing(String)
    /// pgbench ran but its output held no TPS line; `output` is what it printed.
    case noTPS(output: String)
    /// /proc did not tell the figure of another process.
    case processFigureUnreadable(pid: Int32, file: String, figure: String)
    case noFreePort
    case viewersNotReady(ready: Int, of: Int)
    case noEvents(withinSeconds: Int)

    var kind: FailureKind { .internal }

    var code: String {
        "bench." + {
            switch self {
            case .cannotWrite: "cannot_write"
            case .cannotRead: "cannot_read"
            case .programMissing: "program_missing"
            case .noTPS: "no_tps"
            case .processFigureUnreadable: "process_figure_unreadable"
            case .noFreePort: "no_free_port"
            case .viewersNotReady: "viewers_not_ready"
            case .noEvents: "no_events"
            }
        }()
    }

    var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        case .cannotRead(let path): "cannot read \(path)"
        case .programMissing(let name): "\(name) is not installed (Debian: apt-get install postgresql-client)"
        case .noTPS(let output): "pgbench did not report its TPS:\n\(output)"
        case .processFigureUnreadable(let pid, let file, let figure): "cannot read \(figure) in /proc/\(pid)/\(file)"
        case .noFreePort: "no free TCP port on 127.0.0.1 for the server"
        case .viewersNotReady(let ready, let total): "only \(ready) of \(total) viewers got their first figures within a minute"
        case .noEvents(let seconds): "no event reached the viewers within \(seconds) s of starting the dialer"
        }
    }
}
