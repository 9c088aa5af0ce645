import type {
  HandlerExecutionContext,
  InitializeHandler,
  InitializeHandlerArguments,
  InitializeMiddleware,
} from '@smithy/types';
import { AppError } from '../api/errors';
import { isExpiredSessionError } from './expired-session';

/** How many login rounds one paused request waits through before it fails. */
export const MAX_LOGIN_ROUNDS = 5;

/** The name the gate is registered under in every client's middleware stack. */
export const SESSION_GATE_MIDDLEWARE_NAME = 'drWarRoomSessionGate';

/** What the gate reports when it closes. */
export interface SessionExpiredNotice {
  type: 'session.expired';
  profile: string;
  /** The operation that met the expired session (`rds DescribeDBInstances`). */
  during: string;
}

/** Options of a {@link SessionGate}. */
export interface SessionGateOptions {
  /** The profile whose session this gate guards (for the event). */
  profile: string;
  /** Called once each time the gate closes (emit `session.expired`, show the login). */
  onExpired?: (notice: SessionExpiredNotice) => void;
  /** Called before a paused request is retried: invalidate cached credentials so fresh ones are read. */
  onReopen?: () => void;
}

/**
 * AWS work pauses, not fails, when the session expires. The gate's middleware catches an
 * expired-session error, closes the gate (once, emitting `session.expired`), waits until
 * {@link SessionGate.reopen} is called after a successful login, then retries the same request
 * once with fresh credentials. Requests that start while the gate is closed wait before sending.
 */
export class SessionGate {
  private closedWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private closedState = false;
  private generation = 0;

  constructor(private readonly options: SessionGateOptions) {}

  /** True while work is paused for a login. */
  get closed(): boolean {
    return this.closedState;
  }

  /** How many requests are waiting for the login. */
  get waiting(): number {
    return this.closedWaiters.length;
  }

  /** The profile this gate guards. */
  get profile(): string {
    return this.options.profile;
  }

  /** Close the gate (an expired session was seen); emits the notice only on the open → closed change. */
  close(during: string): void {
    if (this.closedState) return;
    this.closedState = true;
    this.options.onExpired?.({ type: 'session.expired', profile: this.options.profile, during });
  }

  /** Open the gate after a successful login: paused requests retry with fresh credentials. */
  reopen(): void {
    if (!this.closedState) return;
    this.closedState = false;
    this.generation += 1;
    this.options.onReopen?.();
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const w of waiters) w.resolve();
  }

  /** Fail every paused request with `CANCELLED` (the user gave up, the app is closing). */
  cancelWaiting(reason: string): void {
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const w of waiters) w.reject(new AppError('CANCELLED', reason));
  }

  /** Resolves at once when open, else when the gate reopens. */
  waitUntilOpen(): Promise<void> {
    if (!this.closedState) return Promise.resolve();
    return new Promise((resolve, reject) => this.closedWaiters.push({ resolve, reject }));
  }

  /** The generation counter (increments on each reopen). */
  get reopenCount(): number {
    return this.generation;
  }

  /** The middleware to add at the initialize step of every client. */
  middleware<Input extends object, Output extends object>(
    service: string,
  ): InitializeMiddleware<Input, Output> {
    return (next: InitializeHandler<Input, Output>, context: HandlerExecutionContext) =>
      async (args: InitializeHandlerArguments<Input>) => {
        const during = `${service} ${(context.commandName ?? 'request').replace(/Command$/, '')}`;
        await this.waitUntilOpen();
        for (let attempt = 0; ; attempt += 1) {
          try {
            return await next(args);
          } catch (error) {
            if (!isExpiredSessionError(error)) throw error;
            if (attempt >= MAX_LOGIN_ROUNDS) {
              throw new AppError(
                'SESSION_EXPIRED',
                `The AWS session for profile "${this.options.profile}" is still expired after ${MAX_LOGIN_ROUNDS} logins, during ${during}. ` +
                  'Check that the login used the same profile (or run `aws sso login`), then retry.',
                { profile: this.options.profile, during },
              );
            }
            // Pause: close the gate (once), wait for the login, then retry this request once.
            this.close(during);
            await this.waitUntilOpen();
          }
        }
      };
  }
}
