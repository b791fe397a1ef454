-- SLA escalation bookkeeping: webhook deliveries (one per ticket, threshold and target) and sweep runs.

CREATE TABLE sla_webhook_deliveries (
    ticket_id     bigint NOT NULL,
    threshold     text NOT NULL,
    target        text NOT NULL,
    delivered_at  text NOT NULL,
    PRIMARY KEY (ticket_id, threshold, target)
);

CREATE TABLE sla_sweep_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id   text NOT NULL,
    scheduled_at  text NOT NULL,
    started_at    text NOT NULL,
    finished_at   text NOT NULL,
    fired         integer NOT NULL
);
CREATE INDEX ix_sla_sweep_runs_scheduled ON sla_sweep_runs (scheduled_at);
