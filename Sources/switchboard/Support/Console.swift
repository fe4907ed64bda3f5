import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the command line shows a person: steps, a progress line that rewrites itself on a
/// terminal (and prints line by line into a log), and tables.
enum Console {
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    /// Prints a step at once, also when standard output is a pipe or a file (a server's log).
    static func step(_ text: String) {
        print("• " + text)
        fflush(nil)
    }

    /// Shows `text` as the current progress; on a terminal it replaces the previous one.
    static func progress(_ text: String, final: Bool = false) {
        if isTerminal {
            print("\r\u{1B}[2K  " + text, terminator: final ? "\n" : "")
        } else {
            print("  " + text)
        }
        fflush(nil)
    }

    /// A table with a header row; numbers right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return Double(cell.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")) != nil
                    ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        print("  " + line(header))
        print("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        rows.forEach { print("  " + line($0)) }
    }

    static func number(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, character != "-" { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }

    static func percent(_ value: Double, digits: Int = 1) -> String {
        String(format: "%.\(digits)f%%", value * 100)
    }
}
