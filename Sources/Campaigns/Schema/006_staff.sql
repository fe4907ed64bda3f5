-- Staff: the people who sign in (administrators, supervisors, agents; one person may hold
-- several roles), their passwords' history, their sessions and their API tokens.

CREATE TABLE staff (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login                 text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name          text NOT NULL CHECK (display_name <> ''),
    roles                 text[] NOT NULL CHECK (roles <@ ARRAY['administrator', 'supervisor', 'agent'] AND cardinality(roles) > 0),
    password_hash         text NOT NULL,
    password_changed_at   timestamptz NOT NULL,
    -- Set by an administrator's reset: the member must choose a password of their own.
    password_reset        boolean NOT NULL DEFAULT false,
    -- Failed sign-ins since the last success; five lock the account until locked_until.
    failed_sign_ins       integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until          timestamptz,
    disabled_at           timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now()
);

-- The hashes of a member's earlier passwords: the last five may not be chosen again.
CREATE TABLE staff_password_history (
    staff_id      bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    password_hash text NOT NULL,
    replaced_at   timestamptz NOT NULL
);
CREATE INDEX staff_password_history_staff ON staff_password_history (staff_id, replaced_at DESC);

-- Signed-in sessions. The cookie holds a random token; only its SHA-256 is stored, so the
-- table does not hand out live sessions. A session ends at sign-out or after 8 hours idle.
CREATE TABLE staff_sessions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id      bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    token_hash    bytea NOT NULL UNIQUE,
    csrf_token    text NOT NULL,
    -- A session opened with an expired password may only change it.
    must_change_password boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id) WHERE ended_at IS NULL;

-- Per-person API tokens for scripts: shown once, stored as SHA-256, revocable.
CREATE TABLE staff_api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id      bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    label         text NOT NULL CHECK (label <> ''),
    token_hash    bytea NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- A person who works calls in the browser is an agent row of kind 'person' tied to its staff member.
ALTER TABLE agents ADD COLUMN staff_id bigint UNIQUE REFERENCES staff;
ALTER TABLE agents ADD CONSTRAINT agents_person_has_staff CHECK ((kind = 'person') = (staff_id IS NOT NULL)) NOT VALID;
