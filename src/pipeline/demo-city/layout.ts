/**
 * The demo city's fixed plan (plane meters around the origin, see LocalFrame): a Chengdu-like
 * layout of ring roads, radial avenues, a 250 m street grid and the Jinjiang river, and the
 * nested spatial units that tile it. Everything here is geometry, no randomness.
 */

export const DEMO_ORIGIN = { lonDeg: 104.06, latDeg: 30.66 } as const;
/** Half the side of the built-up square (m). */
export const CITY_HALF_SIDE_M = 4500;
/** Street grid spacing; one block between streets is one grid cell (m). */
export const BLOCK_M = 250;
/** Grid cells per community side, communities per street (jiedao) side. */
export const CELLS_PER_COMMUNITY = 2;
export const COMMUNITIES_PER_STREET = 3;
/** Ring road radii (m): 1st, 2nd and 3rd ring. */
export const RING_RADII_M = [1600, 3000, 4250];
/** Radial avenue bearings (degrees counter-clockwise from east), offset from the grid axes. */
export const RADIAL_ANGLES_DEG = [22.5, 67.5, 112.5, 157.5, 202.5, 247.5, 292.5, 337.5];
export const RIVER_HALF_WIDTH_M = 35;
/** Buildings keep this distance from the river centreline (embankment parks), m. */
export const RIVER_SETBACK_M = 75;

/** The Jinjiang centreline: y as a function of x (m), flowing west -> east-south-east. */
export function riverCenterY(xM: number): number {
  return 900 - 0.32 * xM + 320 * Math.sin(xM / 850) + 120 * Math.sin(xM / 310 + 1.3);
}

/** Approximate distance from (x, y) to the river centreline (vertical offset scaled by the slope). */
export function distanceToRiverM(xM: number, yM: number): number {
  const h = 1;
  const slope = (riverCenterY(xM + h) - riverCenterY(xM - h)) / (2 * h);
  return Math.abs(yM - riverCenterY(xM)) / Math.sqrt(1 + slope * slope);
}

/** Districts of central Chengdu with their administrative codes and the bearing range they take. */
export const DISTRICTS = [
  { code: '510108', name: '成华区', pinyin: 'Chenghua', fromDeg: 10, toDeg: 95 },
  { code: '510106', name: '金牛区', pinyin: 'Jinniu', fromDeg: 95, toDeg: 165 },
  { code: '510105', name: '青羊区', pinyin: 'Qingyang', fromDeg: 165, toDeg: 230 },
  { code: '510107', name: '武侯区', pinyin: 'Wuhou', fromDeg: 230, toDeg: 300 },
  { code: '510104', name: '锦江区', pinyin: 'Jinjiang', fromDeg: 300, toDeg: 370 },
] as const;

/** Syllable pairs for street, community and road names: [hanzi, pinyin]. */
export const NAME_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['锦华', 'Jinhua'], ['春熙', 'Chunxi'], ['青龙', 'Qinglong'], ['玉林', 'Yulin'], ['望江', 'Wangjiang'],
  ['红星', 'Hongxing'], ['文殊', 'Wenshu'], ['府南', 'Funan'], ['草堂', 'Caotang'], ['浆洗', 'Jiangxi'],
  ['驷马', 'Sima'], ['抚琴', 'Fuqin'], ['光华', 'Guanghua'], ['桐梓', 'Tongzi'], ['芳草', 'Fangcao'],
  ['双桥', 'Shuangqiao'], ['猛追', 'Mengzhui'], ['建设', 'Jianshe'], ['沙河', 'Shahe'], ['东湖', 'Donghu'],
  ['书院', 'Shuyuan'], ['督院', 'Duyuan'], ['盐市', 'Yanshi'], ['牛市', 'Niushi'], ['合江', 'Hejiang'],
  ['莲桂', 'Liangui'], ['桂溪', 'Guixi'], ['石羊', 'Shiyang'], ['金沙', 'Jinsha'], ['蜀汉', 'Shuhan'],
  ['营门', 'Yingmen'], ['荷花', 'Hehua'], ['天府', 'Tianfu'], ['人民', 'Renmin'], ['太升', 'Taisheng'],
  ['骡马', 'Luoma'], ['宽窄', 'Kuanzhai'], ['琴台', 'Qintai'], ['浣花', 'Huanhua'], ['紫荆', 'Zijing'],
];

export { BUILDING_USES, type BuildingUse } from '../../twin/BuildingUse';
