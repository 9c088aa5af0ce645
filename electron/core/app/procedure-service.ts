import type { Procedure } from '../runbooks/procedure-schema';
import { loadProcedure } from '../runbooks/load-procedure';

/**
 * Holds the loaded DR procedure. A broken file is remembered as the error it gave, so every
 * caller sees the same message until the file is fixed and reloaded; the app keeps running.
 */
export class ProcedureService {
  private current: Promise<Procedure> | null = null;

  constructor(private readonly runbooksDir: string) {}

  /** The procedure (loaded on first use). Throws the file's validation error when it is broken. */
  get(): Promise<Procedure> {
    this.current ??= loadProcedure(this.runbooksDir);
    return this.current;
  }

  /** Re-read the file. */
  reload(): Promise<Procedure> {
    this.current = loadProcedure(this.runbooksDir);
    return this.current;
  }
}
