import { hubTopics } from '../../../hub/topics';
import type { LiveSigns } from '../liveSigns/LiveSignsFeature';

/** The what-if runs a workspace shows to walls through the hub. */
export type HubRunKind = 'flood' | 'scenario';

/**
 * Publishes a what-if run for walls on other machines, retained on `hub/<city>/runs/<kind>` (null
 * withdraws it with an empty retained message). Resolves false without sending when this page may
 * not (its account is no operator of the hub, or it is offline): walls beside it still get the
 * run over the BroadcastChannel. Rejects when the broker refuses.
 */
export async function publishHubRun(signs: LiveSigns, kind: HubRunKind, message: object | null): Promise<boolean> {
  const side = signs.hub.side, conn = signs.connection;
  if (!side?.commands || !conn) return false;
  await conn.publish(hubTopics(side.state.cityId).run(kind), message ? JSON.stringify(message) : '', { retain: true });
  return true;
}
