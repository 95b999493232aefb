/** What one read gave: a summary to compare, or a problem with an accepted result. */
export interface ReadOutcome {
  summary: string;
  /** A problem with an accepted result (a defect). */
  problem?: string;
  /** Set by readers that never throw when they refuse the input (a counted rejection). */
  refused?: string;
}

/** A reader under fuzzing: its well-formed input, how to read a (corrupted) copy, and what a refusal must say. */
export interface FuzzTarget {
  name: string;
  /** File name the copy is written under (extension picks the format). */
  file: string;
  base(): Uint8Array;
  read(path: string, bytes: Uint8Array): Promise<ReadOutcome>;
  /** A refusal's message after the file name (and a ':' or ' '): where in the file, and what was wrong. */
  place: RegExp;
  /** What a refusal starts with before `place` (default the path). */
  prefix?: (path: string) => string;
  /** Truncation may legitimately drop whole records (PBF blocks): accepted results need only be no larger. */
  truncationMayShrink?: boolean;
}
