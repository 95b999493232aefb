import type { HubSide } from '../../../hub/client/HubLink';
import type { LiveSigns, LiveSignsFeature } from './LiveSignsFeature';

/** What a section that needs the hub says while it has none. */
export interface HubSectionText {
  /** Until the live feed is up (not logged in yet). */
  waiting: string;
  /** Once it is up and this log-in has no hub grant for the city. */
  noGrant: string;
}

/**
 * A side-panel section that works on the operations hub's state (incidents, road closures,
 * replay): a note in `slot` while there is no hub side, and `follow` at each change of it (null:
 * no hub side now; the section drops what it showed). Returns the unsubscribe.
 */
export function followHubSide(live: LiveSignsFeature, slot: HTMLElement, text: HubSectionText, follow: (side: HubSide | null, signs: LiveSigns) => void): () => void {
  const note = slot.appendChild(document.createElement('p'));
  note.className = 'muted';
  note.textContent = text.waiting;
  let off = () => {};
  live.whenLive((signs) => {
    const change = (side: HubSide | null) => {
      note.hidden = side !== null;
      if (!side) note.textContent = text.noGrant;
      follow(side, signs);
    };
    off = signs.hub.events.subscribe('side', change);
    change(signs.hub.side);
  });
  return () => off();
}
