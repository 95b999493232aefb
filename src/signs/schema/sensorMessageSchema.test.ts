import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { sensorMessageSchema } from './sensorMessageSchema';
import { validatePayload, type ParsedReading } from './validatePayload';
import type { RejectionDetail } from './RejectReason';

const NOW = Date.UTC(2026, 10, 24);
const samples: unknown[] = [
  { id: 'WL-1', kind: 'water_level', timeMs: NOW, value: 3.2, unit: 'm' },
  { id: 'WL-1', kind: 'water_level', timeMs: NOW, value: 31, unit: 'm' },
  { id: 'WL-1', kind: 'water_level', timeMs: NOW, value: 3, unit: 'cm' },
  { id: 'RF-1', kind: 'rainfall', timeMs: NOW, value: 12.5, unit: 'mm/h' },
  { id: 'TS-1', kind: 'traffic_speed', timeMs: NOW, value: '40', unit: 'km/h' },
  { id: 'AQ-1', kind: 'air_quality', timeMs: NOW, value: 80, unit: 'ug/m3' },
  { id: 'PL-1', kind: 'power_load', timeMs: NOW, value: -2, unit: 'MW' },
  { id: 'CD-1', kind: 'crowd_density', timeMs: NOW, value: 4.5, unit: 'persons/m2' },
  { id: 'HL-1', kind: 'hotline_12345', timeMs: NOW, value: 3, unit: 'events' },
  { id: 'HL-1', kind: 'hotline_12345', timeMs: NOW, value: 2.5, unit: 'events' },
  { id: 'FA-1', kind: 'fire_alarm', timeMs: NOW, value: true, unit: 'state' },
  { id: 'FA-1', kind: 'fire_alarm', timeMs: NOW, value: 1, unit: 'state' },
  { id: 'FA-1', kind: 'fire_alarm', timeMs: NOW, value: 2, unit: 'state' },
  { id: 'FA-1', kind: 'fire_smoke', timeMs: NOW, value: 1, unit: 'state' },
  { id: 'FA-1', kind: 'fire_alarm', value: 1, unit: 'state' },
  { kind: 'fire_alarm', timeMs: NOW, value: 1, unit: 'state' },
  [1, 2, 3],
  'text',
];

describe('sensorMessageSchema', () => {
  it('is a valid JSON Schema that agrees with the hand validator on every sample', () => {
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(sensorMessageSchema());
    const out: ParsedReading = { sensorId: '', kind: 'water_level', timeMs: 0, value: 0 };
    const detail: RejectionDetail = { reason: 'accepted', topic: '', field: '', expected: '', got: '' };
    let valid = 0;
    for (const m of samples) {
      const ours = validatePayload(m, NOW, out, detail) === 0;
      expect(check(m), JSON.stringify(m)).toBe(ours);
      valid += ours ? 1 : 0;
    }
    expect(valid).toBe(7);
  });
});
