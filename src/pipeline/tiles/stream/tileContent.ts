import type { DemGrid } from '../../../geo/DemGrid';
import type { LocalFrame } from '../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../twin/BuildingRecord';
import { GL, GlbBuilder } from '../../gltf/GlbBuilder';
import { addPropertyTable } from '../../gltf/propertyTable';
import { BUILDING_SCHEMA } from '../buildingSchema';
import { extrudeBuildings, type Extrudable } from '../extrudeBuildings';
import type { Bounds3 } from '../tilesetBox';
import { unpackBuildings, type PackedBuildings } from './PackedBuildings';

/** A tile to write: its glb path under the tileset folder and what it shows. */
export type TileJob =
  | { kind: 'leaf'; uri: string; buildings: PackedBuildings }
  | { kind: 'blocks'; uri: string; blocks: Array<Extrudable & { row: Record<string, string | number> }> };

export interface TileContent {
  uri: string;
  bytes: Uint8Array;
  /** Bounds of the content in the tileset's z-up ENU frame (m). */
  bounds: Bounds3;
  features: number;
}

/** Metadata row of one building of a leaf tile. */
function buildingRow(b: BuildingRecord, index: number): Record<string, string | number> {
  return {
    id: b.id, index, height: b.heightM, floors: b.floors, use: b.use, population: b.population,
    addressId: b.addressId, address: b.address, addressPinyin: b.addressPinyin,
    districtId: b.districtId, streetId: b.streetId, communityId: b.communityId, gridId: b.gridId,
  };
}

function leafFeatures(packed: PackedBuildings): { shapes: Extrudable[]; rows: Array<Record<string, string | number>> } {
  const records = unpackBuildings(packed);
  return { shapes: records, rows: records.map((b, k) => buildingRow(b, packed.indices[k])) };
}

/**
 * Builds one building tile's glb: the extruded features batched in one primitive with
 * EXT_mesh_features ids (feature i = row i of the EXT_structural_metadata table), each vertex's
 * building index in the city (_CITY_INDEX), 16-bit indices
 * when the vertices allow. Pure: the same job gives the same bytes in any thread.
 */
export function buildTileContent(job: TileJob, frame: LocalFrame, dem: DemGrid): TileContent {
  const { shapes, rows } = job.kind === 'leaf' ? leafFeatures(job.buildings) : { shapes: job.blocks, rows: job.blocks.map((b) => b.row) };
  const mesh = extrudeBuildings(shapes, frame, dem, rows.map((r) => r.index as number));
  const glb = new GlbBuilder();
  const position = glb.addAccessor(mesh.positions, 'VEC3', { target: GL.ARRAY_BUFFER, withBounds: true });
  const normal = glb.addAccessor(mesh.normals, 'VEC3', { target: GL.ARRAY_BUFFER });
  const featureId = glb.addAccessor(mesh.featureIds, 'SCALAR', { target: GL.ARRAY_BUFFER });
  const cityIndex = glb.addAccessor(mesh.cityIndices, 'SCALAR', { target: GL.ARRAY_BUFFER });
  const vertexCount = mesh.positions.length / 3;
  const indices = glb.addAccessor(vertexCount <= 0xffff ? Uint16Array.from(mesh.indices) : mesh.indices, 'SCALAR', { target: GL.ELEMENT_ARRAY_BUFFER });
  const table = addPropertyTable(glb, BUILDING_SCHEMA, job.kind === 'leaf' ? 'building' : 'block', rows);
  glb.json.extensionsUsed.push('EXT_mesh_features');
  glb.json.materials = [{ name: 'building', pbrMetallicRoughness: { baseColorFactor: [0.86, 0.86, 0.84, 1], metallicFactor: 0, roughnessFactor: 0.85 } }];
  glb.json.meshes = [{ primitives: [{
    // _CITY_INDEX (application-specific) is each vertex's building index in the whole city, so a
    // view colours every building through one city-wide state texture (a block: its tallest
    // building's). Not a second EXT_mesh_features set: CesiumJS custom shaders fail on a set
    // without a property table.
    attributes: { POSITION: position, NORMAL: normal, _FEATURE_ID_0: featureId, _CITY_INDEX: cityIndex }, indices, material: 0, mode: 4,
    extensions: { EXT_mesh_features: { featureIds: [{ featureCount: rows.length, attribute: 0, propertyTable: table }] } },
  }] }];
  glb.json.nodes = [{ mesh: 0 }];
  glb.json.scenes = [{ nodes: [0] }];
  glb.json.scene = 0;
  return { uri: job.uri, bytes: glb.toGlb(), bounds: mesh.boundsEnu, features: rows.length };
}
