/** Parent -> child: run cases [from, to) of a target. */
export interface ChildRequest { target: string; seed: number; from: number; to: number }

/** How one corrupted input went: read correctly, refused with a clear error, or a defect. */
export interface CaseResult {
  index: number;
  outcome: 'ok' | 'refused' | 'bad' | 'hang' | 'crash';
  /** The corruption, e.g. "truncated to 531 bytes". */
  what: string;
  detail: string;
}

/** Child -> parent messages. */
export type ChildMessage =
  | { type: 'ready'; dir: string }
  | { type: 'start'; index: number }
  | { type: 'result'; result: CaseResult }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
