import ArgumentParser
import Foundation
import Campaigns
import Logging
import Persistence

/// Options every command that touches the database shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the embedded database, the master key and recordings.")
    var dataFolder: String = ProcessInfo.processInfo.environment["SWITCHBOARD_DATA"] ?? ".switchboard"

    @Option(name: .customLong("database-url"), help: "A PostgreSQL URL; default: $DATABASE_URL, else the embedded database.")
    var givenDatabaseURL: String?

    /// The server to use: the option, else DATABASE_URL, else nil for the embedded one.
    var databaseURL: String? {
        givenDatabaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Where the database is: the URL given, else the embedded cluster.
    var databaseLocation: DatabaseLocation {
        DatabaseLocation(url: databaseURL, otherwise: embeddedCluster)
    }

    /// Where confirmed erasures are noted, outside the database: `SWITCHBOARD_ERASURE_REGISTER`,
    /// else `erasure-register` in the data folder, beside the master key.
    var erasureRegister: ErasureRegister {
        ErasureRegister(
            path: ProcessInfo.processInfo.environment["SWITCHBOARD_ERASURE_REGISTER"].flatMap { $0.isEmpty ? nil : $0 }
                ?? absoluteDataFolder + "/erasure-register")
    }

    /// The embedded cluster, in the data folder's `postgres` folder.
    var embeddedCluster: EmbeddedCluster {
        EmbeddedCluster(folder: dataFolder + "/postgres", logger: logger)
    }

    @Option(
        name: .customLong("operator"),
        help: "The staff login the command acts as, in the activity log (default: $SWITCHBOARD_OPERATOR, else the system user's name when a member of staff has it as login).")
    var givenOperator: String?

    /// The staff login given for the command, if any.
    var operatorLogin: String? {
        givenOperator ?? ProcessInfo.processInfo.environment["SWITCHBOARD_OPERATOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .warning

    @Option(name: .customLong("log-format"), help: "human, or json for one JSON object a line (level, time, label, message, metadata).")
    var logFormat: LogFormat = .human

    /// The data folder as an absolute path.
    var absoluteDataFolder: String {
        dataFolder.hasPrefix("/") ? dataFolder : FileManager.default.currentDirectoryPath + "/" + dataFolder
    }

    /// The logger every part of the command is handed, on standard error.
    var logger: Logger {
        var logger =
            switch logFormat {
            case .human: Logger(label: "switchboard")
            case .json: Logger(label: "switchboard") { JSONLogHandler(label: $0) }
            }
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
