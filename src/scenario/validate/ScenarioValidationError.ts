import { formatIssue, type JsonIssue } from '../../schema/JsonIssue';

/** One problem in a scenario file (see JsonIssue). */
export type ScenarioIssue = JsonIssue;

/**
 * A scenario file that does not validate: names the file and, per issue, the JSON pointer, the
 * line and what was expected. The message lists every issue, one per line.
 */
export class ScenarioValidationError extends Error {
  constructor(readonly file: string, readonly issues: ScenarioIssue[]) {
    super(issues.length === 1
      ? `invalid scenario ${formatIssue(file, issues[0])}`
      : `invalid scenario ${file} (${issues.length} problems):\n${issues.map((i) => `  ${formatIssue(file, i)}`).join('\n')}`);
    this.name = 'ScenarioValidationError';
  }
}
