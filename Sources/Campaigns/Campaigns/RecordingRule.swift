import Persistence

/// A campaign may record its calls only when people are told or asked: it requires a
/// consent for recording, or its script asks for one, or a step of the script discloses it.
enum RecordingRule {
    static func check(_ campaign: Campaign, on connection: Connection) throws {
        guard campaign.recording else { return }
        let recordingConsents = Set(
            try connection.query("SELECT code FROM consent_types WHERE purpose = 'recording'").column(String.self))
        if !recordingConsents.isDisjoint(with: campaign.requiredConsents) { return }
        guard let scriptID = campaign.scriptID, let script = try ScriptStore.version(id: scriptID, on: connection)?.script else {
            throw violation(campaign)
        }
        let asks = script.steps.contains { if case .consent(let code, _, _) = $0.kind { recordingConsents.contains(code) } else { false } }
        guard asks || script.disclosesRecording else { throw violation(campaign) }
    }

    private static func violation(_ campaign: Campaign) -> CampaignError {
        .recordingUndisclosed(campaign: campaign.name)
    }
}
