import type { BrokerRole } from '../../feed/config/FeedConfig';
import type { Account } from '../accounts/Account';

/** What one connected account may do on the broker, placeholders resolved. */
export interface BrokerRights {
  publish: string[];
  subscribe: string[];
  /** Filters it may publish retained messages to. */
  retain: string[];
}

/**
 * The role's topic filters with {username}, {unit} and {city} replaced by the account's values
 * (the same substitution Mosquitto's `pattern` (%u) and EMQX's ${username} do). Account names and
 * unit ids cannot hold '/', '+' or '#' (see parseAccount), so a substitution cannot widen a filter.
 */
export function brokerRights(account: Account, role: BrokerRole, cityId: string): BrokerRights {
  const fill = (f: string) => f.replaceAll('{username}', account.username).replaceAll('{unit}', account.unitId).replaceAll('{city}', cityId);
  return { publish: role.publish.map(fill), subscribe: role.subscribe.map(fill), retain: role.retain.map(fill) };
}
