import { mkdir, chmod } from 'node:fs/promises';
import type { Result } from '../api/result';
import { detectMode, type ModeDecision } from '../credentials/detect-mode';
import type { CallContext } from './call-context';
import type { CoreOptions } from './core-options';
import { dispatch, type Handlers } from './dispatch';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers/index';
import { ProcedureService } from './procedure-service';
import { IncidentService } from '../incident/incident-service';
import { RecordService } from '../record/record-service';
import { RunbookService } from '../runbooks/runbook-service';
import path from 'node:path';
import { SessionService } from '../credentials/session-service';
import { DEFAULT_SCENARIO, type Simulator } from '../../simulator';
import { openTabletopAccount, type TabletopAccount } from '../tabletop/tabletop-account';
import { approveDeviceCode } from '../../simulator/services/sso-oidc';
import type { AssessService } from '../assess/assess-service';
import { assessServiceForCore } from '../assess/assess-for-core';
import type { RecoverService } from '../recover/recover-service';
import { recoverServiceForCore } from '../recover/recover-for-core';
import type { ValidateService } from '../validate/validate-service';
import { validateServiceForCore } from '../validate/validate-for-core';
import type { DrillService } from '../drill/drill-service';
import { drillServiceForCore } from '../drill/drill-for-core';

/**
 * The running core: its services, its event stream and its call dispatcher.
 * The Electron main process, the bridge, the CLI and tests each create one.
 */
export class Core {
  readonly events = new EventBus();
  readonly procedure: ProcedureService;
  /** Incidents, their journals and the procedure's rules (`electron/core/incident`). */
  readonly incidents: IncidentService;
  /** The lessons-learned record and the evidence pack (`electron/core/record`). */
  readonly records: RecordService;
  /** Runbooks (bundled + `<dataDir>/runbooks` overlay), their search, and the backup policy. */
  readonly runbooks: RunbookService;
  /**
   * The AWS session (`electron/core/credentials`): the chosen profile, identity, expiry, login,
   * and the guarded AWS clients every service uses: `await core.session.clients()`.
   */
  readonly session: SessionService;
  /** Inventory and recovery readiness of both regions (`electron/core/assess`). */
  readonly assess: AssessService;
  /** Recovery plans, the executor and the endpoint map (`electron/core/recover`). */
  readonly recover: RecoverService;
  /** Post-restore integrity checks, achieved RTO/RPO, table settings re-apply (`electron/core/validate`). */
  readonly validate: ValidateService;
  /** Quarterly backup drills, their records and history (`electron/core/drill`). */
  readonly drill: DrillService;
  private tabletopAccount: Promise<TabletopAccount> | null = null;
  private handlers: Handlers | null = null;

  private constructor(
    readonly options: CoreOptions,
    readonly mode: ModeDecision,
    readonly scenario: { name: string; title: string } | null,
  ) {
    this.procedure = new ProcedureService(options.runbooksDir);
    this.runbooks = new RunbookService({
      runbooksDir: options.runbooksDir,
      overlayDir: path.join(options.dataDir, 'runbooks'),
      regions: async () => (await this.procedure.get()).regions,
    });
    this.incidents = new IncidentService({
      dataDir: options.dataDir,
      procedure: () => this.procedure.get(),
      tiers: async () => (await this.runbooks.policy()).tiers,
      mode: () => ({ mode: this.mode.mode, scenario: this.scenario?.name ?? null }),
      emit: (event) => this.events.emit(event),
    });
    this.session = new SessionService({
      dataDir: options.dataDir,
      env: options.env ?? process.env,
      mode: this.mode.mode,
      regions: async () => (await this.procedure.get()).regions,
      emit: (event) => this.events.emit(event),
      simulator: () => this.tabletopSimulator(),
      approveTabletop: async (userCode) => approveDeviceCode(await this.tabletopSimulator(), userCode),
    });
    this.records = new RecordService({
      dataDir: options.dataDir,
      incidents: this.incidents,
      emit: (event) => this.events.emit(event),
    });
    this.assess = assessServiceForCore(this);
    this.recover = recoverServiceForCore(this);
    this.validate = validateServiceForCore(this);
    this.drill = drillServiceForCore(this);
  }

  /** Create the data folder (0700), decide the mode, and build the services. */
  static async create(options: CoreOptions): Promise<Core> {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await chmod(options.dataDir, 0o700);
    const mode: ModeDecision = options.scenario
      ? { mode: 'TABLETOP', reason: `Tabletop exercise on the "${options.scenario}" scenario, as requested.` }
      : options.mode
        ? { mode: options.mode, reason: `${options.mode} mode, as requested.` }
        : await detectMode(options.env ?? process.env);
    const scenarioName = mode.mode === 'TABLETOP' ? (options.scenario ?? 'us-east-1-outage') : null;
    const scenario = scenarioName ? { name: scenarioName, title: scenarioName } : null;
    const core = new Core(options, mode, scenario);
    // The desktop app picks up a recovery a restart interrupted (the browser UI does when it opens
    // the incident; the CLI's `recover` re-attaches on its own).
    if (options.transport === 'ipc') void core.recover.reattachOnOpen();
    return core;
  }

  /** The in-process tabletop AWS account (TABLETOP only), created from the scenario on first use. */
  tabletopSimulator(): Promise<Simulator> {
    if (this.mode.mode !== 'TABLETOP') {
      return Promise.reject(new Error('The simulator exists only in tabletop mode.'));
    }
    this.tabletopAccount ??= openTabletopAccount({
      dataDir: this.options.dataDir,
      scenario: this.scenario?.name ?? DEFAULT_SCENARIO,
      ...(this.options.speed === undefined ? {} : { speed: this.options.speed }),
      onError: (message) => this.events.emit({ type: 'app.notice', level: 'warning', message }),
    });
    return this.tabletopAccount.then((account) => account.simulator);
  }

  /**
   * Save the tabletop account's state now (a facilitator's fault change, which is no AWS request).
   * The save takes its turn with the account's own saves, so the last change is the one on disk;
   * rejects when the write fails. TABLETOP only.
   */
  async saveTabletopAccount(): Promise<void> {
    await this.tabletopSimulator();
    const account = await this.tabletopAccount;
    if (!account) throw new Error('The tabletop account is not open.');
    await account.save();
  }

  /** Validate and run one call; always answers with a value. */
  dispatch(name: string, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    this.handlers ??= createHandlers(this);
    return dispatch(this.handlers, name, input, ctx);
  }

  /** Stop background work and release files. */
  async close(): Promise<void> {
    // Services with resources register their shutdown here as they are added.
    await this.recover.close();
    await this.incidents.close();
    await this.session.close();
    if (this.tabletopAccount) {
      const account = await this.tabletopAccount.catch(() => null);
      await account?.close();
      account?.simulator.close();
    }
  }
}
