/**
 * The part every `hub/<city>/runs/<kind>` reader shares: an empty payload is a withdrawal (null),
 * then the size in UTF-8 bytes against `maxBytes`, then UTF-8 JSON. Errors start with `runs/<kind>`.
 */
export function readRunPayload(kind: string, payload: Uint8Array | string, maxBytes: number): { value: unknown } | null | { error: string } {
  const size = typeof payload === 'string' ? new TextEncoder().encode(payload).length : payload.byteLength;
  if (size === 0) return null;
  if (size > maxBytes) return { error: `runs/${kind}: ${size} bytes, over the limit of ${maxBytes}` };
  try {
    return { value: JSON.parse(typeof payload === 'string' ? payload : new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown };
  } catch {
    return { error: `runs/${kind}: expected UTF-8 JSON` };
  }
}
