import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the global setup builds the seed site for the site tests. */
export const TEST_DIST = fileURLToPath(new URL('../../.test-dist/', import.meta.url));
/** The same site built under a sub-path, for base-path tests. */
export const TEST_DIST_SUB = fileURLToPath(new URL('../../.test-dist-sub/', import.meta.url));
/** The sub-path of that build. */
export const SUB_PATH = '/deep/sub/';
/** Small input files made for tests. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The node binary the npm scripts run on (the project's own Node, not the system's). */
export const NODE = process.execPath;
