/**
 * A client id per display and per tab: the display part is kept in localStorage (one per
 * browser profile), the tab part in sessionStorage (one per tab, kept across reloads), so two
 * tabs never take each other's session on the broker, and a reloaded tab gets its own back.
 */
export function displayClientId(base: string, storage: { local: Storage; session: Storage } = { local: localStorage, session: sessionStorage }): string {
  const part = (s: Storage, key: string) => {
    let v = s.getItem(key);
    if (!v) { v = Math.random().toString(36).slice(2, 10); s.setItem(key, v); }
    return v;
  };
  return `${base}-${part(storage.local, 'rongcheng.display.id')}-${part(storage.session, 'rongcheng.display.tab')}`;
}
