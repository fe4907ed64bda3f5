import Campaigns

/// The shapes of the API's bodies, by name: the components of the OpenAPI description. Each
/// follows the JSON its Swift type writes (keys as the type names them; an optional that is
/// absent is left out, not `null`); a test holds answers of the running API against them.
enum APISchemas {
    static let error = JSONSchema.reference("Error")

    static func list(_ name: String) -> JSONSchema { .array(.reference(name)) }

    static let components: [String: JSONSchema] = [
        "Error": .record(["error": .string, "code": .string]),
        "Campaign": .record(
            [
                "id": .integer, "name": .string, "goal": .string, "scriptID": .integer,
                "status": .oneOf(CampaignStatus.allCases.map(\.rawValue)), "dialMode": .oneOf(DialMode.allCases.map(\.rawValue)),
                "abandonLimit": .number, "maxAttempts": .integer, "maxAttemptsPerDay": .integer, "window": .reference("CallingWindow"),
                "recording": .boolean, "retryPolicy": .dictionary(.integer), "dialSettings": .reference("DialSettings"),
                "requiredConsents": .array(.string),
            ], optional: ["scriptID"]),
        "NewCampaign": .object(
            [
                "name": .string, "goal": .string, "scriptID": .integer, "dialMode": .oneOf(DialMode.allCases.map(\.rawValue)),
                "abandonLimit": .number, "maxAttempts": .integer, "maxAttemptsPerDay": .integer, "window": .reference("CallingWindow"),
                "recording": .boolean, "retryPolicy": .dictionary(.integer), "dialSettings": .reference("DialSettings"),
                "requiredConsents": .array(.string),
            ], required: ["name"]),
        "CallingWindow": .record(["startMinute": .integer, "endMinute": .integer, "days": .array(.integer)]),
        "DialSettings": .record(
            [
                "previewSeconds": .number, "ringTimeoutSeconds": .number, "maxDialRatio": .number, "adjustIntervalSeconds": .number,
                "answeringMachineDetection": .boolean, "safeHarbourSeconds": .number,
            ], optional: ["previewSeconds", "ringTimeoutSeconds", "maxDialRatio", "adjustIntervalSeconds", "answeringMachineDetection", "safeHarbourSeconds"]),
        "CampaignView": .record(["campaign": .reference("Campaign"), "queue": .dictionary(.integer)]),
        "StatusChange": .record(["status": .oneOf(CampaignStatus.allCases.map(\.rawValue))]),
        "Assignment": .record(["agents": .array(.string)]),
        "Agent": .record(["id": .integer, "name": .string, "kind": .oneOf(["simulated", "person"])]),
        "ConsentType": .record(
            ["id": .integer, "code": .string, "title": .string, "purpose": .oneOf(ConsentPurpose.allCases.map(\.rawValue)), "version": .integer, "text": .string]),
        "NewConsentType": .record(["code": .string, "title": .string, "purpose": .oneOf(ConsentPurpose.allCases.map(\.rawValue)), "text": .string]),
        "NewText": .record(["text": .string]),
        "ConsentEntry": .record(
            [
                "contactID": .integer, "consentCode": .string, "version": .integer, "granted": .boolean,
                "channel": .oneOf(ConsentChannel.allCases.map(\.rawValue)), "proof": .dictionary(.string), "recordedBy": .string,
                "recordedAt": .dateTime, "expiresAt": .dateTime,
            ], optional: ["expiresAt"]),
        "LedgerEntry": .record(
            [
                "code": .string, "granted": .boolean, "channel": .oneOf(ConsentChannel.allCases.map(\.rawValue)), "proof": .dictionary(.string),
                "expiresAt": .dateTime,
            ], optional: ["channel", "proof", "expiresAt"]),
        "DataSource": .record(
            [
                "id": .integer, "name": .string, "kind": .oneOf(DataSource.Kind.allCases.map(\.rawValue)), "acquiredOn": .dateTime,
                "previousController": .string, "controllerChangeNotifiedAt": .dateTime,
            ], optional: ["acquiredOn", "previousController", "controllerChangeNotifiedAt"]),
        "NewSource": .record(
            [
                "name": .string, "kind": .oneOf(DataSource.Kind.allCases.map(\.rawValue)), "acquiredOn": .dateTime,
                "previousController": .string, "controllerChangeNotifiedAt": .dateTime,
            ], optional: ["acquiredOn", "previousController", "controllerChangeNotifiedAt"]),
        "ImportReport": .record(
            [
                "importID": .integer, "fileName": .string, "source": .string, "dryRun": .boolean, "encoding": .string,
                "encodingConfident": .boolean, "encodingReason": .string, "delimiter": .string, "mapping": .dictionary(.string),
                "rowsRead": .integer, "inserted": .integer, "updated": .integer, "repaired": .integer, "rejected": .integer,
                "queued": .integer, "rejectionsByReason": .dictionary(.integer), "repairsByChange": .dictionary(.integer),
                "warnings": .array(.string), "samples": list("ImportIssue"), "seconds": .number,
            ],
            optional: [
                "importID", "queued", "mapping", "rejectionsByReason", "repairsByChange", "warnings", "samples", "encodingConfident",
                "encodingReason", "seconds", "updated", "repaired", "rejected", "inserted",
            ]),
        "ImportIssue": .record(
            ["line": .integer, "kind": .oneOf(["rejected", "repaired", "duplicate"]), "detail": .string, "display": .string], optional: ["display"]),
        "ExportFilter": .record(
            [
                "campaign": .string, "source": .string, "consent": .string, "consentGranted": .boolean, "lastOutcome": .string,
                "addedFrom": .dateTime, "addedBefore": .dateTime,
            ], optional: ["campaign", "source", "consent", "consentGranted", "lastOutcome", "addedFrom", "addedBefore"]),
        "SavedScript": .record(["id": .integer, "name": .string, "version": .integer]),
        "CallScript": .record(["name": .string, "start": .string, "steps": list("ScriptStep")]),
        "ScriptStep": .record(
            [
                "id": .string, "disclosure": .boolean, "say": .string, "next": .string, "ask": .string, "answers": list("ScriptAnswer"),
                "consent": .string, "granted": .string, "refused": .string, "outcome": .string, "label": .string, "success": .boolean,
            ], optional: ["disclosure", "say", "next", "ask", "answers", "consent", "granted", "refused", "outcome", "label", "success"]),
        "ScriptAnswer": .record(["label": .string, "next": .string, "weight": .number], optional: ["weight"]),
        "ScriptProblems": .record(["error": .string, "problems": .array(.string)]),
        "Listing": .record(
            ["contact": .integer, "phone": .string, "reason": .oneOf(DoNotCallList.Reason.allCases.map(\.rawValue))],
            optional: ["contact", "phone", "reason"]),
        "Listed": .record(["listed": .integer]),
        "ActivityEntry": .record(
            ["at": .dateTime, "actor": .string, "action": .string, "subject": .string, "details": .dictionary(.string)], optional: ["subject"]),
        "StaffMember": .record(
            [
                "id": .integer, "login": .string, "displayName": .string, "roles": .array(.oneOf(Role.allCases.map(\.rawValue))),
                "passwordChangedAt": .dateTime, "passwordReset": .boolean, "lockedUntil": .dateTime, "disabledAt": .dateTime,
            ], optional: ["lockedUntil", "disabledAt"]),
        "NewMember": .record(
            ["login": .string, "displayName": .string, "roles": .array(.oneOf(Role.allCases.map(\.rawValue))), "password": .string]),
        "Roles": .record(["roles": .array(.oneOf(Role.allCases.map(\.rawValue)))]),
        "NewPassword": .record(["password": .string]),
        "OwnPassword": .record(["current": .string, "new": .string]),
        "NewToken": .record(["label": .string], optional: ["label"]),
        "Token": .record(
            ["id": .integer, "login": .string, "label": .string, "createdAt": .dateTime, "lastUsedAt": .dateTime, "revokedAt": .dateTime],
            optional: ["lastUsedAt", "revokedAt"]),
        "IssuedToken": .record(["token": .string, "record": .reference("Token")]),
        "Me": .record(["member": .reference("StaffMember"), "mustChangePassword": .boolean, "csrfToken": .string], optional: ["csrfToken"]),
        "CampaignFigures": .record(
            [
                "campaignID": .integer, "from": .dateTime, "to": .dateTime, "dialed": .integer, "humanAnswers": .integer, "machines": .integer,
                "busy": .integer, "noAnswer": .integer, "invalid": .integer, "connected": .integer, "abandoned": .integer, "successes": .integer,
                "contacts": .integer, "eligibleLeft": .integer, "talkSeconds": .number, "wrapUpSeconds": .number, "agentBusySeconds": .number,
                "agentAvailableSeconds": .number, "abandonRate24h": .number, "abandonRate30d": .number, "finishedPerHour": .number,
                "abandonRate": .number, "conversion": .number, "contactsPerHour": .number, "averageTalkSeconds": .number,
                "averageWrapUpSeconds": .number, "averageHandleSeconds": .number, "occupancy": .number, "forecastFinish": .dateTime,
                "dialLevel": .number,
            ], optional: ["forecastFinish", "dialLevel"]),
        "FunnelStep": .record(["step": .string, "reached": .integer, "endedHere": .integer]),
        "AgentFigures": .record(
            ["agentID": .integer, "name": .string, "connected": .integer, "successes": .integer, "talkSeconds": .number, "wrapUpSeconds": .number]),
        "Recording": .record(
            [
                "id": .formatted("uuid"), "callID": .integer, "campaign": .string, "agent": .string, "outcome": .string, "startedAt": .dateTime,
                "durationMilliseconds": .integer, "codec": .string, "sampleRate": .integer, "byteSize": .integer, "sha256": .string,
                "playable": .boolean, "listens": .integer,
            ], optional: ["agent", "outcome", "sha256"]),
        "Listen": .record(["listener": .string, "at": .dateTime]),
        "PlaybackLink": .record(["audio": .string, "expiresAt": .dateTime]),
        "NewErasureRequest": .record(["contact": .integer, "reason": .string]),
        "ErasureNote": .record(["reason": .string], optional: ["reason"]),
        "ErasureRequest": .record(
            [
                "id": .integer, "contactID": .integer, "status": .oneOf(ErasureRequest.Status.allCases.map(\.rawValue)), "requestedAt": .dateTime,
                "requestedBy": .string, "decidedAt": .dateTime, "decidedBy": .string,
            ], optional: ["decidedAt", "decidedBy"]),
        "ErasureReport": .record(
            [
                "fieldsErased": .boolean, "historyEntries": .integer, "recordings": .integer, "recordingFilesDeleted": .integer,
                "recordingFilesLeft": .integer, "consentProofs": .integer, "queueEntries": .integer, "callsKeptAnonymous": .integer,
                "phoneHashKeptOnDoNotCall": .boolean, "doNotCallEntriesRemoved": .integer,
            ]),
        "ErasureEntry": .record(
            [
                "request": .reference("ErasureRequest"), "contactName": .string, "reason": .string, "requestedByName": .string,
                "decidedByName": .string, "decisionNote": .string, "lastChangeAt": .dateTime, "lastChangeOrigin": .string,
                "report": .reference("ErasureReport"),
            ], optional: ["contactName", "reason", "requestedByName", "decidedByName", "decisionNote", "lastChangeAt", "lastChangeOrigin", "report"]),
        "DailyReport": .record(
            [
                "campaign": .string, "day": .string, "figures": .reference("CampaignFigures"), "hours": list("ReportHour"),
                "agents": list("AgentFigures"), "funnel": list("FunnelStep"),
            ]),
        "ReportHour": .record(["hour": .integer, "dialed": .integer, "connected": .integer, "successes": .integer, "abandoned": .integer]),
    ]
}
