import path from 'node:path';
import type {
  DrillHistory,
  DrillRecord,
  DrillRunInput,
  DrillRunView,
  DrillSweep,
  DrillTargets,
} from '../api/calls/drill';
import { AppError } from '../api/errors';
import type { AppEvent } from '../api/events';
import type { AwsClients } from '../aws/clients';
import { allowKinds } from '../aws/guard';
import { LIVE_POLL, type PollTiming } from '../recover/executor/backoff';
import { cleanupResources } from './cleanup';
import { drillId, isDrillId } from './drill-id';
import { DrillLeases } from './drill-lease';
import { DrillRecordStore } from './record-store';
import { DRILL_CLEANUP_POLICY, runDrill } from './run-drill';
import { findDrillLeftovers } from './sweep';
import { discoverTargets } from './targets';

/** What the drill service needs from the core. */
export interface DrillServiceDeps {
  dataDir: string;
  clients(): Promise<AwsClients>;
  regions(): Promise<{ primary: string; secondary: string }>;
  mode: 'LIVE' | 'TABLETOP';
  scenario: string | null;
  /** The AWS-side clock (the simulated account's in tabletop). */
  clock(): Promise<() => Date>;
  /** The AWS identity (role ARN), if known. */
  identity(): Promise<string | null>;
  emit(event: AppEvent): void;
  poll?: Partial<PollTiming>;
}

/** Options of one run beyond the contract input (command line). */
export interface DrillRunExtras {
  /** Write the record here instead of `<dataDir>/drills`. */
  reportDir?: string;
  /** Run DNS/TCP reachability checks of restored endpoints (live mode only). */
  checkReachability?: boolean;
  /** Use this drill id instead of a new one (tests that plant faults on the drill's resource names). */
  id?: string;
}

/**
 * Drills: the quarterly backup tests of S3, RDS, EC2 and DynamoDB, one at a time per app, with
 * progress events, a record (JSON + Markdown) per drill in `<dataDir>/drills`, and the history.
 */
export class DrillService {
  readonly store: DrillRecordStore;
  /** Marks of running drills, so a sweep never removes what a running drill uses. */
  readonly leases: DrillLeases;
  private current: DrillRunView | null = null;
  private running: Promise<DrillRecord> | null = null;

  constructor(private readonly deps: DrillServiceDeps) {
    this.store = new DrillRecordStore(path.join(deps.dataDir, 'drills'));
    this.leases = new DrillLeases(this.store.dir);
  }

  private poll(): PollTiming {
    return { ...LIVE_POLL, ...this.deps.poll };
  }

  /** The candidates per service and the subnet groups of the restore region. */
  async targets(): Promise<DrillTargets> {
    const clients = (await this.deps.clients())
      .fastFail()
      .withPolicy(allowKinds(['read'], 'Listing drill targets'));
    return discoverTargets(clients, await this.deps.regions());
  }

  /** The drill in progress, or the last one. */
  status(): DrillRunView | null {
    return this.current;
  }

  /** Start a drill in the background (progress as `drill.progress` events); refused while one runs. */
  start(input: DrillRunInput, extras: DrillRunExtras = {}): Promise<DrillRunView> {
    return new Promise<DrillRunView>((resolve, reject) => {
      let started = false;
      this.run(input, extras, (view) => {
        started = true;
        resolve(view);
      }).catch((error: unknown) => {
        if (!started) reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** Run a drill to the end and answer with its record. */
  async run(
    input: DrillRunInput,
    extras: DrillRunExtras = {},
    onStarted: (view: DrillRunView) => void = () => undefined,
  ): Promise<DrillRecord> {
    if (this.running)
      throw new AppError(
        'CONFLICT',
        `Drill ${this.current?.id ?? ''} is still running: wait for it to finish, then start another.`,
      );
    const work = this.execute(input, extras, onStarted);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async execute(
    input: DrillRunInput,
    extras: DrillRunExtras,
    onStarted: (view: DrillRunView) => void,
  ): Promise<DrillRecord> {
    const now = await this.deps.clock();
    const id = extras.id ?? drillId(now());
    if (!isDrillId(id))
      throw new AppError('INVALID_INPUT', `"${id}" is not a drill id (drill-YYYYMMDD-HHMMSS-xxxx).`);
    const view: DrillRunView = {
      id,
      status: 'running',
      startedAt: now().toISOString(),
      services: input.services.map((s) => ({
        service: s,
        status: 'pending',
        phase: 'waiting',
        message: 'Waiting to start.',
      })),
      record: null,
      error: null,
    };
    this.current = view;
    this.deps.emit({ type: 'drill.progress', run: view });
    onStarted(view);
    try {
      await this.leases.take(id, view.startedAt);
      const inFlight = await this.leases.inFlight(now().getTime());
      const [clients, regions, identity] = await Promise.all([
        this.deps.clients(),
        this.deps.regions(),
        this.deps.identity(),
      ]);
      const networkSkip =
        this.deps.mode === 'TABLETOP'
          ? 'tabletop endpoint (the simulated account has no reachable network endpoints)'
          : extras.checkReachability || input.checkReachability
            ? null
            : 'not configured for this drill (turn on reachability checks to test from this machine)';
      const record = await runDrill({
        id,
        startedAt: view.startedAt,
        services: input.services,
        targets: input.targets,
        clients,
        regions,
        now,
        poll: this.poll(),
        mode: this.deps.mode,
        scenario: this.deps.scenario,
        by: input.by ?? null,
        identity,
        ...(input.rdsSubnetGroup ? { rdsSubnetGroup: input.rdsSubnetGroup } : {}),
        networkSkip,
        inFlight,
        onProgress: (services) => {
          this.current = { ...view, services };
          this.deps.emit({ type: 'drill.progress', run: this.current });
        },
      });
      const written = await this.store.write(record, extras.reportDir);
      if (extras.reportDir && path.resolve(extras.reportDir) !== this.store.dir)
        await this.store.write(record);
      this.current = {
        ...view,
        services: this.current?.services ?? view.services,
        status: written.status,
        record: written,
      };
      this.deps.emit({ type: 'drill.progress', run: this.current });
      return written;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.current = { ...view, status: 'error', error: message };
      this.deps.emit({ type: 'drill.progress', run: this.current });
      throw error instanceof AppError
        ? error
        : new AppError('INTERNAL', `The drill could not run: ${message}`, { id });
    } finally {
      await this.leases.release(id).catch(() => undefined);
    }
  }

  /** Every record in `<dataDir>/drills`, newest first, with results per quarter. */
  history(): Promise<DrillHistory> {
    return this.store.history();
  }

  /** One record with its Markdown. */
  record(id: string): Promise<{ record: DrillRecord; markdown: string }> {
    return this.store.read(id);
  }

  /** Find and remove what earlier drills left behind (tag-checked); refused while a drill runs. */
  async cleanup(): Promise<DrillSweep> {
    if (this.running)
      throw new AppError('CONFLICT', 'A drill is running: its own clean-up runs when it ends.');
    const clients = (await this.deps.clients()).withPolicy(DRILL_CLEANUP_POLICY);
    const regions = await this.deps.regions();
    const now = await this.deps.clock();
    const inFlight = await this.leases.inFlight(now().getTime());
    const candidates = await findDrillLeftovers(clients, [regions.primary, regions.secondary]);
    return cleanupResources({ cleanupClients: clients, poll: this.poll() }, candidates, {
      anyDrill: true,
      inFlight,
    });
  }
}
