/// Why a simulation cannot start or go on.
public enum SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSettings(String)
    case campaignNotDialing(name: String, status: String)
    case noScript(campaign: String)

    public var description: String {
        switch self {
        case .invalidSettings(let message): message
        case .campaignNotDialing(let name, let status):
            "the campaign \"\(name)\" is \(status); only an active campaign is dialed" + Self.remedy(name: name, status: status)
        case .noScript(let campaign): "the campaign \"\(campaign)\" has no call script"
        }
    }

    private static func remedy(name: String, status: String) -> String {
        switch status {
        case "draft": " (switchboard campaign start \"\(name)\")"
        case "paused": " (switchboard campaign resume \"\(name)\")"
        default: ""
        }
    }
}
