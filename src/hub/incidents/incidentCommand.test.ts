import { describe, expect, it } from 'vitest';
import { parseIncidentCommand } from './incidentCommand';

const parse = (v: unknown) => parseIncidentCommand(new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v)));

describe('parseIncidentCommand', () => {
  it('takes the three ways to create an incident', () => {
    expect(parse({ id: 'cmd-000001', action: 'create', alertId: 'FA-1~fire_alarm_active~1' })).toEqual({ id: 'cmd-000001', action: 'create', alertId: 'FA-1~fire_alarm_active~1' });
    expect(parse({ id: 'cmd-000002', action: 'create', type: 'flood', severity: 'high', lonLat: [104.06, 30.66], hotline: { caseId: 'C12345-9', callerText: '  water in the underpass ', callerPhone: '+86 138 0000 0000' } }))
      .toEqual({ id: 'cmd-000002', action: 'create', type: 'flood', severity: 'high', lonLat: [104.06, 30.66], hotline: { caseId: 'C12345-9', callerText: 'water in the underpass', callerPhone: '+86 138 0000 0000' } });
    expect(parse({ id: 'cmd-000003', action: 'create', type: 'crowd', severity: 'low', lonLat: [104.06, 30.66], extentLonLat: [[104.07, 30.67]], title: 'Concert exit' }))
      .toMatchObject({ extentLonLat: [[104.07, 30.67]], title: 'Concert exit' });
  });

  it('refuses what does not fit, naming the field and what was expected (with the id when readable)', () => {
    expect(parse('{')).toEqual({ error: 'command is not UTF-8 JSON' });
    expect(parse({ id: 'short', action: 'create' })).toEqual({ error: 'id: expected 8-64 letters, digits, - or _' });
    expect(parse({ id: 'cmd-000004', action: 'explode' })).toMatchObject({ id: 'cmd-000004', error: expect.stringMatching(/^action: expected one of create\|triage/) });
    expect(parse({ id: 'cmd-000005', action: 'create', type: 'fire', severity: 'high' })).toEqual({ id: 'cmd-000005', error: 'lonLat: expected [lonDeg, latDeg]' });
    expect(parse({ id: 'cmd-000006', action: 'create', type: 'meteor', severity: 'high', lonLat: [1, 2] })).toMatchObject({ error: expect.stringMatching(/^type: expected one of fire\|flood/) });
    expect(parse({ id: 'cmd-000007', action: 'create', alertId: 'x', hotline: { caseId: 'c', callerText: 't' } })).toMatchObject({ error: 'alertId, hotline: give one source, not both' });
    expect(parse({ id: 'cmd-000008', action: 'create', type: 'fire', severity: 'low', lonLat: [1, 2], extentLonLat: Array(51).fill([1, 2]) })).toMatchObject({ error: 'extentLonLat: expected at most 50 points' });
    expect(parse({ id: 'cmd-000009', action: 'dispatch', incidentId: 'INC-1', vehicleIds: ['a', 'a'] })).toMatchObject({ error: 'vehicleIds: expected each vehicle once' });
    expect(parse({ id: 'cmd-000010', action: 'dispatch', incidentId: 'INC-1', vehicleIds: [] })).toMatchObject({ error: 'vehicleIds: expected 1-20 vehicle ids' });
    expect(parse({ id: 'cmd-000011', action: 'note', incidentId: 'INC-1' })).toMatchObject({ error: expect.stringMatching(/^text: expected/) });
    expect(parse({ id: 'cmd-000012', action: 'triage', incidentId: 'a/b' })).toMatchObject({ error: 'incidentId: expected an incident id' });
    expect(parse({ id: 'cmd-000013', action: 'create', type: 'fire', severity: 'low', lonLat: [1, 2], text: 'x'.repeat(501) })).toMatchObject({ error: expect.stringMatching(/^text: expected 500 characters at most/) });
  });
});
