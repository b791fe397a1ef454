-- Admin API: API keys (hashed), the audit log of admin actions, business calendars for SLA policies.

CREATE TABLE api_keys (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    role        text NOT NULL,
    key_hash    text NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        text NOT NULL,
    role         text,
    action       text NOT NULL,
    target       text,
    outcome      text NOT NULL,
    status_code  integer NOT NULL,
    detail       text
);
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor, occurred_at);

CREATE TABLE sla_calendars (
    id                 text PRIMARY KEY,
    time_zone          text NOT NULL,
    weekly_hours_json  text NOT NULL,
    holidays_json      text NOT NULL,
    updated_at         timestamptz NOT NULL
);
