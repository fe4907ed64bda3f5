import Foundation
import Persistence
import TestSupport
import Testing

@Suite("COPY FROM STDIN and pipeline mode")
struct CopyAndPipelineTests {
    struct Abort: Error {}

    private func makeTable(_ database: Database) async throws {
        try await database.execute(
            "CREATE TABLE rows (id bigint, name text, at timestamptz, score float8, flag bool, ref uuid, n integer)")
    }

    @Test("100,000 rows in one COPY, every type and NULL intact")
    func copyManyRows() async throws {
        try await TestDatabase.withFresh { database in
            try await makeTable(database)
            let base = Date(timeIntervalSince1970: 1_700_000_000)
            let copied = try await database.withConnection { connection in
                try connection.copy("COPY rows (id, name, at, score, flag, ref, n) FROM STDIN (FORMAT binary)") { writer in
                    for index in 0..<100_000 {
                        try writer.append(
                            index, "Zażółć \(index)", base.addingTimeInterval(Double(index)), Double(index) / 2,
                            index % 2 == 0, index % 10 == 0 ? UUID?.none : UUID(), Int32(index % 7))
                    }
                }
            }
            #expect(copied == 100_000)
            let row = try await database.query(
                """
                SELECT count(*), sum(id), count(ref), max(name), max(at), sum(score), count(*) FILTER (WHERE flag), sum(n)
                FROM rows
                """
            ).single()
            let (count, sum, refs, name, latest, score, flags, n) = try row.decode(
                (Int, Int, Int, String, Date, Double, Int, Int).self)
            #expect(count == 100_000)
            #expect(sum == 99_999 * 100_000 / 2)
            #expect(refs == 90_000)
            #expect(name == "Zażółć 99999")
            #expect(latest == base.addingTimeInterval(99_999))
            #expect(score == Double(99_999 * 100_000 / 2) / 2)
            #expect(flags == 50_000)
            #expect(n == (0..<100_000).reduce(0) { $0 + $1 % 7 })
        }
    }

    @Test("a COPY whose producer throws leaves no row behind and the connection usable")
    func abortedCopy() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            try await makeTable(database)
            await #expect(throws: Abort.self) {
                try await database.withConnection { connection in
                    try connection.copy("COPY rows (id) FROM STDIN (FORMAT binary)") { writer in
                        for index in 0..<50_000 {
                            if index == 40_000 { throw Abort() }
                            try writer.append(index)
                        }
                    }
                }
            }
            #expect(try await database.query("SELECT count(*) FROM rows").single().decode(Int.self, at: 0) == 0)
        }
    }

    @Test("a value of the wrong width is refused by the server, with nothing copied")
    func copyTypeMismatch() async throws {
        try await TestDatabase.withFresh { database in
            try await makeTable(database)
            let error = await #expect(throws: DatabaseError.self) {
                try await database.withConnection { connection in
                    try connection.copy("COPY rows (n) FROM STDIN (FORMAT binary)") { writer in
                        try writer.append(7)  // an Int is a bigint; the column is an integer
                    }
                }
            }
            #expect(error?.kind == .server)
            #expect(try await database.query("SELECT count(*) FROM rows").single().decode(Int.self, at: 0) == 0)
        }
    }

    @Test("pipeline mode returns each statement's result in order")
    func pipeline() async throws {
        try await TestDatabase.withFresh { database in
            try await makeTable(database)
            let results = try await database.withConnection { connection in
                try connection.pipeline([
                    "INSERT INTO rows (id) VALUES (\(1))",
                    "INSERT INTO rows (id) SELECT generate_series(2, \(600))",
                    "SELECT count(*) FROM rows",
                ])
            }
            #expect(results.map(\.rowsAffected) == [1, 599, 1])
            #expect(try results[2].single().decode(Int.self, at: 0) == 600)
        }
    }

    @Test("in a transaction a failing pipeline undoes all of it; the connection stays usable")
    func failingPipeline() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            try await database.execute("CREATE TABLE unique_rows (id bigint PRIMARY KEY)")
            let error = await #expect(throws: DatabaseError.self) {
                try await database.transaction { connection in
                    _ = try connection.pipeline([
                        "INSERT INTO unique_rows VALUES (1)",
                        "INSERT INTO unique_rows VALUES (1)",
                        "INSERT INTO unique_rows VALUES (2)",
                    ])
                }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(try await database.query("SELECT count(*) FROM unique_rows").single().decode(Int.self, at: 0) == 0)
        }
    }

    @Test("many statements go in groups with a sync point each")
    func largePipeline() async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE counters (id bigint)")
            let statements: [SQL] = (0..<2_000).map { "INSERT INTO counters VALUES (\($0))" }
            let results = try await database.transaction { try $0.pipeline(statements, groupSize: 300) }
            #expect(results.count == 2_000)
            #expect(try await database.query("SELECT count(*) FROM counters").single().decode(Int.self, at: 0) == 2_000)
        }
    }
}
