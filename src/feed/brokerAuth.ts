import type { Aedes, AuthenticateError, Client } from 'aedes';
import type { FeedAccount } from '../signs/connection/FeedConfig';
import { filterCovers, topicMatches } from './topicFilters';

const BAD_USERNAME_OR_PASSWORD = 4;

/**
 * Installs username/password authentication and per-account topic rules on an aedes broker:
 * an account may publish only to topics its `publish` filters match (the display has none, so
 * it is read-only) and subscribe only within its `subscribe` filters. A refused publish closes
 * the connection (MQTT 3.1.1 has no negative PUBACK); a refused subscription gets a SUBACK
 * failure (0x80). Returns the counts of refusals for monitoring.
 */
export function installBrokerAuth(broker: Aedes, accounts: Record<string, FeedAccount>): { refusedPublishes: number; refusedSubscriptions: number } {
  const byUser = new Map(Object.values(accounts).map((a) => [a.username, a]));
  const accountOf = new WeakMap<Client, FeedAccount>();
  const stats = { refusedPublishes: 0, refusedSubscriptions: 0 };
  broker.authenticate = (client, username, password, done) => {
    const account = username === undefined ? undefined : byUser.get(username);
    if (!account || password === undefined || password.toString('utf8') !== account.password) {
      const err = new Error(`bad user name or password for "${username ?? ''}"`) as AuthenticateError;
      err.returnCode = BAD_USERNAME_OR_PASSWORD;
      done(err, false);
      return;
    }
    accountOf.set(client, account);
    done(null, true);
  };
  broker.authorizePublish = (client, packet, done) => {
    const account = client ? accountOf.get(client) : undefined;
    if (!account || packet.topic.startsWith('$SYS') || !account.publish.some((f) => topicMatches(f, packet.topic))) {
      stats.refusedPublishes++;
      done(new Error(`"${account?.username ?? '?'}" may not publish to ${packet.topic}`));
      return;
    }
    done(null);
  };
  broker.authorizeSubscribe = (client, sub, done) => {
    const account = accountOf.get(client);
    if (!account || !account.subscribe.some((f) => filterCovers(f, sub.topic))) {
      stats.refusedSubscriptions++;
      done(null, null);
      return;
    }
    done(null, sub);
  };
  return stats;
}
