/**
 * A memo of pure per-item work that outlives the process: what ingest computed for a paper (its MDX
 * body, its text features, its entry file) is looked up by a hash of exactly its inputs, so a re-run
 * computes only what changed. It is a cache and never a source: a result from the memo is the one the
 * computation would give, the whole memo is dropped when the code that computes it changes (`version`),
 * and deleting it only costs time.
 *
 * Each space (a kind of result) is a file of its own in a folder under `node_modules/.astro/abstracta/`,
 * stored with `node:v8` serialization (Maps and typed arrays survive as they are), read only when the
 * run first asks for that kind of result and written back only when it changed. A run that adds a
 * little (a day's papers) appends it to a small delta file beside the space instead of rewriting it;
 * when the delta or the results no longer used grow past a quarter of the space, the space is written
 * anew with only what this run used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './atomic-write.ts';

/** A short key for `parts` (joined unambiguously). */
export function memoKey(...parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('base64url');
}

interface Space {
  /** What the last run stored (empty when there was nothing, or it came from other code). */
  previous: Map<string, unknown>;
  /** Which of those came from the delta file. */
  inDelta: Set<string>;
  /** What this run used or computed: what the next run gets. */
  used: Map<string, unknown>;
  computed: number;
}

/** Past this share of the space, the delta (or what is no longer used) is folded into a new space file. */
const COMPACT_SHARE = 0.25;

export class Memo {
  readonly #dir: string | undefined;
  readonly #version: string;
  readonly #spaces = new Map<string, Space>();
  readonly #pending = new Map<string, () => void>();

  private constructor(dir: string | undefined, version: string) {
    this.#dir = dir;
    this.#version = version;
  }

  /** Whether this memo keeps anything (`Memo.none()` does not). */
  get remembers(): boolean {
    return this.#dir !== undefined;
  }

  /** A memo that remembers nothing (tests, one-off commands, sites too large to keep one). */
  static none(): Memo {
    return new Memo(undefined, '');
  }

  /** The memo in folder `dir`; what code of another `version` stored there is ignored. */
  static open(dir: string, version: string): Memo {
    return new Memo(dir, version);
  }

  #read(file: string): Map<string, unknown> {
    try {
      if (!existsSync(file)) return new Map();
      const stored = deserialize(readFileSync(file)) as { version: string; entries: Map<string, unknown> };
      return stored?.version === this.#version && stored.entries instanceof Map ? stored.entries : new Map();
    } catch {
      // A memo that cannot be read is an empty one: it only costs the time to compute again.
      return new Map();
    }
  }

  #space(name: string): Space {
    let space = this.#spaces.get(name);
    if (!space) {
      const base = this.#dir ? this.#read(join(this.#dir, `${name}.bin`)) : new Map<string, unknown>();
      const delta = this.#dir && base.size ? this.#read(join(this.#dir, `${name}.delta.bin`)) : new Map<string, unknown>();
      for (const [key, value] of delta) base.set(key, value);
      space = { previous: base, inDelta: new Set(delta.keys()), used: new Map(), computed: 0 };
      this.#spaces.set(name, space);
    }
    return space;
  }

  /**
   * The result for `key` in `space`, computed by `compute` when the memo does not have it (and then
   * remembered, unless `keep` says this result is not one to keep).
   */
  get<T>(space: string, key: string, compute: () => T, keep: (value: T) => boolean = () => true): T {
    this.#settle(space);
    const entry = this.#space(space);
    if (entry.used.has(key)) return entry.used.get(key) as T;
    if (entry.previous.has(key)) {
      const value = entry.previous.get(key) as T;
      entry.used.set(key, value);
      return value;
    }
    const value = compute();
    if (this.#dir && keep(value)) {
      entry.used.set(key, value);
      entry.computed++;
    }
    return value;
  }

  /** What the memo holds for `key` in `space` (from the last run or this one), without computing anything. */
  peek<T>(space: string, key: string): T | undefined {
    this.#settle(space);
    const entry = this.#space(space);
    return (entry.used.get(key) ?? entry.previous.get(key)) as T | undefined;
  }

  /**
   * Records `value` as the result for `key` in `space` without computing it, for a result known
   * another way (ingest knows what reading the entry it just wrote would give).
   */
  set(space: string, key: string, value: unknown): void {
    if (!this.#dir) return;
    const entry = this.#space(space);
    if (!entry.previous.has(key) && !entry.used.has(key)) entry.computed++;
    entry.used.set(key, value);
  }

  /**
   * Results for `space` that are being computed elsewhere (on worker threads): `settle` records them
   * with `set`, and runs once, when the space is first read.
   */
  pending(space: string, settle: () => void): void {
    this.#pending.set(space, settle);
  }

  #settle(space: string): void {
    const settle = this.#pending.get(space);
    if (!settle) return;
    this.#pending.delete(space);
    settle();
  }

  /** Per space read this run: results taken from the memo, and results computed. */
  get stats(): Record<string, { hits: number; computed: number }> {
    return Object.fromEntries([...this.#spaces].map(([name, { used, computed }]) => [name, { hits: used.size - computed, computed }]));
  }

  /** Writes back every space this run changed: one with new results, or with results no longer used. */
  save(): void {
    if (!this.#dir) return;
    mkdirSync(this.#dir, { recursive: true });
    for (const [name, { previous, inDelta, used, computed }] of this.#spaces) {
      const unused = previous.size - (used.size - computed);
      if (computed === 0 && unused === 0) continue;
      const file = join(this.#dir, `${name}.bin`);
      const deltaFile = join(this.#dir, `${name}.delta.bin`);
      const added = [...used].filter(([key]) => inDelta.has(key) || !previous.has(key));
      const stored = used.size - added.length;
      if (stored > 0 && unused <= stored * COMPACT_SHARE && added.length <= stored * COMPACT_SHARE) {
        writeFileAtomic(deltaFile, serialize({ version: this.#version, entries: new Map(added) }));
      } else {
        writeFileAtomic(file, serialize({ version: this.#version, entries: used }));
        rmSync(deltaFile, { force: true });
      }
    }
  }
}
