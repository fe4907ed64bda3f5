-- The first schema: consents, sources, contacts, scripts, campaigns and their queues,
-- agents, dialer runs, calls and recording metadata.
--
-- Personal data never appears here in clear text: a contact's name, phone number, e-mail and
-- free fields are sealed together (AES-GCM) under a key of the contact's own, which is
-- stored wrapped by the master key; the phone number is found by its keyed hash (HMAC).

-- What a person may consent to, and the exact words they were shown or read.
CREATE TABLE consent_types (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    title       text NOT NULL CHECK (title <> ''),
    purpose     text NOT NULL CHECK (purpose IN
                    ('processing', 'telemarketing', 'marketing', 'recording', 'sharing', 'other')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every version of a consent's text; a changed text is a new version, never an edit.
CREATE TABLE consent_texts (
    consent_type_id bigint NOT NULL REFERENCES consent_types ON DELETE CASCADE,
    version         integer NOT NULL CHECK (version > 0),
    body            text NOT NULL CHECK (body <> ''),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consent_type_id, version)
);

-- Where contacts come from.
CREATE TABLE data_sources (
    id                            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                          text NOT NULL UNIQUE CHECK (name <> ''),
    kind                          text NOT NULL CHECK (kind IN
                                      ('web_form', 'chat', 'purchased_list', 'partner', 'manual', 'import')),
    acquired_on                   date,
    previous_controller           text,
    controller_change_notified_at timestamptz,
    created_at                    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id   bigint NOT NULL REFERENCES data_sources,
    -- HMAC-SHA256 of the E.164 number under a key derived from the master key; NULL once erased.
    phone_hash  bytea UNIQUE,
    -- The personal fields as one AES-GCM box, and the contact's key wrapped by the master key.
    sealed      bytea,
    wrapped_key bytea,
    country     text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    line_type   text NOT NULL DEFAULT 'unknown' CHECK (line_type IN ('mobile', 'fixed', 'voip', 'unknown')),
    time_zone   text NOT NULL DEFAULT 'Europe/Warsaw',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    erased_at   timestamptz,
    CHECK ((erased_at IS NULL) = (phone_hash IS NOT NULL AND sealed IS NOT NULL AND wrapped_key IS NOT NULL))
);
CREATE INDEX contacts_source ON contacts (source_id);

-- The consent ledger: every grant and withdrawal, never updated. A contact's current state
-- for a type is its latest row.
CREATE TABLE consents (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id      bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
    consent_type_id bigint NOT NULL,
    version         integer NOT NULL,
    granted         boolean NOT NULL,
    channel         text NOT NULL CHECK (channel IN ('import', 'call', 'web_form', 'chat', 'api', 'manual')),
    proof           jsonb NOT NULL DEFAULT '{}',
    recorded_by     text NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    FOREIGN KEY (consent_type_id, version) REFERENCES consent_texts
);
CREATE INDEX consents_latest ON consents (contact_id, consent_type_id, recorded_at DESC, id DESC);

CREATE VIEW current_consents AS
    SELECT DISTINCT ON (contact_id, consent_type_id)
           contact_id, consent_type_id, version, granted, channel, recorded_at, expires_at, id AS ledger_id
    FROM consents
    ORDER BY contact_id, consent_type_id, recorded_at DESC, id DESC;

-- Call scripts, versioned: editing a script adds a version; a campaign pins one.
CREATE TABLE scripts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (name <> ''),
    version     integer NOT NULL CHECK (version > 0),
    definition  jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);

CREATE TABLE campaigns (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL UNIQUE CHECK (name <> ''),
    goal                 text NOT NULL DEFAULT '',
    script_id            bigint REFERENCES scripts,
    status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'finished')),
    dial_mode            text NOT NULL DEFAULT 'progressive' CHECK (dial_mode IN ('preview', 'progressive', 'predictive')),
    abandon_limit        double precision NOT NULL DEFAULT 0.03 CHECK (abandon_limit >= 0 AND abandon_limit <= 1),
    max_attempts         integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    max_attempts_per_day integer NOT NULL DEFAULT 2 CHECK (max_attempts_per_day > 0),
    -- Calls start and end inside these local hours, on these ISO weekdays (1 = Monday),
    -- in each contact's own time zone.
    window_start         time NOT NULL DEFAULT '09:00',
    window_end           time NOT NULL DEFAULT '20:00',
    calling_days         smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
    recording            boolean NOT NULL DEFAULT true,
    -- Seconds to wait before dialing again, per what happened (busy, no_answer, machine,
    -- abandoned, callback, ...); see RetryPolicy.
    retry_policy         jsonb NOT NULL DEFAULT '{}',
    -- The dial mode's parameters (preview seconds, predictive limits); see DialSettings.
    dial_settings        jsonb NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (window_start < window_end)
);

CREATE TABLE campaign_required_consents (
    campaign_id     bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    consent_type_id bigint NOT NULL REFERENCES consent_types,
    PRIMARY KEY (campaign_id, consent_type_id)
);

-- A campaign's queue: one row per eligible contact. A dialer leases rows
-- (FOR UPDATE SKIP LOCKED); a lease that expires returns the row to the queue.
-- 'done' rows are finished (an outcome, or no attempts left); 'removed' rows left because
-- the contact stopped being eligible (a withdrawn consent) and may come back.
CREATE TABLE queue_entries (
    campaign_id      bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    contact_id       bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
    state            text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'leased', 'done', 'removed')),
    attempts         integer NOT NULL DEFAULT 0,
    attempts_today   integer NOT NULL DEFAULT 0,
    attempt_day      date,
    next_attempt_at  timestamptz NOT NULL DEFAULT '-infinity',
    -- A callback agreed with the person: when, and with whom if possible.
    callback_agent_id bigint,
    leased_by        text,
    lease_expires_at timestamptz,
    last_result      text,
    last_call_at     timestamptz,
    PRIMARY KEY (campaign_id, contact_id),
    CHECK ((state = 'leased') = (leased_by IS NOT NULL AND lease_expires_at IS NOT NULL))
);
CREATE INDEX queue_entries_due ON queue_entries (campaign_id, next_attempt_at, contact_id) WHERE state = 'waiting';
CREATE INDEX queue_entries_leased ON queue_entries (lease_expires_at) WHERE state = 'leased';
CREATE INDEX queue_entries_contact ON queue_entries (contact_id);

CREATE TABLE agents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name <> ''),
    kind        text NOT NULL CHECK (kind IN ('simulated', 'person')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One run of a dialer over a campaign: its settings, the simulated period and its summary.
CREATE TABLE dialer_runs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id     bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    dialer          text NOT NULL,
    clock           text NOT NULL CHECK (clock IN ('virtual', 'real')),
    seed            bigint NOT NULL,
    settings        jsonb NOT NULL,
    simulated_from  timestamptz NOT NULL,
    simulated_until timestamptz,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    summary         jsonb
);

-- Every dial attempt. Times are simulation times (virtual or real).
CREATE TABLE calls (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         bigint NOT NULL REFERENCES dialer_runs ON DELETE CASCADE,
    sequence       integer NOT NULL,
    campaign_id    bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    contact_id     bigint REFERENCES contacts ON DELETE SET NULL,
    attempt        integer NOT NULL CHECK (attempt > 0),
    agent_id       bigint REFERENCES agents,
    dialed_at      timestamptz NOT NULL,
    answered_at    timestamptz,
    connected_at   timestamptz,
    ended_at       timestamptz NOT NULL,
    -- What the network did: a person or a machine answered, busy, no answer, invalid number.
    network_result text NOT NULL CHECK (network_result IN ('human', 'machine', 'busy', 'no_answer', 'invalid')),
    abandoned      boolean NOT NULL DEFAULT false,
    -- The script's outcome, for connected calls.
    outcome        text,
    success        boolean NOT NULL DEFAULT false,
    wrap_up_ends_at timestamptz,
    -- The script steps the conversation went through, for the script's funnel.
    script_path    text[],
    UNIQUE (run_id, sequence),
    CHECK (ended_at >= dialed_at)
);
CREATE INDEX calls_campaign_time ON calls (campaign_id, dialed_at);
CREATE INDEX calls_contact ON calls (contact_id);

CREATE TABLE recordings (
    id          uuid PRIMARY KEY,
    call_id     bigint NOT NULL UNIQUE REFERENCES calls ON DELETE CASCADE,
    campaign_id bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    agent_id    bigint REFERENCES agents,
    started_at  timestamptz NOT NULL,
    duration_ms integer NOT NULL CHECK (duration_ms >= 0),
    codec       text NOT NULL,
    sample_rate integer NOT NULL CHECK (sample_rate > 0),
    byte_size   bigint NOT NULL CHECK (byte_size >= 0),
    -- The audio file, while it is kept: a run past its storage cap records metadata only.
    sha256      bytea CHECK (octet_length(sha256) = 32),
    storage_uri text,
    CHECK ((sha256 IS NULL) = (storage_uri IS NULL))
);
CREATE INDEX recordings_campaign_time ON recordings (campaign_id, started_at);

-- The eligibility rule, in one place: a contact may be dialed for a campaign at a moment
-- while it is not erased and holds, at that moment, every consent the campaign requires
-- (granted, not withdrawn since, not expired).
CREATE FUNCTION contact_is_eligible(p_contact bigint, p_campaign bigint, p_at timestamptz)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM contacts WHERE id = p_contact AND erased_at IS NULL)
       AND NOT EXISTS (
            SELECT 1
            FROM campaign_required_consents required
            WHERE required.campaign_id = p_campaign
              AND NOT EXISTS (
                  SELECT 1
                  FROM (SELECT granted, expires_at
                        FROM consents
                        WHERE contact_id = p_contact AND consent_type_id = required.consent_type_id
                          AND recorded_at <= p_at
                        ORDER BY recorded_at DESC, id DESC
                        LIMIT 1) latest
                  WHERE latest.granted AND (latest.expires_at IS NULL OR latest.expires_at > p_at)))
$$;
