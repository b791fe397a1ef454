-- Core schema: mail in, tickets, people, knowledge, SLA, interaction log, messaging tables.

CREATE TABLE mailboxes (
    id              text PRIMARY KEY,
    kind            text NOT NULL,
    address         text NOT NULL,
    status          text NOT NULL DEFAULT 'active',
    checkpoint      text,
    last_error      text,
    last_polled_at  timestamptz,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE raw_contents (
    sha256      text PRIMARY KEY,
    size_bytes  integer NOT NULL,
    content     bytea NOT NULL
);

CREATE TABLE raw_emails (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mailbox_id         text NOT NULL REFERENCES mailboxes (id),
    dedupe_key         text NOT NULL,
    message_id         text,
    content_sha256     text NOT NULL REFERENCES raw_contents (sha256),
    source_ref         text NOT NULL,
    status             text NOT NULL,
    quarantine_reason  text,
    received_at        timestamptz NOT NULL,
    UNIQUE (mailbox_id, dedupe_key)
);
CREATE INDEX ix_raw_emails_status ON raw_emails (status);
CREATE INDEX ix_raw_emails_message_id ON raw_emails (message_id);

CREATE TABLE parsed_emails (
    raw_email_id      bigint PRIMARY KEY REFERENCES raw_emails (id),
    message_id        text,
    in_reply_to       text,
    references_json   text NOT NULL,
    subject           text NOT NULL,
    from_name         text,
    from_address      text NOT NULL,
    to_json           text NOT NULL,
    cc_json           text NOT NULL,
    sent_at           timestamptz,
    text_body         text NOT NULL,
    new_text          text NOT NULL,
    html_body         text,
    attachments_json  text NOT NULL,
    defects_json      text NOT NULL,
    noise_kind        text,
    noise_reason      text,
    conversation_key  text NOT NULL
);
CREATE INDEX ix_parsed_emails_message_id ON parsed_emails (message_id);

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    name        text,
    tier        text NOT NULL DEFAULT 'standard',
    created_at  timestamptz NOT NULL
);

CREATE TABLE agents (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL,
    email           text NOT NULL UNIQUE,
    skills_json     text NOT NULL,
    languages_json  text NOT NULL,
    max_concurrent  integer NOT NULL,
    status          text NOT NULL,
    created_at      timestamptz NOT NULL
);

CREATE TABLE sla_policies (
    id                      text PRIMARY KEY,
    name                    text NOT NULL,
    priority                text NOT NULL,
    category                text,
    customer_tier           text,
    first_response_minutes  integer NOT NULL,
    resolution_minutes      integer NOT NULL,
    warning_fraction        double precision NOT NULL,
    use_business_hours      boolean NOT NULL,
    calendar_id             text,
    enabled                 boolean NOT NULL,
    updated_at              timestamptz NOT NULL
);

CREATE TABLE tickets (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject               text NOT NULL,
    customer_id           bigint NOT NULL REFERENCES customers (id),
    status                text NOT NULL,
    priority              text NOT NULL,
    category              text NOT NULL,
    intent                text,
    channel               text NOT NULL,
    language              text NOT NULL,
    sentiment             double precision NOT NULL,
    assignee_id           bigint REFERENCES agents (id),
    smart_score           double precision NOT NULL,
    score_breakdown_json  text NOT NULL,
    sla_policy_id         text REFERENCES sla_policies (id),
    root_email_id         bigint NOT NULL REFERENCES raw_emails (id),
    root_message_id       text,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    first_response_at     timestamptz,
    solved_at             timestamptz
);
CREATE UNIQUE INDEX ux_tickets_root_message_id ON tickets (root_message_id);
CREATE INDEX ix_tickets_status ON tickets (status, smart_score DESC);
CREATE INDEX ix_tickets_customer ON tickets (customer_id, created_at);
CREATE INDEX ix_tickets_assignee ON tickets (assignee_id, status);

CREATE TABLE ticket_messages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id     bigint NOT NULL REFERENCES tickets (id),
    raw_email_id  bigint REFERENCES raw_emails (id),
    message_id    text,
    direction     text NOT NULL,
    author        text NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX ix_ticket_messages_ticket ON ticket_messages (ticket_id);
CREATE UNIQUE INDEX ux_ticket_messages_message_id ON ticket_messages (message_id);

CREATE TABLE assignments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id    bigint NOT NULL REFERENCES tickets (id),
    agent_id     bigint REFERENCES agents (id),
    reason       text NOT NULL,
    assigned_at  timestamptz NOT NULL
);
CREATE INDEX ix_assignments_ticket ON assignments (ticket_id);

CREATE TABLE ticket_sla (
    ticket_id               bigint PRIMARY KEY REFERENCES tickets (id),
    policy_id               text NOT NULL,
    first_response_due      timestamptz NOT NULL,
    resolution_due          timestamptz NOT NULL,
    first_response_state    text NOT NULL,
    resolution_state        text NOT NULL,
    paused_at               timestamptz,
    paused_seconds          bigint NOT NULL DEFAULT 0,
    fired_thresholds        text NOT NULL DEFAULT '',
    updated_at              timestamptz NOT NULL
);
CREATE INDEX ix_ticket_sla_due ON ticket_sla (first_response_due, resolution_due);

CREATE TABLE kb_articles (
    id          text PRIMARY KEY,
    title       text NOT NULL,
    body        text NOT NULL,
    category    text NOT NULL,
    tags_json   text NOT NULL,
    language    text NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE outbound_emails (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id        bigint NOT NULL REFERENCES tickets (id),
    kind             text NOT NULL,
    idempotency_key  text NOT NULL UNIQUE,
    to_address       text NOT NULL,
    subject          text NOT NULL,
    message_id       text NOT NULL,
    content          bytea NOT NULL,
    status           text NOT NULL,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX ix_outbound_emails_ticket ON outbound_emails (ticket_id);
CREATE INDEX ix_outbound_emails_recipient ON outbound_emails (to_address, created_at);

CREATE TABLE support_interactions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    stage           text NOT NULL,
    action          text NOT NULL,
    raw_email_id    bigint,
    ticket_id       bigint,
    correlation_id  text,
    summary         text NOT NULL,
    analysis_json   text
);
CREATE INDEX ix_support_interactions_email ON support_interactions (raw_email_id);
CREATE INDEX ix_support_interactions_ticket ON support_interactions (ticket_id);

CREATE TABLE outbox (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id     text NOT NULL,
    topic          text NOT NULL,
    msg_key        text NOT NULL,
    message_type   text NOT NULL,
    headers_json   text NOT NULL,
    payload        bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    locked_until   timestamptz
);

CREATE TABLE processed_messages (
    consumer      text NOT NULL,
    message_id    text NOT NULL,
    processed_at  timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

CREATE TABLE dead_letters (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id         text NOT NULL,
    topic              text NOT NULL,
    msg_key            text NOT NULL,
    message_type       text NOT NULL,
    headers_json       text NOT NULL,
    payload            bytea NOT NULL,
    consumer_group     text NOT NULL,
    exception_type     text NOT NULL,
    exception_message  text NOT NULL,
    attempts           integer NOT NULL,
    original_partition text,
    original_offset    text,
    first_failed_at    timestamptz NOT NULL,
    failed_at          timestamptz NOT NULL,
    replayed_at        timestamptz
);
