import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');

describe('Flood what-if in the workspace', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 });
    await s.page.goto(`${baseUrl}/?fly=0&feed=none`);
    await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 150_000 });
  });
  afterAll(async () => { await s?.close(); });

  it('runs a storm in the worker with progress, draws the water, and scrubs its frames with the slider', async () => {
    // A 1 km square on the Jinjiang west of the centre (the river channel collects the runoff).
    await s.page.evaluate(() => { void window.twin!.simulation!.run(180, [-1500, 1100]); });
    await s.page.waitForFunction(() => (document.querySelector('.sim-panel progress') as HTMLProgressElement).value > 0, undefined, { timeout: 60_000 });
    await s.page.waitForSelector('body[data-flood="done"]', { timeout: 240_000 });
    expect(await s.page.locator('.sim-time').getAttribute('max')).toBe('11');
    const kpis = await s.page.locator('.sim-kpis dd').allTextContents();
    expect(kpis[0]).toMatch(/^[\d,]+ m³$/);
    expect(Number(kpis[2].replace(' m', ''))).toBeGreaterThan(0.05);
    expect(await s.page.textContent('.legend h3')).toBe('Flood depth (m)');
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(root, 'test-results/flood-end.png') });
    await s.page.locator('.sim-time').focus();
    for (let k = 0; k < 8; k++) await s.page.keyboard.press('ArrowLeft');
    expect(await s.page.textContent('.sim-panel output')).toBe('20 min');
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(root, 'test-results/flood-20min.png') });
  });

  it('logged no console errors and made no request off its origin', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
