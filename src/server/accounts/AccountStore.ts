import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../dataDir';
import type { Account } from './Account';
import { USERNAME_PATTERN } from './Account';
import { parseAccounts } from './parseAccounts';
import { hashPassword, verifyPassword } from './passwordHash';

/** What `add` takes: an account with a password in clear (hashed before it is kept), or none for a token-only service. */
export type NewAccount = Omit<Account, 'passwordHash'> & { password: string | null };

/**
 * The accounts file `<dataDir>/accounts.json` (0600): people and services with scrypt password
 * hashes. Re-read when the file changes on disk, so `cli accounts ...` takes effect without a
 * restart. Passwords in clear are never stored or logged.
 */
export class AccountStore {
  readonly path: string;
  private accounts = new Map<string, Account>();
  private mtimeMs = -1;
  /** A hash verified for unknown user names, so a miss costs what a wrong password costs. */
  private dummyHash: Promise<string> | null = null;

  constructor(dataDir: string, private readonly roles: ReadonlySet<string>) {
    this.path = join(dataDir, 'accounts.json');
    ensurePrivateDir(dataDir);
    if (!existsSync(this.path)) this.save([]);
    this.reload();
  }

  private reload(): void {
    const mtime = statSync(this.path).mtimeMs;
    if (mtime === this.mtimeMs) return;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (err) {
      throw new Error(`${this.path}: not JSON (${(err as Error).message})`);
    }
    this.accounts = new Map(parseAccounts(data, this.path, this.roles).map((a) => [a.username, a]));
    this.mtimeMs = mtime;
  }

  private save(list: Account[]): void {
    writePrivateFile(this.path, JSON.stringify({ version: 1, accounts: list }, null, 2) + '\n');
    this.mtimeMs = -1;
  }

  /** The account of `username`, or undefined. */
  get(username: string): Account | undefined {
    this.reload();
    return this.accounts.get(username);
  }

  list(): Account[] {
    this.reload();
    return [...this.accounts.values()];
  }

  /** Adds an account (throws when the name is taken or invalid). */
  async add(a: NewAccount): Promise<Account> {
    this.reload();
    if (!USERNAME_PATTERN.test(a.username)) throw new Error(`accounts: username "${a.username}": expected lower-case letters, digits, . _ - (2-40 characters)`);
    if (this.accounts.has(a.username)) throw new Error(`accounts: "${a.username}" exists already`);
    if (!this.roles.has(a.role)) throw new Error(`accounts: role "${a.role}": expected one of ${[...this.roles].join('|')}`);
    if (a.kind === 'person' && !a.password) throw new Error(`accounts: "${a.username}" is a person and needs a password`);
    const { password, ...rest } = a;
    const account: Account = { ...rest, passwordHash: password ? await hashPassword(password) : null };
    this.save([...this.accounts.values(), account]);
    this.reload();
    return account;
  }

  /** Replaces the password of an account (null: token-only service). */
  async setPassword(username: string, password: string | null): Promise<void> {
    const a = this.get(username);
    if (!a) throw new Error(`accounts: no account "${username}"`);
    if (a.kind === 'person' && !password) throw new Error(`accounts: "${username}" is a person and needs a password`);
    const hash = password ? await hashPassword(password) : null;
    this.save(this.list().map((x) => (x.username === username ? { ...x, passwordHash: hash } : x)));
  }

  /** Removes an account; true when it existed. Tokens already issued expire on their own. */
  remove(username: string): boolean {
    const list = this.list();
    if (!list.some((a) => a.username === username)) return false;
    this.save(list.filter((a) => a.username !== username));
    return true;
  }

  /** The account when `password` is right, else null. Unknown names cost one scrypt too. */
  async verify(username: string, password: string): Promise<Account | null> {
    const a = this.get(username);
    if (!a?.passwordHash) {
      this.dummyHash ??= hashPassword('not a password of anyone');
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    return (await verifyPassword(password, a.passwordHash)) ? a : null;
  }
}
