import { transformPoints } from '../../geo/crs/transformPoint';
import { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { checkCrs } from './checkCrs';
import { geoJsonRoads } from './geoJsonRoads';
import { ImportReport, type ImportReportJson } from './ImportReport';
import { readCitySource, type CitySource } from './readCitySource';
import { readDemFile } from './readDemFile';
import { nativeCellSizeM, resampleDem, type PlaneExtent } from './resampleDem';
import type { RoadLine } from './RoadLine';
import { toBuildingRecords, type BuildingDefaults, type LonLatBuilding } from './toBuildingRecords';

export interface ImportCityOptions {
  /** GeoJSON (.geojson/.json), OSM XML (.osm) or OSM PBF (.osm.pbf) with building footprints. */
  buildingsPath: string;
  /** GeoTIFF, SRTM .hgt or a .zip of one; a flat 0 m DEM (reported) when absent. */
  demPath?: string;
  /** CRS of the buildings (and roads) file, e.g. 'EPSG:4544'; default the file's own, else EPSG:4326. */
  crs?: string;
  /** CRS of the DEM when its file names none (GeoTIFF GeoKeys win); default `crs`, else EPSG:4326. */
  demCrs?: string;
  /** File to take roads from; default the buildings file. */
  roadsFrom?: string;
  /** Frame origin [lonDeg, latDeg]; default the centre of the buildings' extent. */
  originLonLat?: [number, number];
  /** DEM cell size (m); default the raster's native spacing (at least 1 m), 20 m for a flat DEM. */
  demCellSizeM?: number;
  /** DEM margin around the buildings and roads (m). Default 200. */
  demMarginM?: number;
  /** Added to DEM heights (m): the geoid undulation N to turn orthometric into ellipsoidal heights. Default 0. */
  geoidOffsetM?: number;
  buildingDefaults?: BuildingDefaults;
  onProgress?: (step: string, fraction: number) => void;
  signal?: AbortSignal;
}

/** What the tilers take (frame, dem, buildings), the roads for the network compiler, and the report. */
export interface ImportedCity {
  frame: LocalFrame;
  dem: DemGrid;
  buildings: BuildingRecord[];
  roads: RoadLine[];
  report: ImportReportJson;
}

function flatten(rings: Array<Array<[number, number]>>, maxPoints = Infinity): Float64Array {
  const total = rings.reduce((n, r) => n + r.length, 0);
  const stride = Math.max(1, Math.ceil(total / maxPoints));
  const out: number[] = [];
  let k = 0;
  for (const r of rings) for (const p of r) if (k++ % stride === 0) out.push(p[0], p[1]);
  return new Float64Array(out);
}

/** Source-CRS rings -> WGS84 lon/lat, after checking the declared CRS against the data. */
function toLonLat(rings: Array<Array<[number, number]>>, declared: string | undefined, source: string, report: ImportReport): Float64Array[] {
  const check = checkCrs(flatten(rings, 20000), declared, 'EPSG:4326', source, report);
  report.stat(`crs:${source}`, check.crsId + (check.swapXY ? ' (axes swapped)' : ''));
  return rings.map((r) => {
    const xy = new Float64Array(r.length * 2);
    r.forEach(([x, y], i) => { xy[2 * i] = check.swapXY ? y : x; xy[2 * i + 1] = check.swapXY ? x : y; });
    return check.crsId === 'EPSG:4326' ? xy : transformPoints(check.crsId, 'EPSG:4326', xy, xy);
  });
}

function declaredCrsOf(src: CitySource, opts: ImportCityOptions, path: string, report: ImportReport): string | undefined {
  if (src.format !== 'geojson') {
    if (opts.crs && opts.crs.toUpperCase() !== 'EPSG:4326') report.add({ code: 'crs-ignored', action: 'note', source: path, message: `OSM coordinates are WGS84 by definition; crs ${opts.crs} applies to other inputs only` });
    return 'EPSG:4326';
  }
  if (opts.crs && src.declaredCrs && opts.crs !== src.declaredCrs) {
    report.add({ code: 'crs-override', action: 'note', source: path, message: `file names ${src.declaredCrs}; the explicit crs ${opts.crs} is used` });
  }
  return opts.crs ?? src.declaredCrs;
}

function centreOf(coords: Float64Array[]): [number, number] | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const c of coords) for (let i = 0; i < c.length; i += 2) {
    if (!Number.isFinite(c[i]) || !Number.isFinite(c[i + 1])) continue;
    minX = Math.min(minX, c[i]); maxX = Math.max(maxX, c[i]); minY = Math.min(minY, c[i + 1]); maxY = Math.max(maxY, c[i + 1]);
  }
  return Number.isFinite(minX) ? [Math.round(((minX + maxX) / 2) * 1e6) / 1e6, Math.round(((minY + maxY) / 2) * 1e6) / 1e6] : null;
}

/** Plane extent of the buildings and roads plus a margin, snapped outwards to whole cells. */
function extentOf(buildings: BuildingRecord[], roads: RoadLine[], frame: LocalFrame, marginM: number, cellM: number): PlaneExtent {
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  const grow = (x: number, y: number) => { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); };
  for (const b of buildings) for (const [x, y] of b.footprint) grow(x, y);
  for (const r of roads) for (const [lon, lat] of r.coordsLonLat) grow(...frame.toPlane(lon, lat));
  if (!Number.isFinite(xMin)) { xMin = yMin = -marginM; xMax = yMax = marginM; }
  const snap = (v: number, up: boolean) => (up ? Math.ceil(v / cellM) : Math.floor(v / cellM)) * cellM;
  return { xMinM: snap(xMin - marginM, false), yMinM: snap(yMin - marginM, false), xMaxM: snap(xMax + marginM, true), yMaxM: snap(yMax + marginM, true) };
}

async function demFor(opts: ImportCityOptions, frame: LocalFrame, buildings: BuildingRecord[], roads: RoadLine[], report: ImportReport): Promise<DemGrid> {
  const margin = opts.demMarginM ?? 200;
  if (!opts.demPath) {
    const cell = opts.demCellSizeM ?? 20;
    const e = extentOf(buildings, roads, frame, margin, cell);
    const width = Math.round((e.xMaxM - e.xMinM) / cell) + 1, height = Math.round((e.yMaxM - e.yMinM) / cell) + 1;
    report.add({ code: 'dem-flat', action: 'defaulted', source: opts.buildingsPath, message: `no DEM given: flat 0 m grid of ${width}x${height} nodes at ${cell} m` });
    return new DemGrid({ originLonDeg: frame.originLonDeg, originLatDeg: frame.originLatDeg, xMinM: e.xMinM, yMinM: e.yMinM, cellSizeM: cell, width, height }, new Float32Array(width * height));
  }
  const raster = await readDemFile(opts.demPath);
  const declared = opts.demCrs ?? raster.crsId ?? opts.crs;
  const corners = [raster.x0, raster.y0, raster.x0 + (raster.width - 1) * raster.dx, raster.y0 + (raster.height - 1) * raster.dy];
  const { crsId } = checkCrs(corners, declared, 'EPSG:4326', opts.demPath, report);
  const cell = opts.demCellSizeM ?? Math.max(1, Math.round(nativeCellSizeM(raster, crsId, frame)));
  if (raster.noDataCount) report.stat('demSourceNoDataSamples', raster.noDataCount);
  if (raster.implausibleCount) report.add({ code: 'dem-implausible', action: 'skipped', source: opts.demPath, count: raster.implausibleCount, message: `${raster.implausibleCount} heights no ground has (e.g. ${raster.implausibleExample} m: undeclared no-data or a unit error) treated as no-data` });
  if (!opts.geoidOffsetM) {
    report.add({ code: 'dem-vertical-datum', action: 'note', source: opts.demPath, message: 'heights kept as the DEM gives them (SRTM/most DEMs: orthometric, EGM96); pass geoidOffsetM to make them ellipsoidal' });
  }
  const dem = resampleDem(raster, crsId, frame, extentOf(buildings, roads, frame, margin, cell), cell, opts.demPath, report, opts.geoidOffsetM ?? 0);
  report.stat('dem', `${dem.width}x${dem.height} nodes at ${dem.cellSizeM} m from ${crsId}`);
  return dem;
}

/**
 * Imports a real city: building footprints (GeoJSON / OSM XML / OSM PBF, in any supported CRS,
 * checked against the data), roads (OSM highways or GeoJSON lines), and a DEM (GeoTIFF / SRTM,
 * resampled into the frame) into exactly what the tilers take, `{ frame, dem, buildings }`, plus
 * `roads` for the network compiler and a report of everything skipped, repaired or defaulted.
 * The frame origin is the centre of the buildings. Throws naming the file for unreadable input.
 */
export async function importCitySources(opts: ImportCityOptions): Promise<ImportedCity> {
  const t0 = performance.now();
  const report = new ImportReport();
  const progress = (step: string, f: number) => { opts.signal?.throwIfAborted(); opts.onProgress?.(step, f); };
  progress('read sources', 0);
  const src = await readCitySource(opts.buildingsPath, report, !opts.roadsFrom || opts.roadsFrom === opts.buildingsPath);
  const declared = declaredCrsOf(src, opts, opts.buildingsPath, report);
  const ringsLonLat = toLonLat(src.buildings.map((b) => b.outer), declared, opts.buildingsPath, report);
  const separateRoads = !!opts.roadsFrom && opts.roadsFrom !== opts.buildingsPath;
  const roadSrc = separateRoads ? await readCitySource(opts.roadsFrom!, report) : src;
  const roadPath = separateRoads ? opts.roadsFrom! : opts.buildingsPath;
  const lineDeclared = separateRoads ? declaredCrsOf(roadSrc, opts, roadPath, report) : declared;
  const lineLonLat = roadSrc.lines.length ? toLonLat(roadSrc.lines.map((l) => l.coords), lineDeclared, roadPath, report) : [];
  const origin = opts.originLonLat ?? centreOf(ringsLonLat) ?? centreOf(lineLonLat) ?? centreOf(roadSrc.osmRoads.map((r) => new Float64Array(r.coordsLonLat.flat())));
  if (!origin) throw new Error(`${opts.buildingsPath}: no building footprints or roads with usable coordinates (${report.issues.length} issues${report.issues.length ? ', first: ' + report.issues.slice(0, 3).map((i) => `${i.featureId ?? ''} ${i.message}`.trim()).join('; ') : ''})`);
  const frame = new LocalFrame(origin[0], origin[1]);
  progress('buildings', 0.3);
  const lonLatBuildings: LonLatBuilding[] = src.buildings.map((b, i) => ({ id: b.id, ringLonLat: ringsLonLat[i], attributes: b.attributes }));
  const tBuildings = performance.now();
  const buildings = toBuildingRecords(lonLatBuildings, frame, opts.buildingsPath, report, opts.buildingDefaults);
  const buildingStepMs = Math.round(performance.now() - tBuildings);
  const roads = [...roadSrc.osmRoads, ...geoJsonRoads(roadSrc.lines.map((l, i) => ({
    id: l.id, attributes: l.attributes, coordsLonLat: Array.from({ length: lineLonLat[i].length / 2 }, (_, k) => [lineLonLat[i][2 * k], lineLonLat[i][2 * k + 1]] as [number, number]),
  })), roadPath, report)];
  progress('dem', 0.6);
  const dem = await demFor(opts, frame, buildings, roads, report);
  const seconds = (performance.now() - t0) / 1000;
  Object.entries({
    frameOrigin: `${origin[0]},${origin[1]}`, sourceFormat: src.format, buildingsRead: src.buildings.length, buildingsImported: buildings.length,
    roadsImported: roads.length, seconds: Math.round(seconds * 1000) / 1000,
    buildingsPerSecond: Math.round(src.buildings.length / seconds),
    buildingStepMs,
  }).forEach(([k, v]) => report.stat(k, v));
  progress('done', 1);
  return { frame, dem, buildings, roads, report: report.toJSON() };
}
