/// How many conversations reached a step of the script, and how many ended there.
public struct FunnelStep: Sendable, Hashable, Codable {
    public let step: String
    public let reached: Int
    public let endedHere: Int
}
