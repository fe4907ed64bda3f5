-- Supervision: every listen to a recording is logged (who, which, when).
CREATE TABLE recording_listens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recording_id uuid NOT NULL REFERENCES recordings ON DELETE CASCADE,
    listened_by  text NOT NULL,
    listened_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recording_listens_recording ON recording_listens (recording_id, listened_at);

CREATE INDEX recordings_agent_time ON recordings (agent_id, started_at);
