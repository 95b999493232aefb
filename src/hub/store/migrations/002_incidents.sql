-- Incidents: the current state of each (the whole incident as published, in body) and every step
-- of its timeline (who, when, from which status to which), and the incident a command was for.
-- Runs unchanged on PostgreSQL 15+ and PGlite.

CREATE TABLE incidents (
  id text PRIMARY KEY,
  type text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL,
  owner_tier text NOT NULL,
  owner_unit text NOT NULL,
  district_id text NOT NULL,
  street_id text NOT NULL,
  unit_id text NOT NULL,
  lon double precision NOT NULL,
  lat double precision NOT NULL,
  alert_id text,
  hub_id text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  body jsonb NOT NULL
);
CREATE INDEX incidents_open ON incidents (created_at) WHERE status <> 'closed';
CREATE INDEX incidents_closed ON incidents (closed_at);

CREATE TABLE incident_events (
  seq bigserial PRIMARY KEY,
  incident_id text NOT NULL,
  t timestamptz NOT NULL,
  action text NOT NULL,
  by_user text,
  by_tier text,
  by_unit text,
  from_status text,
  to_status text NOT NULL,
  detail jsonb
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, seq);

ALTER TABLE commands ADD COLUMN incident_id text;
