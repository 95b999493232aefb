/**
 * The hub's MQTT topics, all under `hub/<cityId>/`:
 * - `indicators/city` and `indicators/<tier>/<districtId>` (tier district|street|community|grid):
 *   retained, about once a second;
 * - `alerts/<alertId>`: retained, at every change (cleared a while after it resolved);
 * - `status/<hubId>`: retained, the hub's health (store, districts, counts);
 * - `commands/<unitId>/<username>`: a display's command; the broker lets an account publish only
 *   under its own unit and user name, so the topic says who sent it and for which unit;
 * - `replies/<username>`: the hub's answer to each command, readable by that user only;
 * - `runs/<kind>`: what-if runs (flood, scenario) a workspace shows to walls elsewhere, retained;
 * - `incidents/<incidentId>`: retained, at every change (cleared a while after it closed);
 * - `vehicles`: retained, the dispatched vehicles' simulated positions, about once a second;
 * - `closures`: retained, every road closure open now (at every change);
 * - `incident-commands/<unitId>/<username>`: a display's incident command (rights as for commands).
 */
export const HUB_ROOT = 'hub';
export const INDICATOR_TIERS = ['district', 'street', 'community', 'grid'] as const;
export type IndicatorTier = (typeof INDICATOR_TIERS)[number] | 'city';

const LEVEL = /^[^/+#]+$/;

function check(value: string, what: string): string {
  if (!LEVEL.test(value)) throw new Error(`hub topic ${what}: expected one topic level without / + #, got "${value}"`);
  return value;
}

export const hubTopics = (cityId: string) => {
  const root = `${HUB_ROOT}/${check(cityId, 'city id')}`;
  return {
    root,
    all: `${root}/#`,
    cityIndicators: `${root}/indicators/city`,
    indicators: (tier: IndicatorTier, districtId: string) => (tier === 'city' ? `${root}/indicators/city` : `${root}/indicators/${tier}/${check(districtId, 'district id')}`),
    indicatorFilter: `${root}/indicators/#`,
    districtIndicatorFilter: `${root}/indicators/district/+`,
    alert: (alertId: string) => `${root}/alerts/${check(alertId, 'alert id')}`,
    alertFilter: `${root}/alerts/+`,
    status: (hubId: string) => `${root}/status/${check(hubId, 'hub id')}`,
    summary: `${root}/summary`,
    command: (unitId: string, username: string) => `${root}/commands/${check(unitId, 'unit id')}/${check(username, 'user name')}`,
    commandFilter: `${root}/commands/+/+`,
    reply: (username: string) => `${root}/replies/${check(username, 'user name')}`,
    run: (kind: string) => `${root}/runs/${check(kind, 'run kind')}`,
    incident: (incidentId: string) => `${root}/incidents/${check(incidentId, 'incident id')}`,
    incidentFilter: `${root}/incidents/+`,
    vehicles: `${root}/vehicles`,
    closures: `${root}/closures`,
    incidentCommand: (unitId: string, username: string) => `${root}/incident-commands/${check(unitId, 'unit id')}/${check(username, 'user name')}`,
    incidentCommandFilter: `${root}/incident-commands/+/+`,
  };
};
export type HubTopics = ReturnType<typeof hubTopics>;

/** Unit and user name of a command topic, or null when it is not one of this city's. */
export function parseCommandTopic(topics: HubTopics, topic: string, kind: 'commands' | 'incident-commands' = 'commands'): { unitId: string; username: string } | null {
  const prefix = `${topics.root}/${kind}/`;
  if (!topic.startsWith(prefix)) return null;
  const parts = topic.slice(prefix.length).split('/');
  return parts.length === 2 && parts[0] && parts[1] ? { unitId: parts[0], username: parts[1] } : null;
}

/** Tier and district of an indicator topic, or null. */
export function parseIndicatorTopic(topics: HubTopics, topic: string): { tier: IndicatorTier; districtId: string | null } | null {
  if (topic === topics.cityIndicators) return { tier: 'city', districtId: null };
  const prefix = `${topics.root}/indicators/`;
  if (!topic.startsWith(prefix)) return null;
  const [tier, districtId, extra] = topic.slice(prefix.length).split('/');
  return (INDICATOR_TIERS as readonly string[]).includes(tier) && districtId && extra === undefined ? { tier: tier as IndicatorTier, districtId } : null;
}
