/** A feature of the twin: see its definition beside the host that runs it. */
export type { Feature } from './FeatureHost';
