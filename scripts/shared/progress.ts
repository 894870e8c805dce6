/**
 * Feedback on long work: a progress line that rewrites itself on a terminal (files and papers done,
 * rate, time left) and step timings for the one summary line every run prints. On anything but a
 * terminal (CI logs, pipes) nothing is printed until the summary, so logs stay one line per run.
 */

const number = new Intl.NumberFormat('en');

/** `1.2 s`, `850 ms`, `2 min 5 s`: durations as people read them. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Runs one named step and records its time; ingest and the benchmarks pass one to the pipeline. */
export type StepTimer = <T>(step: string, run: () => T) => T;

/**
 * A step timer adding each step's time to `steps`. A step run inside another (work done lazily, the
 * first time a later step needs it) counts for itself only, not again for the step around it.
 */
export function stepTimer(steps: Map<string, number>): StepTimer {
  const inner: number[] = [];
  return (step, run) => {
    inner.push(0);
    const started = performance.now();
    try {
      return run();
    } finally {
      const elapsed = performance.now() - started;
      const nested = inner.pop()!;
      steps.set(step, (steps.get(step) ?? 0) + elapsed - nested);
      if (inner.length) inner[inner.length - 1] += elapsed;
    }
  };
}

export interface ProgressState {
  /** What is being done: "reading digests". */
  label: string;
  /** Units done and in all, e.g. files. */
  done: number;
  total: number;
  unit: string;
  /** Papers done so far, when the unit is not papers. */
  papers?: number;
  elapsedMs: number;
}

/** One progress line: `reading digests: 120/365 files, 9,800 papers · 1,234 papers/s · about 12 s left`. */
export function formatProgress({ label, done, total, unit, papers, elapsedMs }: ProgressState): string {
  const parts = [
    `${label}: ${number.format(done)}/${number.format(total)} ${unit}${papers === undefined ? '' : `, ${number.format(papers)} papers`}`,
  ];
  const seconds = elapsedMs / 1000;
  if (seconds > 0 && done > 0) {
    const counted = papers ?? done;
    parts.push(`${number.format(Math.round(counted / seconds))} ${papers === undefined ? unit : 'papers'}/s`);
    if (done < total) parts.push(`about ${formatDuration(((total - done) * elapsedMs) / done)} left`);
  }
  return parts.join(' · ');
}

/** Step timings as `vectors 2.1 s, topics 2.2 s`, in the order the steps first ran. */
export function formatSteps(steps: ReadonlyMap<string, number>): string {
  return [...steps].map(([step, ms]) => `${step} ${formatDuration(ms)}`).join(', ');
}

export interface Progress {
  /** Shows `state` (throttled; a no-op off a terminal). */
  update(state: Omit<ProgressState, 'elapsedMs'> & { startedAt: number }): void;
  /** Runs and times a named step, showing it while it runs. */
  time: StepTimer;
  /** Time per step so far. */
  steps: Map<string, number>;
  /** Shows `line` as the progress line (a terminal only), for work not counted in units. */
  note(line: string): void;
  /** Clears the progress line before other output. */
  clear(): void;
}

/** Progress on `stream` (standard error by default), drawn only if it is a terminal. */
export function createProgress(command: string, stream: NodeJS.WriteStream = process.stderr, intervalMs = 100): Progress {
  const live = Boolean(stream.isTTY);
  let shown = false;
  let lastDrawn = 0;
  const draw = (line: string, force = false) => {
    if (!live) return;
    const now = performance.now();
    if (!force && now - lastDrawn < intervalMs) return;
    lastDrawn = now;
    const width = stream.columns || 100;
    stream.write(`\r\x1b[K${`${command}: ${line}`.slice(0, width - 1)}`);
    shown = true;
  };
  const steps = new Map<string, number>();
  const timed = stepTimer(steps);
  return {
    steps,
    update: ({ startedAt, ...state }) =>
      draw(formatProgress({ ...state, elapsedMs: performance.now() - startedAt }), state.done === state.total),
    time: (step, run) => {
      draw(`${step}…`, true);
      return timed(step, run);
    },
    note: (line) => draw(line, true),
    clear: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
