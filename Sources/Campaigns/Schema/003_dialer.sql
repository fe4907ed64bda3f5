-- What the dialer leaves for supervision besides its calls: how each agent spent the shift,
-- and a heartbeat per run so a dialer that stopped reporting can be noticed.

ALTER TABLE dialer_runs ADD COLUMN last_seen_at timestamptz;

-- One row per stretch of an agent in one activity, written when the stretch ends.
CREATE TABLE agent_activity (
    run_id     bigint NOT NULL REFERENCES dialer_runs ON DELETE CASCADE,
    agent_id   bigint NOT NULL REFERENCES agents,
    activity   text NOT NULL CHECK (activity IN ('ready', 'reserved', 'in_call', 'wrap_up', 'paused')),
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    CHECK (ended_at >= started_at)
);
CREATE INDEX agent_activity_run ON agent_activity (run_id, agent_id, started_at);
CREATE INDEX agent_activity_time ON agent_activity (started_at);

-- An abandoned call plays the recorded safe-harbour message (who called and how to call
-- back) before it ends.
ALTER TABLE calls ADD COLUMN safe_harbour_played boolean NOT NULL DEFAULT false;
