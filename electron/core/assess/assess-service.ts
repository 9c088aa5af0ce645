import { setMaxListeners } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  AssessEvent,
  AssessServiceName,
  AssessStatus,
  AssessmentResult,
  AssessmentSummary,
  LaneProgress,
} from '../api/calls/assess';
import { AppError, isAppError } from '../api/errors';
import { writeFileAtomic } from '../fs/write-file-atomic';
import type { BackupPolicy } from '../runbooks/backup-policy';
import { ASSESS_COMPLETED_ENTRY, assessmentEvidence, assessmentSnapshot } from './journal-snapshot';
import { ScanCancelledError, runScan } from './run-scan';
import type { ScanClients } from './scan-clients';
import type { LaneSnapshot } from './scan-lane';
import type { SchedulerOptions } from './scheduler';

/** The file the latest assessment is kept in, inside the data folder (so the CLI's `plan` can read it). */
export const LATEST_ASSESSMENT_FILE = 'assessment-latest.json';

/** Where an assessment is journaled (the incident engine, narrowed to what the assessment uses). */
export interface AssessJournal {
  /** The active incident's id, or null. */
  activeId(): Promise<string | null>;
  /** Append the `assess.completed` entry. */
  append(incidentId: string, type: string, data: Record<string, unknown>): Promise<void>;
  /** Mark the steps bound to the `assess.run` action done, with evidence. */
  completeAction(incidentId: string, evidence: string): Promise<void>;
}

/** What the assessment service needs from the core. */
export interface AssessServiceDeps {
  dataDir: string;
  /** The guarded clients (read-only policy) and their fast-fail flavour. */
  clients: () => Promise<{ clients: ScanClients; fast: ScanClients }>;
  policy: () => Promise<BackupPolicy>;
  /** The regions of the DR procedure. */
  regions: () => Promise<{ primary: string; secondary: string }>;
  /** The account's clock (the simulator's in tabletop mode). */
  clock: () => Promise<() => Date>;
  emit: (event: AssessEvent) => void;
  journal?: AssessJournal;
  /** Scheduler settings (tests and benchmarks). */
  scheduler?: Omit<SchedulerOptions, 'signal' | 'onLaneChange'>;
  /** Minimum ms between two progress events of one lane (default 100). */
  progressIntervalMs?: number;
}

interface Running {
  scanId: string;
  startedAt: string;
  startedMs: number;
  incidentId: string | null;
  controller: AbortController;
  lanes: Map<string, LaneProgress>;
  promise: Promise<AssessmentResult>;
}

function newScanId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `scan-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** The compact form of a result, as `assess.completed` carries it. */
export function summarise(result: AssessmentResult): AssessmentSummary {
  return {
    scanId: result.scanId,
    finishedAt: result.finishedAt,
    durationMs: result.durationMs,
    incidentId: result.incidentId,
    counts: result.counts,
    regionHealth: result.regionHealth,
    unknowns: result.unknowns.length,
    calls: result.calls,
  };
}

/**
 * The assessment in the core: runs one scan at a time (a second `run` joins it), streams
 * progress events, keeps the latest result (in memory and in the data folder), journals it to
 * the incident, and cancels on request.
 */
export class AssessService {
  private running: Running | null = null;
  private latestResult: AssessmentResult | null = null;
  private loadedFromDisk = false;

  constructor(private readonly deps: AssessServiceDeps) {}

  /** The scan in progress, or null. */
  status(): AssessStatus | null {
    const r = this.running;
    if (!r) return null;
    return {
      scanId: r.scanId,
      startedAt: r.startedAt,
      incidentId: r.incidentId,
      lanes: [...r.lanes.values()],
    };
  }

  /** The latest completed assessment (read back from the data folder after a restart), or null. */
  async latest(): Promise<AssessmentResult | null> {
    if (this.latestResult || this.loadedFromDisk) return this.latestResult;
    this.loadedFromDisk = true;
    try {
      const text = await readFile(path.join(this.deps.dataDir, LATEST_ASSESSMENT_FILE), 'utf8');
      const parsed = JSON.parse(text) as AssessmentResult;
      if (parsed && typeof parsed.scanId === 'string' && Array.isArray(parsed.resources))
        this.latestResult = parsed;
    } catch {
      // No saved assessment yet, or an unreadable one: the next scan replaces it.
    }
    return this.latestResult;
  }

  /** Cancel the running scan (only that one when an id is given). */
  cancel(scanId?: string): { cancelled: boolean; scanId: string | null } {
    const r = this.running;
    if (!r || (scanId !== undefined && scanId !== r.scanId))
      return { cancelled: false, scanId: r?.scanId ?? null };
    r.controller.abort();
    return { cancelled: true, scanId: r.scanId };
  }

  /** Run a scan (or join the one running) and answer with its result. */
  run(input: { incidentId?: string; services?: AssessServiceName[] } = {}): Promise<AssessmentResult> {
    if (this.running) return this.running.promise;
    const controller = new AbortController();
    // Every call in flight listens for the scan's cancellation: many listeners by design.
    setMaxListeners(0, controller.signal);
    const scanId = newScanId();
    const startedAt = new Date().toISOString();
    const running: Running = {
      scanId,
      startedAt,
      startedMs: performance.now(),
      incidentId: input.incidentId ?? null,
      controller,
      lanes: new Map(),
      promise: Promise.resolve(null as unknown as AssessmentResult),
    };
    this.running = running;
    running.promise = this.execute(running, input.services).finally(() => {
      if (this.running === running) this.running = null;
    });
    return running.promise;
  }

  private async journalResult(running: Running, result: AssessmentResult): Promise<void> {
    const journal = this.deps.journal;
    if (!running.incidentId || !journal) return;
    try {
      await journal.append(running.incidentId, ASSESS_COMPLETED_ENTRY, { ...assessmentSnapshot(result) });
      await journal.completeAction(running.incidentId, assessmentEvidence(result));
    } catch (error) {
      // The assessment stands; say plainly that it is not in the incident's journal.
      result.journalError = `Not journaled to ${running.incidentId}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async execute(
    running: Running,
    services: AssessServiceName[] | undefined,
  ): Promise<AssessmentResult> {
    const { deps } = this;
    const { scanId, controller } = running;
    const pending = new Map<string, LaneSnapshot>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      timer = null;
      for (const lane of pending.values()) {
        deps.emit({
          type: 'assess.progress',
          scanId,
          service: lane.progress.service,
          region: lane.progress.region,
          done: lane.progress.done,
          total: lane.progress.total,
          failed: lane.progress.failed,
          status: lane.health.status,
          reason: lane.health.reason,
          elapsedMs: Math.round(performance.now() - running.startedMs),
        });
      }
      pending.clear();
    };
    const onLaneChange = (lane: LaneSnapshot): void => {
      const key = `${lane.progress.service}/${lane.progress.region}`;
      running.lanes.set(key, lane.progress);
      pending.set(key, lane);
      timer ??= setTimeout(flush, deps.progressIntervalMs ?? 100);
    };
    try {
      const [policy, regions, clock, clients] = await Promise.all([
        deps.policy(),
        deps.regions(),
        deps.clock(),
        deps.clients(),
      ]);
      running.incidentId ??= deps.journal ? await deps.journal.activeId() : null;
      deps.emit({
        type: 'assess.started',
        scanId,
        startedAt: running.startedAt,
        incidentId: running.incidentId,
        services: services ?? ['s3', 'rds', 'ec2', 'dynamodb'],
        regions,
      });
      const previous = await this.latest();
      const result = await runScan({
        scanId,
        previous,
        clients: clients.clients,
        fastClients: clients.fast,
        policy,
        regions,
        ...(services ? { services } : {}),
        incidentId: running.incidentId,
        now: clock,
        signal: controller.signal,
        onLaneChange,
        ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
      });
      if (timer) clearTimeout(timer);
      flush();
      this.latestResult = result;
      this.loadedFromDisk = true;
      await this.journalResult(running, result);
      await writeFileAtomic(path.join(deps.dataDir, LATEST_ASSESSMENT_FILE), JSON.stringify(result)).catch(
        (error: unknown) => {
          console.error(
            `could not save the latest assessment: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      );

      deps.emit({ type: 'assess.completed', scanId, summary: summarise(result) });
      return result;
    } catch (error) {
      if (timer) clearTimeout(timer);
      flush();
      if (error instanceof ScanCancelledError || controller.signal.aborted) {
        deps.emit({ type: 'assess.cancelled', scanId });
        throw new AppError(
          'CANCELLED',
          `The assessment ${scanId} was cancelled; the previous result stays the latest.`,
          {
            scanId,
          },
        );
      }
      const message = error instanceof Error ? error.message : String(error);
      deps.emit({ type: 'assess.failed', scanId, message });
      if (isAppError(error)) throw error;
      throw new AppError('INTERNAL', `The assessment failed: ${message}`, { scanId });
    }
  }
}
