/**
 * Where each kind of building colouring sits in the stack (higher draws on top). Every building
 * colour of the twin is an overlay layer with one of these priorities, so both views stack them
 * the same way: a selection stays visible over a live indicator, which stays over colour-by.
 */
export const BUILDING_COLOR_PRIORITY = {
  /** Colour by a static attribute (use, height, floors, people). */
  colourBy: 0,
  /** Live indicators of the vital signs. */
  live: 10,
  /** Analyses: fire coverage, sunlight, height limits. */
  analysis: 20,
  /** Results of a scenario or a simulation run. */
  scenario: 30,
  /** Buildings of a selected unit or an area query. */
  selection: 40,
  /** The rest of the city dimmed around a tier view's district or street. */
  scope: 45,
  /** The building the user picked. */
  pick: 50,
} as const;

/** The priority of a building colour layer that does not declare one. */
export const DEFAULT_BUILDING_PRIORITY = BUILDING_COLOR_PRIORITY.scenario;
