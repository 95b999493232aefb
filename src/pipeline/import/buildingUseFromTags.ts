import { BUILDING_USES, type BuildingUse } from '../../twin/BuildingUse';

const BY_BUILDING: Record<string, BuildingUse> = {
  house: 'residential', residential: 'residential', apartments: 'residential', detached: 'residential',
  terrace: 'residential', dormitory: 'residential', semidetached_house: 'residential', bungalow: 'residential',
  cabin: 'residential', farm: 'residential', hut: 'residential', houseboat: 'residential',
  commercial: 'commercial', retail: 'commercial', supermarket: 'commercial', kiosk: 'commercial', hotel: 'commercial',
  train_station: 'commercial', transportation: 'commercial', parking: 'commercial',
  office: 'office',
  industrial: 'industrial', warehouse: 'industrial', factory: 'industrial', manufacture: 'industrial',
  garage: 'industrial', garages: 'industrial', carport: 'industrial', shed: 'industrial', roof: 'industrial',
  service: 'industrial', hangar: 'industrial', storage_tank: 'industrial', greenhouse: 'industrial',
  school: 'school', university: 'school', college: 'school', kindergarten: 'school',
  hospital: 'hospital', fire_station: 'fire_station', stadium: 'stadium', grandstand: 'stadium',
  government: 'government', public: 'government', civic: 'government', church: 'government', cathedral: 'government',
  chapel: 'government', mosque: 'government', temple: 'government', shrine: 'government', synagogue: 'government',
};

const BY_AMENITY: Record<string, BuildingUse> = {
  school: 'school', university: 'school', college: 'school', kindergarten: 'school',
  hospital: 'hospital', clinic: 'hospital', fire_station: 'fire_station', police: 'police',
  townhall: 'government', courthouse: 'government', place_of_worship: 'government',
  restaurant: 'commercial', cafe: 'commercial', bank: 'commercial', marketplace: 'commercial', cinema: 'commercial',
};

/**
 * The tiles' building use (one of BUILDING_USES) for OSM tags or a GIS `use`/`building` attribute:
 * amenity/leisure/office/shop tags first (they say what happens inside), then the building value.
 * `guessed` is true when nothing said and 'residential' is the stated default. Religious, civic and
 * public buildings map to 'government'; garages, sheds and roofs to 'industrial' (low occupancy).
 */
export function buildingUseFromTags(tags: Record<string, unknown>): { use: BuildingUse; guessed: boolean } {
  const str = (k: string) => (typeof tags[k] === 'string' ? (tags[k] as string).trim().toLowerCase() : '');
  const direct = str('use');
  if ((BUILDING_USES as readonly string[]).includes(direct)) return { use: direct as BuildingUse, guessed: false };
  const amenity = BY_AMENITY[str('amenity')];
  if (amenity) return { use: amenity, guessed: false };
  if (str('leisure') === 'stadium') return { use: 'stadium', guessed: false };
  if (str('office') === 'government') return { use: 'government', guessed: false };
  if (str('office')) return { use: 'office', guessed: false };
  if (str('shop') || str('tourism') === 'hotel') return { use: 'commercial', guessed: false };
  if (str('healthcare') === 'hospital') return { use: 'hospital', guessed: false };
  const building = BY_BUILDING[str('building')] ?? BY_BUILDING[direct];
  if (building) return { use: building, guessed: false };
  return { use: 'residential', guessed: true };
}
