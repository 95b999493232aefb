/** People who leave one place together (usually one building). */
export interface EvacueeGroup {
  id: string;
  lonDeg: number;
  latDeg: number;
  /** Whole people. */
  people: number;
}

/** A place people are sent to, with its capacity. */
export interface Shelter {
  id: string;
  lonDeg: number;
  latDeg: number;
  capacityPeople: number;
}
