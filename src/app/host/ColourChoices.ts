/** One way of colouring the buildings, offered in the top bar's "Colour by" list. */
export interface ColourChoice {
  /** The list's value and the `colour=` URL value, e.g. 'use' or 'live:water_level'. */
  id: string;
  label: string;
  /** The list group it sits in ('' for the first, ungrouped options). */
  group: string;
  /** Why it cannot be chosen now (shown beside it, the option disabled), or null. */
  unavailable: string | null;
  /** Starts the colouring; returns what stops it. */
  apply(): () => void;
}

/**
 * The colourings features offer (static attributes, live indicators...). Exactly one is applied
 * at a time: choosing another stops the one before. Features add choices; the colour-by control
 * draws them and follows `changed`.
 */
export class ColourChoices {
  private readonly choices: ColourChoice[] = [];
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  private currentId = '';

  get current(): string { return this.currentId; }

  list(): readonly ColourChoice[] { return this.choices; }

  add(choice: ColourChoice): void {
    if (this.choices.some((c) => c.id === choice.id)) throw new Error(`colour choice '${choice.id}' is added twice`);
    this.choices.push(choice);
    this.emit();
  }

  /** Marks a choice unavailable (with the reason) or available again (null). */
  setUnavailable(id: string, reason: string | null): void {
    const c = this.choices.find((x) => x.id === id);
    if (!c || c.unavailable === reason) return;
    c.unavailable = reason;
    if (reason && this.currentId === id) this.select('');
    this.emit();
  }

  /** Applies a choice ('' for none); throws naming the choices when the id is unknown or unavailable. */
  select(id: string): void {
    const c = id ? this.choices.find((x) => x.id === id) : null;
    if (id && !c) throw new Error(`no colouring '${id}'; expected one of ${this.choices.map((x) => `'${x.id}'`).join(', ')}`);
    if (c?.unavailable) throw new Error(`colouring '${id}' is unavailable: ${c.unavailable}`);
    this.stop?.();
    this.stop = null;
    this.currentId = id;
    if (c) this.stop = c.apply();
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
