import type { BufferGeometry, Material, Object3D, Texture } from 'three';

/** Bytes of a texture on the GPU (RGBA8 unless its data says otherwise), with a third more for mipmaps. */
function textureBytes(t: Texture): number {
  const img = t.image as { width?: number; height?: number; data?: ArrayBufferView } | undefined;
  if (!img?.width || !img.height) return 0;
  const base = img.data ? img.data.byteLength : img.width * img.height * 4;
  return t.generateMipmaps && !img.data ? Math.round((base * 4) / 3) : base;
}

function geometryBytes(g: BufferGeometry): number {
  let b = g.index ? g.index.array.byteLength : 0;
  for (const name in g.attributes) b += (g.attributes[name].array as ArrayBufferView).byteLength;
  return b;
}

/**
 * Estimated GPU bytes of an object tree: each geometry's attributes and index, and each texture
 * a material holds directly or in its uniforms, counted once. Objects already in `seen` (e.g.
 * textures shared by every tile) are skipped; `seen` is grown, so one set spans several calls.
 */
export function sceneGpuBytes(root: Object3D, seen: Set<object> = new Set()): number {
  let bytes = 0;
  const addTexture = (t: Texture) => { if (!seen.has(t)) { seen.add(t); bytes += textureBytes(t); } };
  root.traverse((o) => {
    const mesh = o as Object3D & { geometry?: BufferGeometry; material?: Material | Material[] };
    if (mesh.geometry && !seen.has(mesh.geometry)) { seen.add(mesh.geometry); bytes += geometryBytes(mesh.geometry); }
    const mats = Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : [];
    for (const m of mats) {
      for (const key in m) { const v = (m as unknown as Record<string, unknown>)[key] as Texture | undefined; if (v && (v as Texture).isTexture) addTexture(v); }
      const uniforms = (m as Material & { uniforms?: Record<string, { value: unknown }> }).uniforms;
      if (uniforms) for (const k in uniforms) { const v = uniforms[k].value as Texture | undefined; if (v && (v as Texture).isTexture) addTexture(v); }
    }
  });
  return bytes;
}
