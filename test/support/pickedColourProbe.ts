/**
 * In-page check of the workspace's building colours against picking (page.evaluate; it uses only
 * its argument and `window.twin`): the building Cesium picks at a screen point must be the one
 * its state-texture texel colours there, in the first frame drawn after the change. Used by the
 * browser tests (demo city) and the megacity bench (buildings indexed past 2^16).
 */

/** What the probe saw at one screen point (pixels: sRGB bytes of the drawn frame). */
export interface PickedColour {
  x: number;
  y: number;
  /** The picked building's id and `index` property (its texel); null when no building is there. */
  id: string | null;
  index: number;
  before: number[];
  /** Only the picked building coloured (by id, as live layers do): the first frame after. */
  onlyIt: number[];
  /** Only its neighbours in index order (index - 1, index + 1) coloured, by index. */
  neighbours: number[];
}

/**
 * At each point: picks, then colours only the picked building magenta (a `featureColors` layer by
 * id, priority 60, above a pick highlight), then only its index neighbours (a `buildingColors`
 * layer), reading the pixel of the first frame drawn after each change. Leaves no layer behind.
 */
export async function pickedColourProbe(arg: { points: number[][] }): Promise<PickedColour[]> {
  const t = window.twin!, scene = t.workspace.viewer.scene, canvas = scene.canvas;
  // The drawn picture, taken in the frame's own task (the drawing buffer is not preserved after it).
  const pixelAt = async (x: number, y: number): Promise<number[]> => {
    const url = await new Promise<string>((ok) => {
      const off = scene.postRender.addEventListener(() => { off(); ok(canvas.toDataURL('image/png')); });
      scene.requestRender();
    });
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const c2d = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    c2d.drawImage(bitmap, 0, 0);
    const pr = bitmap.width / canvas.clientWidth;
    return [...c2d.getImageData(Math.floor(x * pr), Math.floor(y * pr), 1, 1).data];
  };
  const out: PickedColour[] = [];
  for (const [x, y] of arg.points) {
    const hit = t.workspace.hitAt({ x, y } as never);
    const id = (hit.building?.id as string | undefined) ?? null, index = Number(hit.building?.index ?? -1);
    const row: PickedColour = { x, y, id, index, before: [], onlyIt: [], neighbours: [] };
    out.push(row);
    if (id === null) continue;
    row.before = await pixelAt(x, y);
    t.overlay.set('probe-picked', { kind: 'featureColors', colors: new Map([[id, '#ff00ff']]), priority: 60 });
    row.onlyIt = await pixelAt(x, y);
    t.overlay.remove('probe-picked');
    const size = Math.max(t.colours!.compositor.state.length / 4, index + 2), rgba = new Uint8Array(size * 4);
    for (const n of [index - 1, index + 1]) if (n >= 0) rgba.set([255, 0, 255, 255], n * 4);
    t.overlay.set('probe-neighbours', { kind: 'buildingColors', rgba, priority: 60 });
    row.neighbours = await pixelAt(x, y);
    t.overlay.remove('probe-neighbours');
  }
  await pixelAt(0, 0);
  return out;
}

/** Magenta as the probe paints it, lit (red and blue well above green). */
export function isMagenta(p: number[]): boolean {
  return p[0] > 2 * p[1] + 20 && p[2] > 2 * p[1] + 20;
}
