/** Types for tiny-osmpbf (CommonJS, untyped): a synchronous OSM PBF parser emitting OSM-JSON elements. */
declare module 'tiny-osmpbf' {
  export interface TinyOsmElement {
    type: 'node' | 'way' | 'relation';
    id: number;
    lat?: number;
    lon?: number;
    nodes?: number[];
    members?: Array<{ type: 'node' | 'way' | 'relation'; ref: number; role: string }>;
    tags?: Record<string, string>;
  }
  function tinyosmpbf(data: Uint8Array, handler?: (element: TinyOsmElement) => void): { elements?: TinyOsmElement[] };
  export default tinyosmpbf;
}
