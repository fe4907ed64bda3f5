import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Values travel to PostgreSQL and back in the binary format")
struct ValueCodingTests {
    struct Payload: Codable, Equatable, Sendable {
        var name: String
        var tags: [String]
    }

    @Test("scalars, text with Polish letters, NULL")
    func scalars() async throws {
        try await TestDatabase.withFresh { database in
            let when = Date(timeIntervalSince1970: 1_764_000_000.123456)
            let id = UUID()
            let bytes = Data([0, 1, 2, 254, 255])
            let row = try await database.query(
                """
                SELECT \(42)::bigint, \(Int32(7)), \(3.25), \(true), \("Łukasz Żółć"), \(id), \(when),
                       \(bytes), \(String?.none), 12::smallint
                """
            ).single()
            let (integer, small, real, flag, text, uuid, date, data, missing, tiny) = try row.decode(
                (Int, Int32, Double, Bool, String, UUID, Date, Data, String?, Int).self)
            #expect(integer == 42)
            #expect(small == 7)
            #expect(real == 3.25)
            #expect(flag)
            #expect(text == "Łukasz Żółć")
            #expect(uuid == id)
            #expect(abs(date.timeIntervalSince(when)) < 0.000_001)
            #expect(data == bytes)
            #expect(missing == nil)
            #expect(tiny == 12)
        }
    }

    @Test("numeric from avg and sum reads as Double")
    func numeric() async throws {
        try await TestDatabase.withFresh { database in
            let row = try await database.query(
                "SELECT avg(x), sum(x)::numeric, -12345.678::numeric, 0::numeric FROM unnest(\([1, 2, 4])) AS x"
            ).single()
            let (average, total, negative, zero) = try row.decode((Double, Double, Double, Double).self)
            #expect(abs(average - 7.0 / 3.0) < 1e-12)
            #expect(total == 7)
            #expect(abs(negative + 12345.678) < 1e-9)
            #expect(zero == 0)
        }
    }

    @Test("arrays with and without NULLs, as parameters and columns")
    func arrays() async throws {
        try await TestDatabase.withFresh { database in
            let row = try await database.query(
                "SELECT \([1, 2, 3]), \(["a", "ż", ""]), \([Int?.some(1), nil]), \([String]()), array_length(\([5, 6]), 1)"
            ).single()
            #expect(try row.decode([Int].self, at: 0) == [1, 2, 3])
            #expect(try row.decode([String].self, at: 1) == ["a", "ż", ""])
            #expect(try row.decode([Int?].self, at: 2) == [1, nil])
            #expect(try row.decode([String].self, at: 3) == [])
            #expect(try row.decode(Int.self, at: 4) == 2)
        }
    }

    @Test("Codable values as jsonb")
    func json() async throws {
        try await TestDatabase.withFresh { database in
            let payload = Payload(name: "Zażółć", tags: ["a", "b"])
            let row = try await database.query("SELECT \(try JSONB(payload)), \(try JSONB(payload))->>'name'").single()
            #expect(try row.decode(JSONB<Payload>.self, at: 0).value == payload)
            #expect(try row.decode(String.self, at: 1) == "Zażółć")
        }
    }

    @Test("reading NULL or a wrong type names the column")
    func decodingErrors() async throws {
        try await TestDatabase.withFresh { database in
            let row = try await database.query("SELECT NULL::text AS nothing, 'x'::text AS word").single()
            let null = #expect(throws: DatabaseError.self) { try row.decode(String.self, "nothing") }
            #expect(null?.kind == .decoding)
            #expect(null?.column == "nothing")
            let mismatch = #expect(throws: DatabaseError.self) { try row.decode(Int.self, "word") }
            #expect(mismatch?.message.contains("word") == true)
        }
    }

    @Test("an interpolated value can never change the statement")
    func injection() async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE notes (body text)")
            let hostile = "x'); DROP TABLE notes; --"
            try await database.execute("INSERT INTO notes VALUES (\(hostile))")
            let stored = try await database.query("SELECT body FROM notes").column(String.self)
            #expect(stored == [hostile])
        }
    }

    @Test("SQL renders binds as numbered placeholders and nests fragments")
    func rendering() {
        let condition: SQL = "status = \("active")"
        let sql: SQL = "SELECT * FROM campaigns WHERE id = \(7) AND \(condition) ORDER BY \(SQLIdentifier("name"))"
        #expect(sql.description == "SELECT * FROM campaigns WHERE id = $1 AND status = $2 ORDER BY \"name\"")
        #expect(SQLIdentifier(validating: "test_1a") != nil)
        #expect(SQLIdentifier(validating: "x\"; DROP") == nil)
        #expect(SQLIdentifier(validating: "1abc") == nil)
    }
}
