/** Severity colours of the Chinese four-colour warning levels (CSS), shared by list, badge and chart. */
export const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  blue: '#3b82f6', yellow: '#facc15', orange: '#f97316', red: '#ef4444',
};
