/**
 * Client ids are bound to accounts: `<username>:<suffix>`. A user name cannot contain ':', so no
 * account can present another account's client id (and take over its session and queued messages).
 * A display's suffix is its tab id (one persistent session per browser tab).
 */
export const CLIENT_ID_SEPARATOR = ':';
/** A display's tab id: 4-32 letters, digits, '-' or '_'. */
export const TAB_ID_PATTERN = /^[A-Za-z0-9_-]{4,32}$/;

export function clientIdOf(username: string, suffix: string): string {
  return `${username}${CLIENT_ID_SEPARATOR}${suffix}`;
}

/** True when `clientId` lies in `username`'s namespace (`username:` and at least one more character). */
export function clientIdBelongsTo(clientId: string, username: string): boolean {
  return clientId.length > username.length + 1 && clientId.startsWith(username + CLIENT_ID_SEPARATOR);
}
