/**
 * Polite GET requests for `npm run fetch`, the only command that uses the network: a `User-Agent`
 * naming the project, a timeout per request, and retries with a growing backoff on 429 and 5xx
 * answers and on broken connections (honouring `Retry-After`). Anything else fails at once, with a
 * message naming the URL and what went wrong.
 */

/** Who is asking: APIs ask clients to name themselves. */
export const USER_AGENT = 'Abstracta/0.1 (static site generator for research-paper digests; https://github.com/abstracta)';

export interface HttpOptions {
  /** Give up on one request after this long. */
  timeoutMs: number;
  /** Tries after the first. */
  retries: number;
  /** Wait before the first retry; doubled for each one after (unless the server says how long). */
  backoffMs: number;
  /** Told of each retry, for the progress line. */
  onRetry?: (message: string) => void;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 30_000, retries: 4, backoffMs: 2_000 };

/** A request that failed for good. */
export class FetchFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchFailure';
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How long `Retry-After` asks to wait (seconds or an HTTP date), if it says. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The body of `url` as text, after retries if need be; throws a {@link FetchFailure}. */
export async function getText(url: string, options: HttpOptions = DEFAULT_HTTP): Promise<string> {
  let problem = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    let wait = options.backoffMs * 2 ** attempt;
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': USER_AGENT, Accept: 'application/json, application/atom+xml;q=0.9, */*;q=0.5' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await response.text();
      if (response.ok) return body;
      problem = `HTTP ${response.status} ${response.statusText}`.trim();
      if (response.status !== 429 && response.status < 500) break;
      wait = retryAfterMs(response.headers.get('retry-after')) ?? wait;
    } catch (error) {
      const cause = error as Error & { cause?: Error };
      problem =
        cause.name === 'TimeoutError'
          ? `no answer within ${Math.round(options.timeoutMs / 1000)} s`
          : `the connection failed (${cause.cause?.message ?? cause.message})`;
    }
    if (attempt < options.retries) {
      options.onRetry?.(`${url}: ${problem}; trying again in ${Math.round(wait / 1000)} s`);
      await sleep(wait);
    }
  }
  throw new FetchFailure(`${url}: ${problem}`);
}
