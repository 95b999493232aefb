import { describe, expect, it } from 'vitest';
import { demoModel, demoRegistry } from '../../support/demoPackage';
import { defaultRules } from '../../../src/signs/rules/defaultRules';
import { SignsStore } from '../../../src/signs/SignsStore';
import { syntheticFeed } from '../../../src/feed/syntheticFeed';

describe('SignsStore ingest throughput', () => {
  it('ingests realistic readings for the whole demo registry at a measured rate (printed)', async () => {
    const [city, registry] = await Promise.all([demoModel(), demoRegistry()]);
    const { topics, payloads } = syntheticFeed(registry, 100_000);
    const store = new SignsStore({ registry, units: city.units, rules: defaultRules() });
    const t0 = performance.now();
    let ok = 0;
    for (let i = 0; i < topics.length; i++) if (store.ingest(topics[i], payloads[i])) ok++;
    const ms = performance.now() - t0;
    store.tick();
    const rate = topics.length / (ms / 1000);
    console.log(`ingest: ${topics.length} messages in ${ms.toFixed(0)} ms = ${Math.round(rate)} messages/s (${registry.sensors.length} sensors)`);
    expect(ok).toBe(topics.length);
    // A sanity floor only (the machine is shared); the figure that matters is printed and benched.
    expect(rate).toBeGreaterThan(10_000);
  });
});
