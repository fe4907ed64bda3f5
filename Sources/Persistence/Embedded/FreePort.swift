#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel for a loopback TCP port nobody uses now, or checks a given one: for the
/// embedded cluster, and for servers the benches and tests start.
public enum FreePort {
    public static func find(preferring preferred: Int? = nil) -> Int? {
        if let preferred, bind(port: preferred) != nil { return preferred }
        return bind(port: 0)
    }

    /// Binds a socket to 127.0.0.1:`port`, closes it, and returns the port it got.
    private static func bind(port: Int) -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
