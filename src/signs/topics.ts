/**
 * MQTT topic layout of the feed. Sensors publish to `city/<districtId>/<kind>/<sensorId>`; the
 * simulator listens for anomaly commands on CONTROL_ANOMALY_TOPIC and announces itself (retained)
 * on FEED_INFO_TOPIC.
 */
export const SENSOR_TOPIC_ROOT = 'city';
/** Subscription filter that covers every sensor topic. */
export const SENSOR_TOPIC_FILTER = 'city/#';
export const CONTROL_ANOMALY_TOPIC = 'control/anomaly';
export const CONTROL_CLEAR_TOPIC = 'control/anomaly/clear';
export const FEED_INFO_TOPIC = 'feed/info';

/** The topic a sensor publishes to. */
export function sensorTopic(districtId: string, kind: string, sensorId: string): string {
  return `${SENSOR_TOPIC_ROOT}/${districtId}/${kind}/${sensorId}`;
}

/**
 * The sensor id at the end of a well-formed sensor topic (three non-empty levels under `city/`),
 * or null. Only the id is cut out: the caller compares the whole topic with the registry's.
 */
export function sensorIdOfTopic(topic: string): string | null {
  if (!topic.startsWith('city/')) return null;
  const a = topic.indexOf('/', 5);
  if (a <= 5) return null;
  const b = topic.indexOf('/', a + 1);
  if (b <= a + 1 || b === topic.length - 1 || topic.indexOf('/', b + 1) !== -1) return null;
  return topic.slice(b + 1);
}
