import type { RunModule } from '../run/ModuleContext';
import { dispatchModule } from './dispatchModule';
import { epidemicModule } from './epidemicModule';
import { evacuationModule } from './evacuationModule';
import { floodModule } from './floodModule';
import { planningModule } from './planningModule';
import { plumeModule } from './plumeModule';
import { sensorsModule } from './sensorsModule';
import { trafficModule } from './trafficModule';

/**
 * Every run module in the order they run: producers first (flood closures, plume zone), then the
 * modules that consume them (evacuation, traffic, dispatch), then the independent ones.
 */
export const RUN_MODULES: readonly RunModule[] = [floodModule, plumeModule, evacuationModule, trafficModule, dispatchModule, epidemicModule, sensorsModule, planningModule];
