import type { Scenario } from '../schema/Scenario';
import { applyVariant } from '../variants/applyVariant';
import { canonicalJson } from './canonicalJson';

/** Fields that only describe or show a scenario: they do not change a run, so they stay out of its hash. */
const NOT_RUN = ['$schema', 'title', 'description', 'camera'] as const;

/** sha-256 of a text as lower-case hex (Web Crypto: the same in node 20 and the browser). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The text a run's hash is taken over: the variant-applied scenario (canonical), the variant name and the code version. */
export function hashInput(s: Scenario, variant: string, codeVersion: string): string {
  const run: Record<string, unknown> = { ...applyVariant(s, variant).scenario };
  for (const k of NOT_RUN) delete run[k];
  return canonicalJson({ scenario: run, variant, codeVersion });
}

/**
 * The cache key of one run: sha-256 of the canonicalised scenario with the variant applied, the
 * variant's name and the code version. Another variant's edits, key order, whitespace, titles and
 * the camera leave it unchanged; any change to what runs (or to the code) changes it.
 */
export function scenarioHash(s: Scenario, variant: string, codeVersion: string): Promise<string> {
  return sha256Hex(hashInput(s, variant, codeVersion));
}
