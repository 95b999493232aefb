/** An ESRI ASCII raster ("ncols ... nodata_value" then rows north to south), rows flipped to south first. */
export interface AsciiGrid {
  width: number;
  height: number;
  /** South-west corner of the raster (m) and cell size (m). */
  xMinM: number;
  yMinM: number;
  cellSizeM: number;
  /** Values, row 0 south (the file's last line); no-data cells are NaN. */
  values: Float64Array;
}

/** Parses an ESRI ASCII grid; `file` names it in errors (which header key, which row). */
export function readAsciiGrid(text: string, file: string): AsciiGrid {
  const lines = text.split(/\r?\n/);
  const head = new Map<string, number>();
  let l = 0;
  while (l < lines.length && /^[a-zA-Z]/.test(lines[l].trim())) {
    const [k, v] = lines[l].trim().split(/\s+/);
    head.set(k.toLowerCase(), Number(v));
    l++;
  }
  const need = (k: string) => {
    const v = head.get(k);
    if (v === undefined || !Number.isFinite(v)) throw new Error(`${file}: header key "${k}" missing or not a number`);
    return v;
  };
  const width = need('ncols'), height = need('nrows'), cellSizeM = need('cellsize');
  const xMinM = head.has('xllcorner') ? need('xllcorner') : need('xllcenter') - cellSizeM / 2;
  const yMinM = head.has('yllcorner') ? need('yllcorner') : need('yllcenter') - cellSizeM / 2;
  const nodata = head.get('nodata_value');
  const values = new Float64Array(width * height);
  const nums = lines.slice(l).join(' ').trim().split(/\s+/).map(Number);
  if (nums.length !== width * height) throw new Error(`${file}: expected ncols*nrows = ${width * height} values, got ${nums.length}`);
  for (let r = 0; r < height; r++) {
    for (let i = 0; i < width; i++) {
      const v = nums[r * width + i];
      if (!Number.isFinite(v)) throw new Error(`${file}: row ${r + 1}, column ${i + 1} is not a number`);
      values[(height - 1 - r) * width + i] = v === nodata ? NaN : v;
    }
  }
  return { width, height, xMinM, yMinM, cellSizeM, values };
}
