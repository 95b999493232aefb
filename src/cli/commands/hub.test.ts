import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../test/unit/signs/feedTestKit';
import { testBroker } from '../../../test/unit/hub/hubKit';
import { UsageError } from '../args';
import { run } from './hub';

const data = tempDataDir();
afterAll(() => data.remove());

describe('hub command', () => {
  it('runs a hub for some districts on a broker with a service password and prints its status', async () => {
    const { broker, authority } = await testBroker(data.dir);
    await authority.accounts.setPassword('hub', 'hub-service-password');
    process.env.RC_TEST_HUB_PASSWORD = 'hub-service-password';
    try {
      const status = (await run(['--broker', broker.urls.tcp, '--username', 'hub', '--password-env', 'RC_TEST_HUB_PASSWORD', '--hub-id', 'cli', '--districts', '510104', '--run-s', '1.5'])) as Record<string, unknown>;
      expect(status).toMatchObject({ hubId: 'cli', districts: ['510104'], store: null });
      expect(status.sensors).toBeGreaterThan(100);
    } finally {
      await broker.stop();
    }
  });

  it('refuses a missing password variable and two stores', async () => {
    await expect(run(['--broker', 'mqtt://x', '--username', 'hub', '--password-env', 'RC_UNSET_VAR', '--hub-id', 'a'])).rejects.toThrow(new UsageError('--password-env RC_UNSET_VAR: the variable is not set'));
    process.env.RC_TEST_HUB_PASSWORD = 'x';
    await expect(run(['--broker', 'mqtt://x', '--username', 'hub', '--password-env', 'RC_TEST_HUB_PASSWORD', '--hub-id', 'a', '--postgres', 'postgres://x', '--pglite', '/tmp/x'])).rejects.toThrow(/give one of --postgres URL or --pglite DIR/);
  });
});
