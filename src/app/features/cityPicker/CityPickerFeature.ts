import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

interface CityEntry { name: string; title: string; counts?: Record<string, number> }

/**
 * The top bar's city list: every city package under `tilesets/` (from `tilesets/cities.json`,
 * which the pipeline rewrites whenever it writes a package). Choosing one reloads the page on it,
 * keeping the view and the role; what belongs to one city (scenario, colouring) is dropped.
 */
export class CityPickerFeature implements Feature {
  readonly name = 'cityPicker';
  private element: HTMLElement | null = null;

  init(host: FeatureHost): void {
    const label = (this.element = document.createElement('label'));
    label.className = 'city-picker';
    const select = document.createElement('select');
    select.id = 'city';
    select.setAttribute('aria-label', 'City');
    select.add(new Option(host.city.manifest.title, host.city.name));
    label.append(select);
    host.addControl(label, true);
    select.addEventListener('change', () => {
      const keep = new URLSearchParams();
      for (const k of ['view', 'role', 'feed']) { const v = host.url.get(k); if (v !== null) keep.set(k, v); }
      keep.set('city', select.value);
      location.search = `?${keep}`;
    });
    host.background(this.name, this.list(host, select));
  }

  private async list(host: FeatureHost, select: HTMLSelectElement): Promise<void> {
    const res = await fetch('/tilesets/cities.json');
    if (res.status === 404) return; // an older tilesets folder: only the city shown
    if (!res.ok) throw new Error(`/tilesets/cities.json: HTTP ${res.status}`);
    const { cities } = (await res.json()) as { cities: CityEntry[] };
    select.replaceChildren(...cities.map((c) => new Option(c.counts?.buildings ? `${c.title} (${c.counts.buildings.toLocaleString('en')} buildings)` : c.title, c.name)));
    if (!cities.some((c) => c.name === host.city.name)) select.add(new Option(host.city.manifest.title, host.city.name), 0);
    select.value = host.city.name;
  }

  dispose(): void {
    this.element?.remove();
  }
}
