/** One keyboard shortcut as the '?' list shows it. */
export interface ShortcutInfo {
  /** The key as KeyboardEvent.key gives it, case-insensitive for letters ('h', '2', '/', 'Escape'). */
  key: string;
  description: string;
  /** The feature that owns it. */
  feature: string;
  /** Where it works: 'global', or the panel that handles it while focused (e.g. 'Alert list'). */
  scope: string;
}

interface Global extends ShortcutInfo { run: (e: KeyboardEvent) => void }

const norm = (key: string) => (key.length === 1 ? key.toLowerCase() : key);

/**
 * The page's keyboard shortcuts. Global shortcuts fire anywhere except while typing in a field
 * and never with Ctrl/Meta/Alt; a second feature asking for a key already taken is refused with
 * an error naming both. Panel-local keys (handled by the panel while it has focus) are recorded
 * for the '?' list only.
 */
export class ShortcutRegistry {
  private readonly globals = new Map<string, Global>();
  private readonly local: ShortcutInfo[] = [];

  /** Registers a global shortcut; throws when the key is taken. Returns its remover. */
  add(key: string, description: string, feature: string, run: (e: KeyboardEvent) => void): () => void {
    const k = norm(key);
    const taken = this.globals.get(k);
    if (taken) throw new Error(`shortcut '${key}' of ${feature} ("${description}") clashes with ${taken.feature} ("${taken.description}")`);
    const entry: Global = { key: k, description, feature, scope: 'global', run };
    this.globals.set(k, entry);
    return () => { if (this.globals.get(k) === entry) this.globals.delete(k); };
  }

  /** Records a key a panel handles while focused (shown in the list; not dispatched here). */
  describe(key: string, description: string, feature: string, scope: string): void {
    this.local.push({ key, description, feature, scope });
  }

  /** Runs the global shortcut of a key event; true when one ran. */
  handle(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
    const s = this.globals.get(norm(e.key));
    if (!s) return false;
    s.run(e);
    return true;
  }

  /** Every shortcut, global first, for the '?' list. */
  list(): ShortcutInfo[] {
    const strip = ({ key, description, feature, scope }: ShortcutInfo): ShortcutInfo => ({ key, description, feature, scope });
    return [...[...this.globals.values()].map(strip), ...this.local];
  }
}

/** True while the user types in a field (keys then belong to the field). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  return el.isContentEditable === true || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}
