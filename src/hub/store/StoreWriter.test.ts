import { describe, expect, it } from 'vitest';
import type { HubStore, ReadingRows } from './HubStore';
import { StoreWriter } from './StoreWriter';

/** A store that fails while `down` and records what it got. */
function fakeStore() {
  const got = { readings: [] as string[], writes: [] as string[], down: false };
  const store = {
    insertReadings: async (r: ReadingRows) => { if (got.down) throw new Error('connection refused'); got.readings.push(...r.sensorIds); },
  } as unknown as HubStore;
  return { got, store };
}

describe('StoreWriter', () => {
  it('writes queued changes in order and readings in batches', async () => {
    const { got, store } = fakeStore();
    const w = new StoreWriter(store, { flushMs: 60_000, batchSize: 2 });
    for (const id of ['a', 'b', 'c']) w.addReading(id, 1, 1);
    const done = Promise.all(['first', 'second'].map((n) => w.enqueue(n, async () => { got.writes.push(n); })));
    await done;
    await w.flush();
    expect(got.writes).toEqual(['first', 'second']);
    expect(got.readings).toEqual(['a', 'b', 'c']);
    expect(w.status).toMatchObject({ state: 'ok', writtenReadings: 3, pendingReadings: 0 });
    await w.close();
  });

  it('says it is retrying while the store is away, keeps everything, and catches up', async () => {
    const { got, store } = fakeStore();
    const w = new StoreWriter(store, { flushMs: 20, maxBackoffMs: 50 });
    const states: string[] = [];
    w.events.subscribe('status', (s) => states.push(s.state));
    got.down = true;
    for (let i = 0; i < 100; i++) w.addReading(`s${i}`, i, i);
    let wrote = false;
    const alert = w.enqueue('alert', async () => { if (got.down) throw new Error('connection refused'); wrote = true; });
    await new Promise((r) => setTimeout(r, 200));
    expect(w.status).toMatchObject({ state: 'retrying', lastError: 'alert: connection refused' });
    expect(wrote).toBe(false);
    got.down = false;
    await alert;
    await new Promise((r) => setTimeout(r, 200));
    expect(states).toEqual(['retrying', 'ok']);
    expect(got.readings).toHaveLength(100);
    await w.close();
  });

  it('drops the oldest readings past its buffer, counting them; never a queued change', async () => {
    const { got, store } = fakeStore();
    got.down = true;
    const w = new StoreWriter(store, { flushMs: 10_000, maxBufferedReadings: 1000 });
    for (let i = 0; i < 1500; i++) w.addReading(`s${i}`, i, i);
    // Past 1000 it drops down to 900 at once: 5 times 101 readings for 1500.
    expect(w.status.droppedReadings).toBe(505);
    got.down = false;
    await w.flush();
    expect(got.readings[0]).toBe('s505');
    expect(got.readings).toHaveLength(995);
    await w.close();
  });
});
