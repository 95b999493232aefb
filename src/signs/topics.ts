/**
 * MQTT topic layout of the feed. Sensors publish to `city/<cityName>/<districtId>/<kind>/<sensorId>`
 * (the city package's name, so one broker can carry several cities); the
 * simulator listens for anomaly commands on CONTROL_ANOMALY_TOPIC and announces itself (retained)
 * on FEED_INFO_TOPIC.
 */
export const SENSOR_TOPIC_ROOT = 'city';
/** Subscription filter that covers every sensor topic of every city. */
export const SENSOR_TOPIC_FILTER = 'city/#';

/** Subscription filter that covers every sensor topic of one city. */
export function cityTopicFilter(cityName: string): string {
  return `${SENSOR_TOPIC_ROOT}/${cityName}/#`;
}
export const CONTROL_ANOMALY_TOPIC = 'control/anomaly';
export const CONTROL_CLEAR_TOPIC = 'control/anomaly/clear';
export const FEED_INFO_TOPIC = 'feed/info';

/** The topic a sensor publishes to. */
export function sensorTopic(cityName: string, districtId: string, kind: string, sensorId: string): string {
  return `${SENSOR_TOPIC_ROOT}/${cityName}/${districtId}/${kind}/${sensorId}`;
}

/**
 * The sensor id at the end of a well-formed sensor topic (four non-empty levels under `city/`:
 * city, district, kind, id), or null. Only the id is cut out: the caller compares the whole topic
 * with the registry's.
 */
export function sensorIdOfTopic(topic: string): string | null {
  if (!topic.startsWith('city/')) return null;
  let at = 4;
  for (let level = 0; level < 3; level++) {
    const next = topic.indexOf('/', at + 1);
    if (next <= at + 1) return null;
    at = next;
  }
  if (at === topic.length - 1 || topic.indexOf('/', at + 1) !== -1) return null;
  return topic.slice(at + 1);
}
