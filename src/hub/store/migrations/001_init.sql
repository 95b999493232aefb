-- Rongcheng Twin operations hub: readings (raw, hourly partitions, 24 h), 1-minute aggregates,
-- indicator snapshots per tier and district, alerts with every change, the command audit log.
-- Runs unchanged on PostgreSQL 15+ and PGlite.

CREATE TABLE readings (
  sensor_id text NOT NULL,
  t timestamptz NOT NULL,
  value real NOT NULL,
  hub_id text NOT NULL
) PARTITION BY RANGE (t);
CREATE INDEX readings_sensor_t ON readings (sensor_id, t);

CREATE TABLE readings_1m (
  sensor_id text NOT NULL,
  minute timestamptz NOT NULL,
  hub_id text NOT NULL,
  n integer NOT NULL,
  sum double precision NOT NULL,
  min real NOT NULL,
  max real NOT NULL,
  last real NOT NULL,
  PRIMARY KEY (sensor_id, minute)
);
CREATE INDEX readings_1m_minute ON readings_1m (minute);

CREATE TABLE indicator_snapshots (
  t timestamptz NOT NULL,
  tier text NOT NULL,
  district_id text NOT NULL,
  hub_id text NOT NULL,
  units text[] NOT NULL,
  kinds text[] NOT NULL,
  vals real[] NOT NULL,
  fresh integer[] NOT NULL,
  PRIMARY KEY (tier, district_id, t)
);

CREATE TABLE alerts (
  id text PRIMARY KEY,
  sensor_id text NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL,
  state text NOT NULL,
  district_id text NOT NULL,
  street_id text NOT NULL,
  community_id text NOT NULL,
  grid_id text NOT NULL,
  hub_id text NOT NULL,
  raised_at timestamptz NOT NULL,
  resolved_at timestamptz,
  updated_at timestamptz NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX alerts_open ON alerts (hub_id) WHERE state <> 'resolved';
CREATE INDEX alerts_raised ON alerts (raised_at);

CREATE TABLE alert_events (
  seq bigserial PRIMARY KEY,
  alert_id text NOT NULL,
  t timestamptz NOT NULL,
  change text NOT NULL,
  by_user text,
  detail jsonb
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, seq);

CREATE TABLE commands (
  id text PRIMARY KEY,
  received_at timestamptz NOT NULL,
  username text NOT NULL,
  unit_id text NOT NULL,
  alert_id text,
  action text,
  payload jsonb,
  ok boolean NOT NULL,
  reason text,
  hub_id text NOT NULL
);
CREATE INDEX commands_received ON commands (received_at);
