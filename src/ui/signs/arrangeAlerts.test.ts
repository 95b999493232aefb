import { describe, expect, it } from 'vitest';
import type { Alert } from '../../signs/alerts/Alert';
import { arrangeAlerts } from './arrangeAlerts';

let seq = 0;
const alert = (kind: string, severity: Alert['severity'], raisedAtMs: number): Alert => ({ id: `AL-${++seq}`, kind, severity, raisedAtMs, state: 'raised' } as Alert);

describe('arrangeAlerts', () => {
  const open = [alert('rainfall', 'yellow', 1), alert('fire_alarm', 'red', 2), alert('rainfall', 'orange', 3), alert('rainfall', 'yellow', 4)];

  it('groups by kind, the most severe group first, most severe then newest within', () => {
    const { rows, hidden, kinds } = arrangeAlerts(open, [], { kind: '', minSeverity: 'blue' }, 10);
    expect(rows.map((r) => (r.type === 'group' ? `#${r.kind}:${r.count}` : `${r.alert.severity}@${r.alert.raisedAtMs}`))).toEqual([
      '#fire_alarm:1', 'red@2', '#rainfall:3', 'orange@3', 'yellow@4', 'yellow@1',
    ]);
    expect(hidden).toBe(0);
    expect(kinds.get('rainfall')).toBe(3);
  });

  it('caps the list, counts what it leaves out, and filters by kind and severity', () => {
    expect(arrangeAlerts(open, [], { kind: '', minSeverity: 'blue' }, 2).hidden).toBe(2);
    const only = arrangeAlerts(open, [], { kind: 'rainfall', minSeverity: 'orange' }, 10).rows;
    expect(only.filter((r) => r.type === 'alert')).toHaveLength(1);
  });
});
