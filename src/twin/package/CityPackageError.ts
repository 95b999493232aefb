import { formatIssue, type JsonIssue } from '../../schema/JsonIssue';

/**
 * A city package file that does not validate: names the file and, per issue, the JSON pointer
 * (`/features/12/properties/parentId`), the line and column when known, and what was expected.
 */
export class CityPackageError extends Error {
  constructor(readonly file: string, readonly issues: JsonIssue[]) {
    const shown = issues.slice(0, 20);
    super(issues.length === 1
      ? `invalid city package file ${formatIssue(file, issues[0])}`
      : `invalid city package file ${file} (${issues.length} problems):\n${shown.map((i) => `  ${formatIssue(file, i)}`).join('\n')}` +
        (issues.length > shown.length ? `\n  ... and ${issues.length - shown.length} more` : ''));
    this.name = 'CityPackageError';
  }
}
