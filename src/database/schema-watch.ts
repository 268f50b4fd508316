/** What a look at the database found about its schema. */
export type SchemaState =
  | { readonly kind: 'unchecked' }
  | { readonly kind: 'unreachable'; readonly error: string }
  | { readonly kind: 'pending'; readonly pending: readonly string[] }
  | { readonly kind: 'current' };

/** The clock the watch waits on (injected: tests run the checks one by one). */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const NODE_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SchemaWatchOptions {
  /** Time between two checks. */
  readonly everyMs: number;
  readonly timers?: Timers;
  /** Called when the state changes (not on every check: a pending list that stays the same is said once). */
  readonly onChange?: (state: SchemaState) => void;
}

/**
 * Waits for another process to migrate the database (MIGRATIONS=check): checks now, then every
 * `everyMs`, until no migration of this build is pending. `read` returns the pending migrations
 * (src/database/pending-migrations.ts) and throws when the database cannot be asked.
 */
export class SchemaWatch {
  private current: SchemaState = { kind: 'unchecked' };
  private timer: unknown;
  private stopped = false;
  private settle: (current: boolean) => void = () => undefined;
  private readonly timers: Timers;

  constructor(
    private readonly read: () => Promise<readonly string[]>,
    private readonly options: SchemaWatchOptions,
  ) {
    this.timers = options.timers ?? NODE_TIMERS;
  }

  get state(): SchemaState {
    return this.current;
  }

  /** Resolves true once nothing is pending, false when stopped first. */
  untilCurrent(): Promise<boolean> {
    return new Promise((resolve) => {
      this.settle = resolve;
      const check = async () => {
        let next: SchemaState;
        try {
          const pending = await this.read();
          next = pending.length > 0 ? { kind: 'pending', pending } : { kind: 'current' };
        } catch (error) {
          next = { kind: 'unreachable', error: (error as Error).message };
        }
        if (this.stopped) return;
        this.change(next);
        if (next.kind === 'current') return resolve(true);
        this.timer = this.timers.setTimeout(() => void check(), this.options.everyMs);
      };
      if (this.stopped) resolve(false);
      else void check();
    });
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.timer);
    this.settle(false);
  }

  private change(next: SchemaState): void {
    if (sameState(this.current, next)) return;
    this.current = next;
    this.options.onChange?.(next);
  }
}

function sameState(a: SchemaState, b: SchemaState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'pending' && b.kind === 'pending') return a.pending.join('\n') === b.pending.join('\n');
  if (a.kind === 'unreachable' && b.kind === 'unreachable') return a.error === b.error;
  return true;
}
