import Crypto
import Foundation

/// Recording ids that follow from the run and the call's sequence: unique in a database,
/// and the same when a run is replayed into another one.
enum RecordingID {
    static func make(runID: Int, sequence: Int) -> UUID {
        var bytes = Array(SHA256.hash(data: Data("switchboard recording \(runID) \(sequence)".utf8)).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80  // version 8: custom, here a hash
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 9562 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
