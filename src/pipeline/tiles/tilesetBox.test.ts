import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random';
import { boxExtent, boxOf, unionBounds, type Bounds3 } from './tilesetBox';

describe('boxOf', () => {
  it('encloses its bounds and nests exactly when bounds nest (no millimetre poking out)', () => {
    const rand = createRandom(42);
    for (let k = 0; k < 2000; k++) {
      const inner: Bounds3 = [0, 0, 0, 0, 0, 0].map((_, i) => (i < 3 ? -1 : 1) * rand() * 5000 + (rand() - 0.5) * 3000) as Bounds3;
      for (let i = 0; i < 3; i++) if (inner[i] > inner[i + 3]) [inner[i], inner[i + 3]] = [inner[i + 3], inner[i]];
      const outer = unionBounds(inner, inner.map((v, i) => v + (i < 3 ? -1 : 1) * rand() * 0.003) as Bounds3);
      const a = boxExtent(boxOf(inner).box), b = boxExtent(boxOf(outer).box);
      for (let i = 0; i < 3; i++) {
        expect(a[i]).toBeLessThanOrEqual(inner[i] - 0.5);
        expect(a[i + 3]).toBeGreaterThanOrEqual(inner[i + 3] + 0.5);
        expect(a[i] - b[i]).toBeGreaterThanOrEqual(-1e-9 * Math.abs(b[i]));
        expect(b[i + 3] - a[i + 3]).toBeGreaterThanOrEqual(-1e-9 * Math.abs(b[i + 3]));
      }
    }
  });
});
