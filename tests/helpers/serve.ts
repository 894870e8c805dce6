/** The static server the benchmarks use too. */
export { headersFile, serve, type StaticServer } from '../../scripts/lib/static-server.ts';
