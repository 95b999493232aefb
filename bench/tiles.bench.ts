/**
 * Tiling the demo city: seconds and bytes, our GLB writer against @gltf-transform/core writing the
 * same building meshes (peer), and the time until the tilesets report loaded in headless Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { buildDemoCity } from '../src/pipeline/buildDemoCity';
import { generateDemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { GL, GlbBuilder } from '../src/pipeline/gltf/GlbBuilder';
import { extrudeBuildings, type BuildingMesh } from '../src/pipeline/tiles/extrudeBuildings';
import { measureWorkspaceLoad } from './browserLoad';

function ours(m: BuildingMesh): number {
  const glb = new GlbBuilder();
  const attributes = {
    POSITION: glb.addAccessor(m.positions, 'VEC3', { target: GL.ARRAY_BUFFER, withBounds: true }),
    NORMAL: glb.addAccessor(m.normals, 'VEC3', { target: GL.ARRAY_BUFFER }),
    _FEATURE_ID_0: glb.addAccessor(m.featureIds, 'SCALAR', { target: GL.ARRAY_BUFFER }),
  };
  glb.json.meshes = [{ primitives: [{ attributes, indices: glb.addAccessor(m.indices, 'SCALAR', { target: GL.ELEMENT_ARRAY_BUFFER }) }] }];
  glb.json.nodes = [{ mesh: 0 }];
  glb.json.scenes = [{ nodes: [0] }];
  return glb.toGlb().byteLength;
}

/** gltf-transform's types want ArrayBuffer-backed arrays; ours are views of plain ArrayBuffers too. */
const plain = <T>(a: T) => a as unknown as Float32Array<ArrayBuffer>;

async function peer(io: NodeIO, m: BuildingMesh): Promise<number> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const prim = doc.createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(plain(m.positions)).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(plain(m.normals)).setBuffer(buffer))
    .setAttribute('_FEATURE_ID_0', doc.createAccessor().setType('SCALAR').setArray(plain(m.featureIds)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(m.indices as unknown as Uint32Array<ArrayBuffer>).setBuffer(buffer));
  doc.createScene().addChild(doc.createNode().setMesh(doc.createMesh().addPrimitive(prim)));
  return (await io.writeBinary(doc)).byteLength;
}

export async function run(): Promise<object> {
  const out = mkdtempSync(join(tmpdir(), 'bench-tiles-'));
  const summary = await buildDemoCity(out);
  const city = generateDemoCity();
  // The same batches as ~300 tiles of ~75 buildings.
  const meshes: BuildingMesh[] = [];
  for (let i = 0; i < city.buildings.length; i += 75) meshes.push(extrudeBuildings(city.buildings.slice(i, i + 75), city.frame, city.dem));
  const io = new NodeIO();
  let t0 = performance.now(), oursBytes = 0;
  for (const m of meshes) oursBytes += ours(m);
  const oursMs = performance.now() - t0;
  t0 = performance.now();
  let peerBytes = 0;
  for (const m of meshes) peerBytes += await peer(io, m);
  const peerMs = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  const browser = await measureWorkspaceLoad().catch((e: Error) => ({ error: e.message }));
  return {
    demoCity: { buildings: summary.buildings, tiles: summary.tiles, bytes: summary.bytes, megabytes: +(summary.bytes / 1e6).toFixed(1), seconds: summary.seconds },
    glbWrite: {
      batches: meshes.length, oursMs: +oursMs.toFixed(1), gltfTransformMs: +peerMs.toFixed(1),
      ratioOursOverPeer: +(oursMs / peerMs).toFixed(3), oursBytes, peerBytes,
    },
    headlessChromium: browser,
  };
}
