-- Road closures (manual or from a flood run: who closed it, when, and when and by whom it was
-- reopened; the whole closure with its segments in body), the latest leg of each dispatched
-- vehicle's trip (so a restarted hub puts a vehicle re-routed around a closure back on the route it
-- drives), and the closure a command was for. Runs unchanged on PostgreSQL 15+ and PGlite.

CREATE TABLE road_closures (
  id text PRIMARY KEY,
  kind text NOT NULL,
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL,
  reopened_at timestamptz,
  reopened_by text,
  incident_id text,
  hub_id text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX road_closures_open ON road_closures (closed_at) WHERE reopened_at IS NULL;

CREATE TABLE vehicle_legs (
  incident_id text NOT NULL,
  vehicle_id text NOT NULL,
  started_at timestamptz NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (incident_id, vehicle_id)
);

ALTER TABLE commands ADD COLUMN closure_id text;
