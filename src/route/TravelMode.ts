/**
 * Who travels a road network: 'car' (private cars and emergency vehicles: the network dispatch
 * routes on) or 'walk'. Each mode has its own network.bin, built from the same roads with that
 * mode's access, direction and speed rules (src/pipeline/network/README.md).
 */
export const TRAVEL_MODES = ['car', 'walk'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
