import type { BuildingColorStacking, OverlayLayer } from './overlayLayers';

const KINDS = ['featureColors', 'buildingColors', 'points', 'lines', 'polygons', 'heatGrid', 'labels'];

function fail(id: string, field: string, expected: string, got: unknown): never {
  const shown = typeof got === 'string' ? `'${got}'` : Array.isArray(got) ? `array(${got.length})` : String(got);
  throw new Error(`overlay layer '${id}': field "${field}" must be ${expected} (got ${shown})`);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkLonLat(id: string, field: string, lon: unknown, lat: unknown): void {
  if (!isNum(lon) || lon < -180 || lon > 180) fail(id, `${field}.lonDeg`, 'a longitude in degrees (-180..180)', lon);
  if (!isNum(lat) || lat < -90 || lat > 90) fail(id, `${field}.latDeg`, 'a latitude in degrees (-90..90)', lat);
}

function checkFlat(id: string, field: string, arr: ArrayLike<number> | undefined, minVertices: number): void {
  if (!arr || typeof arr.length !== 'number' || arr.length % 2 !== 0 || arr.length < 2 * minVertices) {
    fail(id, field, `a flat [lon, lat, ...] array with at least ${minVertices} vertices`, arr?.length);
  }
  for (let i = 0; i < arr.length; i += 2) checkLonLat(id, `${field}[${i / 2}]`, arr[i], arr[i + 1]);
}

function checkString(id: string, field: string, v: unknown): void {
  if (typeof v !== 'string' || v.length === 0) fail(id, field, 'a non-empty string', v);
}

function checkHeights(id: string, field: string, heights: ArrayLike<number>, vertices: number): void {
  if (typeof heights?.length !== 'number' || heights.length !== vertices) fail(id, field, `one height in meters per vertex (${vertices})`, heights?.length);
  for (let k = 0; k < heights.length; k++) if (!isNum(heights[k])) fail(id, `${field}[${k}]`, 'a finite height in meters', heights[k]);
}

function checkStacking(id: string, layer: BuildingColorStacking): void {
  if (layer.priority !== undefined && !isNum(layer.priority)) fail(id, 'priority', 'a finite number or absent', layer.priority);
  if (layer.blend !== undefined && layer.blend !== 'replace' && layer.blend !== 'over' && layer.blend !== 'hide') fail(id, 'blend', "'replace', 'over', 'hide' or absent", layer.blend);
}

/**
 * Checks a layer at the model's boundary and throws an error naming the layer, the field and what
 * was expected; inside the views the data is trusted.
 */
export function validateOverlayLayer(id: string, layer: OverlayLayer): void {
  if (!layer || !KINDS.includes((layer as { kind: string }).kind)) fail(id, 'kind', `one of ${KINDS.join(', ')}`, (layer as { kind?: string })?.kind);
  switch (layer.kind) {
    case 'featureColors':
      checkStacking(id, layer);
      if (!(layer.colors instanceof Map)) fail(id, 'colors', 'a Map from building id to CSS colour', layer.colors);
      for (const [k, c] of layer.colors) checkString(id, `colors[${k}]`, c);
      break;
    case 'buildingColors':
      checkStacking(id, layer);
      if (!(layer.rgba instanceof Uint8Array) || layer.rgba.length % 4 !== 0) fail(id, 'rgba', 'a Uint8Array of 4 bytes per building', layer.rgba?.length);
      break;
    case 'points':
      layer.points.forEach((p, i) => {
        checkString(id, `points[${i}].id`, p.id);
        checkLonLat(id, `points[${i}]`, p.lonDeg, p.latDeg);
        checkString(id, `points[${i}].color`, p.color);
        if (!isNum(p.sizePx) || p.sizePx <= 0) fail(id, `points[${i}].sizePx`, 'a positive number of pixels', p.sizePx);
        if (p.heightM !== undefined && !isNum(p.heightM)) fail(id, `points[${i}].heightM`, 'meters or absent', p.heightM);
      });
      break;
    case 'lines':
      layer.lines.forEach((l, i) => {
        checkString(id, `lines[${i}].id`, l.id);
        checkFlat(id, `lines[${i}].lonLatDeg`, l.lonLatDeg, 2);
        if (!isNum(l.widthPx) || l.widthPx <= 0) fail(id, `lines[${i}].widthPx`, 'a positive number of pixels', l.widthPx);
        if (l.heightsM !== undefined) checkHeights(id, `lines[${i}].heightsM`, l.heightsM, l.lonLatDeg.length / 2);
      });
      break;
    case 'polygons':
      layer.polygons.forEach((p, i) => {
        checkString(id, `polygons[${i}].id`, p.id);
        checkFlat(id, `polygons[${i}].ringLonLatDeg`, p.ringLonLatDeg, 3);
        if (!isNum(p.fillOpacity) || p.fillOpacity < 0 || p.fillOpacity > 1) fail(id, `polygons[${i}].fillOpacity`, 'a number in 0..1', p.fillOpacity);
        if (p.extrude && !(isNum(p.extrude.baseM) && isNum(p.extrude.topM) && p.extrude.topM > p.extrude.baseM)) {
          fail(id, `polygons[${i}].extrude`, '{ baseM, topM } in meters with topM > baseM', JSON.stringify(p.extrude));
        }
      });
      break;
    case 'heatGrid': {
      const { westDeg: w, southDeg: s, eastDeg: e, northDeg: n, cols, rows } = layer;
      checkLonLat(id, 'southWest', w, s);
      checkLonLat(id, 'northEast', e, n);
      if (!(e > w) || !(n > s)) fail(id, 'eastDeg/northDeg', 'greater than westDeg/southDeg', `${e}/${n}`);
      if (!Number.isInteger(cols) || cols < 1) fail(id, 'cols', 'a positive integer', cols);
      if (!Number.isInteger(rows) || rows < 1) fail(id, 'rows', 'a positive integer', rows);
      if (!(layer.values instanceof Float32Array) || layer.values.length !== cols * rows) {
        fail(id, 'values', `a Float32Array of cols*rows = ${cols * rows} values`, layer.values?.length);
      }
      if (!layer.scale || !Array.isArray(layer.scale.classes)) fail(id, 'scale', 'a ColorScale', layer.scale);
      if (!isNum(layer.opacity) || layer.opacity < 0 || layer.opacity > 1) fail(id, 'opacity', 'a number in 0..1', layer.opacity);
      break;
    }
    case 'labels':
      layer.labels.forEach((l, i) => {
        checkString(id, `labels[${i}].id`, l.id);
        checkLonLat(id, `labels[${i}]`, l.lonDeg, l.latDeg);
        checkString(id, `labels[${i}].text`, l.text);
      });
      break;
  }
}
