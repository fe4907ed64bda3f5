-- Administration: the activity log, imports with their reports, exports, the history of
-- personal-data changes, the do-not-call list, erasure requests, agents assigned to
-- campaigns, and the eligibility rule with all its clauses.

-- Who did what, when: never a name, number or e-mail; people appear by id.
CREATE TABLE activity_log (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text NOT NULL,
    action  text NOT NULL,
    subject text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX activity_log_at ON activity_log (at);

-- Every import, dry runs included, with its report. The issues name lines and reasons,
-- never the values of personal fields.
CREATE TABLE imports (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id        bigint NOT NULL REFERENCES data_sources,
    file_name        text NOT NULL,
    actor            text NOT NULL,
    dry_run          boolean NOT NULL,
    encoding         text NOT NULL,
    delimiter        text NOT NULL,
    duplicate_policy text NOT NULL CHECK (duplicate_policy IN ('skip', 'update')),
    rows_read        integer NOT NULL DEFAULT 0,
    inserted         integer NOT NULL DEFAULT 0,
    updated          integer NOT NULL DEFAULT 0,
    repaired         integer NOT NULL DEFAULT 0,
    rejected         integer NOT NULL DEFAULT 0,
    duplicates       integer NOT NULL DEFAULT 0,
    report           jsonb NOT NULL DEFAULT '{}',
    -- Why the import was refused as a whole (a broken file); NULL when it ran.
    error            text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);

CREATE TABLE import_issues (
    import_id bigint NOT NULL REFERENCES imports ON DELETE CASCADE,
    line      integer NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('rejected', 'repaired', 'duplicate')),
    detail    text NOT NULL
);
CREATE INDEX import_issues_import ON import_issues (import_id, line);

ALTER TABLE contacts ADD COLUMN import_id bigint REFERENCES imports;

-- Every change of a contact's personal data: who, when, from where, and the fields before
-- and after, sealed under the contact's own key (so they go when the contact is erased).
CREATE TABLE contact_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
    changed_at timestamptz NOT NULL DEFAULT now(),
    actor      text NOT NULL,
    origin     text NOT NULL,
    old_sealed bytea,
    new_sealed bytea
);
CREATE INDEX contact_changes_contact ON contact_changes (contact_id, changed_at);

-- Numbers never to be called, by the keyed hash of the E.164 number.
CREATE TABLE do_not_call (
    phone_hash bytea PRIMARY KEY,
    reason     text NOT NULL CHECK (reason IN ('objection', 'manual', 'regulator')),
    added_at   timestamptz NOT NULL DEFAULT now(),
    added_by   text NOT NULL,
    note       text
);

-- A person's request to be forgotten: pending until a supervisor confirms or rejects it.
CREATE TABLE erasure_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id   bigint NOT NULL REFERENCES contacts,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cancelled', 'confirmed')),
    requested_at timestamptz NOT NULL DEFAULT now(),
    requested_by text NOT NULL,
    decided_at   timestamptz,
    decided_by   text
);
CREATE INDEX erasure_requests_contact ON erasure_requests (contact_id) WHERE status <> 'cancelled';

-- Every export of contacts: who, when, with which filter, how many rows.
CREATE TABLE exports (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text NOT NULL,
    filter    jsonb NOT NULL,
    row_count integer NOT NULL
);

CREATE TABLE campaign_agents (
    campaign_id bigint NOT NULL REFERENCES campaigns ON DELETE CASCADE,
    agent_id    bigint NOT NULL REFERENCES agents ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, agent_id)
);

-- The eligibility rule, in one place (this definition supersedes the first schema's): a
-- contact may be dialed for a campaign at a moment while it
--   * is not erased and has no erasure request pending or confirmed,
--   * is not on the do-not-call list,
--   * holds, at that moment, every consent the campaign requires: its latest ledger row
--     for the type recorded by then is a grant that has not expired,
--   * has attempts left in the campaign.
CREATE OR REPLACE FUNCTION contact_is_eligible(p_contact bigint, p_campaign bigint, p_at timestamptz)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
            SELECT 1 FROM contacts c
            WHERE c.id = p_contact AND c.erased_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM do_not_call d WHERE d.phone_hash = c.phone_hash))
       AND NOT EXISTS (
            SELECT 1 FROM erasure_requests e
            WHERE e.contact_id = p_contact AND e.status IN ('pending', 'confirmed'))
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
       AND coalesce((SELECT q.attempts FROM queue_entries q WHERE q.campaign_id = p_campaign AND q.contact_id = p_contact), 0)
           < (SELECT max_attempts FROM campaigns WHERE id = p_campaign)
$$;
