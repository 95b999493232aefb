import type { Viewer } from 'cesium';

/**
 * A PNG of what the viewers show, side by side (one viewer: just its canvas). Each scene is
 * rendered right before its canvas is read, so the drawing buffer still holds the frame without
 * preserveDrawingBuffer. The workspace renders on request, where `render()` alone draws nothing
 * (a black PNG): a render is requested first. Returns a data: URL.
 */
export function snapshotPng(viewers: readonly Viewer[]): string {
  if (viewers.length === 1) { renderNow(viewers[0]); return viewers[0].scene.canvas.toDataURL('image/png'); }
  const canvases = viewers.map((v) => v.scene.canvas);
  const out = document.createElement('canvas');
  out.width = canvases.reduce((w, c) => w + c.width, 0);
  out.height = Math.max(...canvases.map((c) => c.height));
  const g = out.getContext('2d')!;
  let x = 0;
  viewers.forEach((v, k) => {
    renderNow(v);
    g.drawImage(canvases[k], x, 0);
    x += canvases[k].width;
  });
  return out.toDataURL('image/png');
}

function renderNow(v: Viewer): void {
  v.scene.requestRender();
  v.scene.render();
}
