/// Where `CSVReader` stands inside a field.
enum ParseState {
    /// Before the first byte of a field.
    case fieldStart
    /// Inside a field that did not start with a quote.
    case unquoted
    /// Inside a quoted field.
    case quoted
    /// Just after a quote inside a quoted field: it closes the field, or a second one follows.
    case afterQuote
}
