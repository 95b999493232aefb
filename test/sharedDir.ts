/**
 * Reference data and tools beside the repository (../shared: 3D Tiles schemas, the official
 * validator, real city data). $TWIN_SHARED_DIR points elsewhere (e.g. from a git worktree).
 * Tests that need it skip, naming what is absent, when it is not there.
 */
import { join } from 'node:path';

export const SHARED_DIR = process.env.TWIN_SHARED_DIR ?? join(import.meta.dirname, '../../shared');
