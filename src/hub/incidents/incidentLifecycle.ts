import type { IncidentStatus } from './Incident';

/** The actions that move an incident along its lifecycle. */
export type LifecycleAction = 'triage' | 'dispatch' | 'on_scene' | 'resolve' | 'close';

/**
 * From which statuses each action may be taken, and where it leads. The main line is reported ->
 * triaged -> dispatched -> on_scene -> resolved -> closed; besides it: more vehicles may be
 * dispatched while dispatched or on scene (the status stays), and a triaged incident may be
 * resolved without sending anyone (a false alarm, a case settled by phone). Nothing goes back.
 */
const RULES: Record<LifecycleAction, { from: readonly IncidentStatus[]; to: (from: IncidentStatus) => IncidentStatus }> = {
  triage: { from: ['reported'], to: () => 'triaged' },
  dispatch: { from: ['triaged', 'dispatched', 'on_scene'], to: (f) => (f === 'triaged' ? 'dispatched' : f) },
  on_scene: { from: ['dispatched'], to: () => 'on_scene' },
  resolve: { from: ['triaged', 'dispatched', 'on_scene'], to: () => 'resolved' },
  close: { from: ['resolved'], to: () => 'closed' },
};

/** The status an action leads to from `from`, or the reason it may not be taken (for the reply). */
export function transition(action: LifecycleAction, from: IncidentStatus): { to: IncidentStatus } | { refused: string } {
  const rule = RULES[action];
  if (rule.from.includes(from)) return { to: rule.to(from) };
  return { refused: `cannot ${action.replace('_', ' ')} an incident that is ${from.replace('_', ' ')} (only from ${rule.from.join(' or ')})` };
}

/** True while the incident still needs someone (not resolved or closed). */
export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
