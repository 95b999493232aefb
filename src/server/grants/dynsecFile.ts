import { pbkdf2Sync, randomBytes } from 'node:crypto';

/** Mosquitto dynamic-security's password hash: PBKDF2-HMAC-SHA512, 64 bytes, base64 salt. */
export function dynsecPassword(password: string, iterations = 101): { password: string; salt: string; iterations: number } {
  const salt = randomBytes(12).toString('base64');
  return { password: pbkdf2Sync(password, Buffer.from(salt, 'base64'), iterations, 64, 'sha512').toString('base64'), salt, iterations };
}

/**
 * The initial dynamic-security file (what `mosquitto_ctrl dynsec init FILE USER PASS` writes): one
 * admin client allowed on `$CONTROL/dynamic-security/#`, everything else denied by default except
 * receiving what a client subscribed to.
 */
export function dynsecInitFile(adminUser: string, adminPassword: string): string {
  const acl = (acltype: string, topic: string) => ({ acltype, topic, allow: true });
  return JSON.stringify({
    clients: [{ username: adminUser, textName: 'Dynsec admin user', ...dynsecPassword(adminPassword), roles: [{ rolename: 'admin' }] }],
    roles: [{
      rolename: 'admin',
      acls: [
        acl('publishClientSend', '$CONTROL/dynamic-security/#'), acl('publishClientReceive', '$CONTROL/dynamic-security/#'),
        acl('subscribePattern', '$CONTROL/dynamic-security/#'),
      ],
    }],
    defaultACLAccess: { publishClientSend: false, publishClientReceive: true, subscribe: false, unsubscribe: true },
  }, null, 2);
}
