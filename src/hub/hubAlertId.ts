import type { SensorInfo } from '../signs/registry/SensorInfo';
import type { SignsRule } from '../signs/rules/SignsRule';

/**
 * The hub's alert id: `<sensorId>~<ruleId with '.' as '_'>~<raisedAtMs>`. The same reading raises
 * the same id on any hub (one hub, two hubs by district, a hub after a restart), so alert sets
 * compare by id and a command finds its hub from the sensor in the id. It is a topic level
 * (`hub/<city>/alerts/<id>`): no '/', '+', '#', and no '.', which NATS 2.9's MQTT refuses in topics.
 */
export function hubAlertId(sensor: SensorInfo, rule: SignsRule, timeMs: number): string {
  return `${sensor.id}~${rule.id.replaceAll('.', '_')}~${Math.round(timeMs)}`;
}

/** The sensor id in a hub alert id, or null when the id is not one. */
export function sensorOfAlertId(alertId: string): string | null {
  const parts = alertId.split('~');
  return parts.length === 3 && parts[0] && parts[1] && /^\d+$/.test(parts[2]) ? parts[0] : null;
}
