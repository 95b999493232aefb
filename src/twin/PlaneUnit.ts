/** The tiers of the demo city's spatial units (a city package may use fewer or other tiers). */
export type UnitLevel = 'city' | 'district' | 'street' | 'community' | 'grid';

/** A spatial unit of the hierarchy city > district > street > community > grid cell, in plane meters. */
export interface PlaneUnit {
  id: string;
  level: UnitLevel;
  name: string;
  namePinyin: string;
  parentId: string | null;
  /** Outer rings (counter-clockwise), each closed (first point repeated last). */
  rings: Array<Array<[number, number]>>;
}
