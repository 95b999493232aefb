import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importCity } from '../../src/pipeline/cityImport/importCity';
import { readImportConfig } from '../../src/pipeline/cityImport/readImportConfig';
import { TILESETS_DIR } from '../../src/pipeline/package/openCityPackage';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shared = process.env.TWIN_SHARED_DIR ?? join(root, '../shared');
const present = existsSync(join(shared, 'data/chengdu/chengdu_center.osm'));
if (!present) console.log(`chengdu-center (browser): skipped, ${join(shared, 'data/chengdu/chengdu_center.osm')} is absent (set TWIN_SHARED_DIR)`);

describe.skipIf(!present)('the imported central-Chengdu package in the workspace', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    if (!existsSync(join(TILESETS_DIR, 'chengdu-center/city.json'))) {
      await importCity(readImportConfig(join(root, 'config/cities/chengdu-center.json'), join(dirname(shared), 'repo')), join(TILESETS_DIR, 'chengdu-center'));
    }
    mkdirSync(join(root, 'test-results'), { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 });
    await s.page.goto(`${baseUrl}/?city=chengdu-center&fly=0&feed=none`);
    await s.page.waitForSelector('body[data-dispatch="ready"]', { timeout: 150_000 });
  }, 300_000);
  afterAll(async () => { await s?.close(); });

  it('drills into the real districts and dispatches a fire from a real OSM fire station', async () => {
    const districts = await s.page.evaluate(() => {
      const h = window.twin!.model!.hierarchy;
      return h.children(h.root.id).filter((u) => u.level === 'district').map((u) => u.name).sort();
    });
    expect(districts).toEqual(['成华区', '金牛区', '锦江区', '青羊区']);
    expect(await s.page.textContent('.dispatch-status')).toMatch(/114 units at 40 stations/);
    await s.page.selectOption('.dispatch-panel select', 'fire');
    await s.page.evaluate(() => window.twin!.dispatch!.raise([104.0842, 30.6575]));
    await s.page.waitForSelector('body[data-dispatched="1"]', { timeout: 60_000 });
    const units = await s.page.locator('li[data-incident="INC-1"] li[data-unit]').allTextContents();
    const engines = units.filter((u) => u.startsWith('Fire engine'));
    expect(engines.length).toBeGreaterThan(0);
    for (const u of engines) expect(u).toMatch(/from (成都市消防支队第三中队|成都市公安消防局四中队|花牌坊消防站): ETA \d+ min \d\d s$/);
    await s.page.waitForTimeout(2000);
    await s.page.screenshot({ path: join(root, 'test-results/chengdu-center-workspace.png') });
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
