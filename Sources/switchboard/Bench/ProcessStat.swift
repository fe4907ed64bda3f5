import Foundation

/// Another process's CPU time and memory, from /proc.
enum ProcessStat {
    /// User and system CPU seconds the process has used.
    static func cpuSeconds(of pid: pid_t) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name may hold spaces; the fields after its closing parenthesis are fixed.
        guard let close = stat.lastIndex(of: ")") else { throw BenchError.processFigureUnreadable(pid: pid, file: "stat", figure: "the command name") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3 of proc(5), utime 14 and stime 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchError.processFigureUnreadable(pid: pid, file: "stat", figure: "the CPU times")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The most resident memory the process has used, in MiB.
    static func peakResidentMiB(of pid: pid_t) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { throw BenchError.processFigureUnreadable(pid: pid, file: "status", figure: "VmHWM") }
        return kilobytes / 1024
    }
}

extension CommandLine {
    /// This program's own file, to start another copy of it.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
