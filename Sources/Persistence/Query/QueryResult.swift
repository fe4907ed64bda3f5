/// The rows a statement returned, copied out of libpq into Swift memory.
public struct QueryResult: Sendable, RandomAccessCollection {
    /// A column's name and type.
    public struct Column: Sendable, Hashable {
        public let name: String
        public let type: SQLType
    }

    public let columns: [Column]
    /// Rows inserted, updated, deleted or copied, as the command tag reports them.
    public let rowsAffected: Int
    /// Every value's bytes, one after another.
    let storage: [UInt8]
    /// Per cell, row by row: where its bytes start in `storage` and how many there are (-1: NULL).
    let cells: [(start: Int32, length: Int32)]
    private let rowCount: Int

    init(columns: [Column], rowCount: Int, rowsAffected: Int, storage: [UInt8], cells: [(start: Int32, length: Int32)]) {
        self.columns = columns
        self.rowCount = rowCount
        self.rowsAffected = rowsAffected
        self.storage = storage
        self.cells = cells
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rowCount }
    public subscript(position: Int) -> Row { Row(result: self, index: position) }

    /// The column's position, or an error that names it.
    func columnIndex(_ name: String) throws -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            throw DatabaseError.decoding("the result has no column \"\(name)\"", column: name)
        }
        return index
    }

    /// The only row; an error when there is none or more than one.
    public func single() throws -> Row {
        guard count == 1 else {
            throw DatabaseError.decoding("expected exactly one row, got \(count)")
        }
        return self[0]
    }

    /// Decodes the first column of every row.
    public func column<T: SQLDecodable>(_: T.Type = T.self) throws -> [T] {
        try map { try $0.decode(T.self, at: 0) }
    }

    /// Decodes every row as a tuple of the given types, column by column.
    public func decode<each T: SQLDecodable>(_ types: (repeat each T).Type) throws -> [(repeat each T)] {
        try map { try $0.decode(types) }
    }
}

/// One row of a `QueryResult`.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int

    /// Decodes the value at a column position.
    public func decode<T: SQLDecodable>(_: T.Type = T.self, at column: Int) throws -> T {
        guard result.columns.indices.contains(column) else {
            throw DatabaseError.decoding("the result has no column \(column)")
        }
        let cell = result.cells[index * result.columns.count + column]
        let type = result.columns[column].type
        do {
            if cell.length < 0 { return try T.sqlNull() }
            let start = Int(cell.start)
            return try T(sqlBytes: SQLBytes(result.storage[start..<start + Int(cell.length)]), type: type)
        } catch var error as DatabaseError {
            error.column = result.columns[column].name
            error.message = "column \"\(result.columns[column].name)\": " + error.message
            throw error
        }
    }

    /// Decodes the value of a named column.
    public func decode<T: SQLDecodable>(_: T.Type = T.self, _ name: String) throws -> T {
        try decode(T.self, at: result.columnIndex(name))
    }

    /// Decodes the row's columns, in order, as a tuple: `try row.decode((Int, String).self)`.
    public func decode<each T: SQLDecodable>(_: (repeat each T).Type) throws -> (repeat each T) {
        var column = 0
        func next<U: SQLDecodable>(_: U.Type) throws -> U {
            defer { column += 1 }
            return try decode(U.self, at: column)
        }
        return (repeat try next((each T).self))
    }
}
