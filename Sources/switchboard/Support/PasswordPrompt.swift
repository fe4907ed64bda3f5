import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A password read from the terminal without echo (asked twice), or one line of standard input
/// for scripts. Never from the command line, where other users can read it.
enum PasswordPrompt {
    static func read(_ prompt: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CommandError.noPassword }
            return line
        }
        let first = try silently(prompt + ": ")
        let second = try silently("Again: ")
        guard first == second else { throw CommandError.passwordsDiffer }
        return first
    }

    /// One line typed with the terminal's echo off.
    private static func silently(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CommandError.noPassword }
        return line
    }
}
