/** Who the workspace is laid out for (`?role=`). */
export type Role = 'planner' | 'analyst' | 'commander';
export const ROLES: readonly Role[] = ['planner', 'analyst', 'commander'];

/** The side panel's tabs. 'all' shows every section, in tab order. */
export type TabId = 'operate' | 'analyse' | 'plan' | 'all';
export const TABS: ReadonlyArray<{ id: TabId; label: string }> = [
  { id: 'operate', label: 'Operate' }, { id: 'analyse', label: 'Analyse' }, { id: 'plan', label: 'Plan' }, { id: 'all', label: 'All' },
];

/** Where a section of the side panel sits: its tab and its place in the tab (lower first), or in a group of SLOT_GROUPS. */
export interface SlotPlace { tab: Exclude<TabId, 'all'>; order: number; group?: string }

/** Sections that hold several features' sections (their tab and place; each member's `order` orders it inside). */
export const SLOT_GROUPS: Readonly<Record<string, { title: string; order: number }>> = {
  analysis: { title: '3D analysis', order: 30 },
};

/** The sections the features mount, and where they go whatever the role. */
export const SLOT_PLACES: Readonly<Record<string, SlotPlace>> = {
  wallLink: { tab: 'operate', order: 0 },
  alerts: { tab: 'operate', order: 10 },
  incidents: { tab: 'operate', order: 12 },
  roadClosures: { tab: 'operate', order: 13 },
  replay: { tab: 'operate', order: 15 },
  dispatch: { tab: 'operate', order: 20 },
  drilldown: { tab: 'analyse', order: 10 },
  area: { tab: 'analyse', order: 20 },
  measure: { tab: 'analyse', order: 30 },
  scenarios: { tab: 'plan', order: 10 },
  flood: { tab: 'plan', order: 20 },
  sun: { tab: 'plan', order: 10, group: 'analysis' },
  sunlight: { tab: 'plan', order: 20, group: 'analysis' },
  sight: { tab: 'plan', order: 30, group: 'analysis' },
  limits: { tab: 'plan', order: 40, group: 'analysis' },
  section: { tab: 'plan', order: 50, group: 'analysis' },
};

export interface RoleLayout {
  /** Tab selected at start. */
  home: TabId;
  /** Sections open at start; every other section starts collapsed. */
  open: readonly string[];
  /** Sections this role does not mount at all (e.g. the wall link for a planner). */
  omit: readonly string[];
}

/**
 * What each role sees first. The planner runs what-ifs (scenarios, flood, the 3D analysis tools),
 * the analyst works on the smallest spatial units (drill-down, area query, measurement, building info), the
 * commander watches alerts, dispatches, and sends the picture to the wall. Without a role the
 * 'All' tab shows every section open, as one column.
 */
export const ROLE_LAYOUTS: Readonly<Record<Role | 'all', RoleLayout>> = {
  planner: { home: 'plan', open: ['scenarios', 'flood', 'sun', 'sunlight'], omit: ['wallLink'] },
  analyst: { home: 'analyse', open: ['drilldown', 'area', 'measure'], omit: ['wallLink'] },
  commander: { home: 'operate', open: ['wallLink', 'alerts', 'incidents', 'dispatch'], omit: [] },
  all: { home: 'all', open: Object.keys(SLOT_PLACES).filter((k) => k !== 'wallLink'), omit: ['wallLink'] },
};

/** Reads `?role=`; throws naming the expected values. */
export function parseRole(raw: string | null): Role | 'all' {
  if (raw === null || raw === '') return 'all';
  if ((ROLES as readonly string[]).includes(raw)) return raw as Role;
  throw new Error(`URL parameter "role" must be one of ${ROLES.join(', ')} (got '${raw}')`);
}
