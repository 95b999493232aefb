import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cityModelFromGeoJson } from '../../src/twin/cityModelFromGeoJson';
import { CityTwin } from '../../src/twin/CityTwin';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const city = join(root, 'tilesets/demo');
const read = (f: string) => JSON.parse(readFileSync(join(city, f), 'utf8'));

describe('Drill-down from the city to a floor', () => {
  const baseUrl = inject('baseUrl');
  const login = inject('logins').viewer;
  let s: BrowserSession;
  // The same model the page builds, computed here independently from the same files.
  const model = new CityTwin(cityModelFromGeoJson(read('city.json').origin, read('buildings.geojson'), read('units.geojson')));
  const h = model.hierarchy;

  beforeAll(async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 }, login);
    await s.page.goto(`${baseUrl}/?fly=0`);
    await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 150_000 });
  });
  afterAll(async () => { await s?.close(); });

  const shown = async (key: string) => s.page.textContent(`.unit-totals dd[data-total="${key}"]`);
  const fmt = (n: number) => n.toLocaleString('en');

  it('walks city > district > street > community > grid > building > floor from the keyboard with the right counts', async () => {
    expect(await shown('people')).toBe(`${fmt(h.totals(h.root.id).people)} persons`);
    let id = h.root.id;
    const path: string[] = [];
    for (const level of ['district', 'street', 'community', 'grid', 'building', 'floor']) {
      // Take the first child that has buildings under it (a floor for the last step: the 3rd or the top one).
      const kids = h.children(id);
      const next = level === 'floor' ? kids[Math.min(2, kids.length - 1)] : kids.find((k) => h.totals(k.id).buildings > 0)!;
      expect(next.level).toBe(level);
      const pos = kids.indexOf(next);
      await s.page.locator('.unit-children li').first().focus();
      for (let k = 0; k < pos; k++) await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('Enter');
      await s.page.waitForFunction((want) => window.twin?.drilldown?.selected.id === want, next.id);
      id = next.id;
      path.push(id);
      const t = h.totals(id);
      expect(await shown('people')).toBe(`${fmt(t.people)} persons`);
      expect(await shown('buildings')).toBe(fmt(t.buildings));
      expect(await shown('households')).toBe(fmt(t.households));
    }
    const crumbs = await s.page.locator('.breadcrumbs li').count();
    expect(crumbs).toBe(7);
    const floor = h.floors(path[4]).find((f) => f.id === id)!;
    expect(await shown('people')).toBe(`${fmt(floor.occupancy)} persons`);
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(root, 'test-results/drilldown-floor.png') });
    // Backspace climbs back to the building, which lists its floors (a floor has no list: the focus is on its title).
    expect(await s.page.evaluate(() => document.activeElement?.classList.contains('unit-title'))).toBe(true);
    await s.page.keyboard.press('Backspace');
    await s.page.waitForFunction((want) => window.twin?.drilldown?.selected.id === want, path[4]);
    expect(await s.page.locator('.unit-children li').count()).toBe(h.children(path[4]).length);
  });

  it('finds a building by pinyin and by Chinese address text and jumps to it', async () => {
    const target = model.buildings[1234];
    const road = /(\S+) Jie/.exec(target.addressPinyin)![1];
    const no = /^(\d+)/.exec(target.addressPinyin)![1];
    await s.page.fill('.drilldown input[type="search"]', `${road.toLowerCase()} ${no}`);
    await s.page.waitForSelector('.search-results button');
    const texts = await s.page.locator('.search-results button').allTextContents();
    expect(texts).toContain(target.address);
    await s.page.fill('.drilldown input[type="search"]', target.address.slice(-8));
    await s.page.waitForSelector('.search-results button');
    await s.page.locator('.search-results button', { hasText: target.address }).first().click();
    await s.page.waitForFunction((want) => window.twin?.drilldown?.selected.id === want, target.id);
  });

  it('queries a circle drawn on the map: units, buildings and people inside, with CSV', async () => {
    await s.page.evaluate(() => window.twin!.drilldown!.select(window.twin!.model!.hierarchy.root.id));
    await s.page.evaluate(() => window.twin!.workspace.flyHome(0));
    await s.page.fill('.area-query input[type="number"]', '800');
    await s.page.locator('.area-arm').click();
    expect(await s.page.getAttribute('.area-arm', 'aria-pressed')).toBe('true');
    const box = (await s.page.locator('#view canvas').boundingBox())!;
    await s.page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.5);
    await s.page.waitForSelector('.area-output tr.total', { timeout: 30_000 });
    const cells = await s.page.locator('.area-output tr.total td').allTextContents();
    expect(cells[0]).toBe('TOTAL');
    expect(Number(cells[2].replace(/,/g, ''))).toBeGreaterThan(0); // buildings
    expect(Number(cells[3].replace(/,/g, ''))).toBeGreaterThan(0); // people
    expect(await s.page.getAttribute('.area-csv', 'href')).toMatch(/^blob:/);
    expect(await s.page.locator('.area-output tbody tr').count()).toBeGreaterThan(1);
    await s.page.waitForTimeout(2000);
    await s.page.screenshot({ path: join(root, 'test-results/area-query.png') });
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
