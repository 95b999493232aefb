import { parseArgs, requireFlag, UsageError } from '../args';
import { incidentSetup } from '../../hub/incidents/incidentSetup';
import { startHubService } from '../../hub/startHub';
import { openPglite, openPostgres } from '../../hub/store/openSql';
import { openCityPackage } from '../../pipeline/package/openCityPackage';
import { cityRegistry } from '../../signs/registry/cityRegistry';
import { cityFlag } from '../cityFlag';
import { defaultRules } from '../../signs/rules/defaultRules';

const USAGE = 'hub --broker mqtt://HOST:PORT --username NAME --password-env VAR --hub-id ID [--districts ID,ID | all] [--aggregator]'
  + ' [--postgres URL | --pglite DIR] [--city NAME] [--sla FILE] [--run-s SECONDS]';

/**
 * `hub ...`: one operations hub for a deployment with several (see docs/deploy.md): owns the
 * listed districts of a city package (default demo), connects to any MQTT 3.1.1 broker (EMQX, a NATS cluster,
 * Mosquitto) with a service account whose password is read from an environment variable, keeps
 * its state in PostgreSQL (or PGlite). Runs until SIGINT/SIGTERM (or --run-s), then prints its
 * last status as JSON.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const url = requireFlag(p, 'broker', 'mqtt://HOST:PORT');
  const passwordVar = requireFlag(p, 'password-env', 'VAR (the environment variable holding the password)');
  const password = process.env[passwordVar];
  if (!password) throw new UsageError(`--password-env ${passwordVar}: the variable is not set`);
  const districtsFlag = p.flags.get('districts') ?? 'all';
  if (districtsFlag === true) throw new UsageError(`--districts expects ID,ID or all; usage: ${USAGE}`);
  const pg = p.flags.get('postgres'), lite = p.flags.get('pglite');
  if (pg === true || lite === true || (pg && lite)) throw new UsageError(`give one of --postgres URL or --pglite DIR; usage: ${USAGE}`);
  const hubId = requireFlag(p, 'hub-id', 'ID');
  const sql = typeof pg === 'string' ? await openPostgres(pg) : typeof lite === 'string' ? await openPglite(lite) : null;
  const pkg = await openCityPackage(cityFlag(p));
  const [registry, units] = await Promise.all([cityRegistry(pkg), pkg.units()]);
  const districts = districtsFlag === 'all' ? null : districtsFlag.split(',').filter(Boolean);
  const aggregator = p.flags.get('aggregator') === true || districts === null;
  const sla = p.flags.get('sla');
  if (sla === true) throw new UsageError(`--sla expects FILE (an incident SLA config); usage: ${USAGE}`);
  // The aggregating hub keeps the city's incidents (one desk, so a vehicle is busy for every centre).
  const incidents = aggregator ? await incidentSetup(pkg, sla) : null;
  const service = await startHubService({
    hubId, cityId: registry.city, cityUnitId: units.find((u) => u.level === 'city')?.id ?? registry.city, districts,
    aggregator, incidents, registry, units, rules: defaultRules(), sql, broker: { url, username: requireFlag(p, 'username', 'NAME'), password },
  });
  process.stderr.write(`hub ${hubId}: districts ${service.hub.districts.join(', ')} on ${url}${sql ? `, store ${sql.label}` : ', no store'}\n`);
  const runS = Number(p.flags.get('run-s') ?? NaN);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    if (Number.isFinite(runS)) setTimeout(resolve, runS * 1000);
  });
  const status = service.hub.status();
  await service.stop();
  return status;
}
