/** Where a page keeps its tab id: sessionStorage (one per tab, kept across reloads of that tab). */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'rongcheng.tabId';

/**
 * This tab's id (12 random base-36 characters): with the user name it makes the tab's MQTT
 * client id, so two tabs never knock each other off the broker while a reload keeps its
 * persistent session.
 */
export function tabId(storage: TabStorage): string {
  let id = storage.getItem(KEY);
  if (!id || !/^[a-z0-9]{12}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = Array.from(bytes, (b) => (b % 36).toString(36)).join('');
    storage.setItem(KEY, id);
  }
  return id;
}
