-- The right to erasure (GDPR art. 17) with four eyes: a request is pending until a supervisor
-- other than the one who filed it confirms or rejects it; it can be undone while pending.
-- Its reason is sealed under the contact's own key, so it goes with the person's data.

UPDATE erasure_requests SET status = 'undone' WHERE status = 'cancelled';
ALTER TABLE erasure_requests DROP CONSTRAINT erasure_requests_status_check;
ALTER TABLE erasure_requests ADD CONSTRAINT erasure_requests_status_check
    CHECK (status IN ('pending', 'undone', 'confirmed', 'rejected'));
ALTER TABLE erasure_requests ADD COLUMN reason_sealed bytea;
ALTER TABLE erasure_requests ADD COLUMN decision_sealed bytea;
-- What a confirmation erased and what it kept, in counts: the certificate is made from it.
ALTER TABLE erasure_requests ADD COLUMN report jsonb;

DROP INDEX erasure_requests_contact;
CREATE INDEX erasure_requests_contact ON erasure_requests (contact_id) WHERE status IN ('pending', 'confirmed');
CREATE UNIQUE INDEX erasure_requests_one_pending ON erasure_requests (contact_id) WHERE status = 'pending';
CREATE INDEX erasure_requests_status ON erasure_requests (status, requested_at);
