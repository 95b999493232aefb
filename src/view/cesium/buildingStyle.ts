import { Cesium3DTileStyle } from 'cesium';
import type { ColorScale } from '../overlay/ColorScale';

/** Translates a colour scale into a Cesium 3D Tiles style (one condition per class, grey otherwise). */
export function buildingStyle(scale: ColorScale | null): Cesium3DTileStyle {
  if (!scale) return new Cesium3DTileStyle({ color: "color('#d8d8d4')" });
  const p = `\${feature['${scale.property}']}`;
  const conditions: Array<[string, string]> = scale.classes.map((c) => {
    if (scale.kind === 'categorical') return [`${p} === '${c.value}'`, `color('${c.color}')`];
    const tests = [c.min !== undefined && c.min !== -Infinity ? `${p} >= ${c.min}` : '', c.max !== undefined && c.max !== Infinity ? `${p} < ${c.max}` : ''].filter(Boolean);
    return [tests.join(' && ') || 'true', `color('${c.color}')`];
  });
  conditions.push(['true', "color('#bdbdbd')"]);
  return new Cesium3DTileStyle({ color: { conditions } });
}
