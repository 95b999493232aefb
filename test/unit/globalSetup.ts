import { ensureDemoPackage } from '../../src/pipeline/ensureDemoPackage';

/**
 * Unit-test set-up: the demo city package (tilesets/demo) that the CLI, scenario, feed and sim
 * tests read, built when missing or built by other code (about 2-8 s).
 */
export async function setup(): Promise<void> {
  const rebuilt = await ensureDemoPackage();
  if (rebuilt) console.log(`unit setup: rebuilt tilesets/demo (${rebuilt})`);
}
