import { BUILDING_USES } from '../../twin/BuildingUse';
import type { MetadataSchema } from '../gltf/propertyTable';

/** The EXT_structural_metadata schema of building tiles: one `building` class, one row per building. */
export const BUILDING_SCHEMA: MetadataSchema = {
  id: 'rongcheng_buildings',
  classes: {
    building: {
      name: 'Building',
      description: 'A building of the city model with its standard address and spatial-unit ids.',
      properties: {
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
      },
    },
  },
  enums: {
    buildingUse: { valueType: 'UINT8', values: BUILDING_USES.map((name, value) => ({ name, value })) },
  },
};
