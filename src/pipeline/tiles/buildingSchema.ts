import { BUILDING_USES } from '../../twin/BuildingUse';
import type { ClassProperty, MetadataSchema } from '../gltf/propertyTable';

const props = {
  id: { type: 'STRING', description: 'Building id' },
  index: { type: 'SCALAR', componentType: 'UINT32', description: "Index in the city's building list (buildings.geojson order; the views' state-texture texel)" },
  height: { type: 'SCALAR', componentType: 'FLOAT32', description: 'Height above ground (m)' },
  floors: { type: 'SCALAR', componentType: 'UINT16', description: 'Number of floors' },
  use: { type: 'ENUM', enumType: 'buildingUse', description: 'Main use' },
  population: { type: 'SCALAR', componentType: 'UINT32', description: 'People normally present (persons)' },
  addressId: { type: 'STRING', description: 'Standard address id' },
  address: { type: 'STRING', description: 'Standard address (Chinese)' },
  addressPinyin: { type: 'STRING', description: 'Standard address (pinyin)' },
  districtId: { type: 'STRING', description: 'District (区) code' },
  streetId: { type: 'STRING', description: 'Street (街道) code' },
  communityId: { type: 'STRING', description: 'Community (社区) code' },
  gridId: { type: 'STRING', description: 'Grid cell (网格) id' },
} satisfies Record<string, ClassProperty>;

/**
 * The EXT_structural_metadata schema of building tiles: `building` (one row per building, the
 * leaves) and `block` (one row per merged block of the coarse tiles: the tallest building it
 * stands for, its totals, the units of that building).
 */
export const BUILDING_SCHEMA: MetadataSchema = {
  id: 'rongcheng_buildings',
  classes: {
    building: {
      name: 'Building',
      description: 'A building of the city model with its standard address and spatial-unit ids.',
      properties: props,
    },
    block: {
      name: 'Block',
      description: 'Buildings merged into one box at a coarse level of detail; id, index and unit ids are those of its tallest building.',
      properties: {
        id: { ...props.id, description: 'Id of the tallest building of the block' },
        index: { ...props.index, description: "Index of the block's tallest building in the city's building list (its state-texture texel)" },
        buildingCount: { type: 'SCALAR', componentType: 'UINT32', description: 'Buildings merged into this block' },
        height: { ...props.height, description: 'Area-weighted mean height of the merged buildings (m)' },
        floors: props.floors,
        use: { ...props.use, description: 'Use with the most floor area' },
        population: { ...props.population, description: 'People normally present in all merged buildings (persons)' },
        districtId: props.districtId, streetId: props.streetId, communityId: props.communityId, gridId: props.gridId,
      },
    },
  },
  enums: {
    buildingUse: { valueType: 'UINT8', values: BUILDING_USES.map((name, value) => ({ name, value })) },
  },
};
