import type { SessionInfo } from '../../auth/SessionInfo';
import type { TopicPlan } from '../../signs/connection/SessionFeed';
import { SENSOR_TOPIC_ROOT } from '../../signs/topics';

const isRaw = (filter: string) => filter === '#' || filter.startsWith(`${SENSOR_TOPIC_ROOT}/`);

/**
 * What a display of `cityId` subscribes to. With a hub grant of that city: the hub's topics and
 * its reply topic, and none of the raw sensor filters of the feed grant (a city's readings would
 * all stream into every display; the hub's indicators and alerts say what a screen needs, and a
 * sensor's raw topic is added only while its chart is open). The raw filters go into `drop`, so a
 * session the broker kept from a page without the hub stops delivering them. Without a grant (no
 * hub, another city): the feed grant's topics, as before the hub.
 */
export function displayTopicPlan(info: SessionInfo | null, cityId: string): TopicPlan {
  const feed = info?.feed?.topics ?? [];
  const h = info?.hub;
  if (!h || h.cityId !== cityId) return { topics: [...feed], drop: [] };
  const raw = feed.filter(isRaw);
  // The hub's topics first: the broker sends retained messages filter by filter in this order, and a
  // page opened late must get the hub's alerts and incidents before anything else it asked for.
  return { topics: [...new Set([...h.topics, h.replyTopic, ...feed.filter((t) => !isRaw(t))])], drop: raw };
}
