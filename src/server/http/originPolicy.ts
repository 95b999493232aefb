/** Which browser origins may open the feed's WebSocket and call the session API. */
export interface OriginPolicy {
  /** Exact origins (`https://twin.example.gov.cn`). */
  allowedOrigins: readonly string[];
  /** Host names for which an origin equal to the request's Host header is accepted (same-origin proxy). */
  allowedHosts: readonly string[];
}

/**
 * True when a request may proceed. No Origin header: not a browser (node clients, sensors,
 * curl), which still need credentials. A browser page on another origin sends its own origin and
 * is refused, so a page elsewhere cannot use a logged-in user's cookie or open the feed with a
 * token it phished. The Host rule serves `npm start` behind Vite's proxy; requiring the host name
 * in `allowedHosts` keeps DNS-rebinding pages (Host: evil.example) out.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  if (policy.allowedOrigins.includes(origin)) return true;
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase() && policy.allowedHosts.includes(url.hostname);
}
