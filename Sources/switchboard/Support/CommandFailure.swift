/// Why a command cannot go on. The shell shows it after "Error:", without the usage text that
/// ArgumentParser adds to a `ValidationError` (which, thrown from `run()`, would be the root
/// command's usage and say nothing about the option at fault).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
