import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');

describe('Resource dispatch in the workspace', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 });
    await s.page.goto(`${baseUrl}/?fly=0&feed=none`);
    await s.page.waitForSelector('body[data-dispatch="ready"]', { timeout: 150_000 });
  });
  afterAll(async () => { await s?.close(); });

  it('raises an incident where the map is clicked and lists the assigned units with ETAs, planned in a Web Worker', async () => {
    expect(s.page.workers().some((w) => /route\.worker/.test(w.url()))).toBe(true);
    await s.page.selectOption('.dispatch-panel select', 'fire');
    await s.page.keyboard.press('i');
    expect(await s.page.getAttribute('.dispatch-arm', 'aria-pressed')).toBe('true');
    const box = (await s.page.locator('#view canvas').boundingBox())!;
    await s.page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.55);
    await s.page.waitForSelector('body[data-dispatched="1"]', { timeout: 60_000 });
    const units = await s.page.locator('.dispatch-list li[data-incident="INC-1"] li[data-unit]').allTextContents();
    expect(units.filter((u) => u.startsWith('Fire engine'))).toHaveLength(2);
    expect(units.filter((u) => u.startsWith('Ambulance'))).toHaveLength(1);
    for (const u of units) expect(u).toMatch(/ETA \d+ min \d\d s$/);
    // One route per station sending units (units of one station share it).
    const stations = new Set(units.map((u) => u.split(' from ')[1].split(': ETA')[0]));
    expect(await s.page.evaluate(() => window.twin!.dispatch!.layer.routeCount)).toBe(stations.size);
    await s.page.waitForTimeout(2000);
    await s.page.screenshot({ path: join(root, 'test-results/dispatch.png') });
  });

  it('does not send a unit that is already on its way', async () => {
    const first = await s.page.locator('li[data-incident="INC-1"] li[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    await s.page.evaluate(() => window.twin!.dispatch!.raise([104.0605, 30.6605]));
    await s.page.waitForSelector('body[data-dispatched="2"]', { timeout: 60_000 });
    const second = await s.page.locator('li[data-incident="INC-2"] li[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(second.length).toBeGreaterThan(0);
    for (const u of second) expect(first).not.toContain(u);
  });

  it('shows fire coverage as a building layer with a legend', async () => {
    await s.page.check('.coverage-toggle');
    await s.page.waitForFunction(() => /people within 5 min/.test(document.querySelector('.dispatch-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    expect(await s.page.textContent('.legend h3')).toBe('Fire response time (min)');
    await s.page.evaluate(() => window.twin!.workspace.flyHome(0));
    await s.page.waitForTimeout(3000);
    await s.page.screenshot({ path: join(root, 'test-results/dispatch-coverage.png') });
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
