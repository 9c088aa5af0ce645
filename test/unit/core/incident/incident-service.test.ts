import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../electron/core/api/errors';
import { foldIncident } from '../../../../electron/core/incident/reducer';
import { tempService } from './support/fixtures';
import { rejectionOf } from '../../../support/rejection';

type Env = Awaited<ReturnType<typeof tempService>>;
let env: Env;
afterEach(async () => env?.cleanup());

async function declare(e: Env) {
  return e.service.declare({ title: 'us-east-1 outage', severity: 'SEV1', commander: 'Ana Ruiz' });
}

/** The AppError a call rejects with. */
const rejection = (promise: Promise<unknown>) => rejectionOf<AppError>(promise);

const CRITERIA = {
  scope: 'S3 and RDS in us-east-1',
  'expected-duration': '> 4 h per AWS',
  'data-at-risk': '5 min of orders',
};

/** Walk assess to the recover stage as the commander. */
async function toRecover(e: Env, id: string) {
  for (const step of ['confirm-outage', 'run-assessment', 'review-gaps'])
    await e.service.completeStep(id, step);
  await e.service.advance(id, { signOff: true });
  await e.service.activate(id, {
    decision: 'go',
    criteria: CRITERIA,
    decidedBy: 'Ana Ruiz',
    approvedBy: 'Chief Technology Officer',
    roles: { scribe: 'Bo Chen', serviceOwners: [{ service: 'orders-db', owner: 'Dee Park' }] },
  });
  for (const step of ['assign-roles', 'freeze-changes']) await e.service.completeStep(id, step);
  await e.service.advance(id, { signOff: true });
}

describe('IncidentService', () => {
  it('declares DR-<date>-NN incidents with the policy targets, 0700 folders and 0600 journals, and makes them active', async () => {
    env = await tempService();
    const first = await declare(env);
    const second = await declare(env);
    expect(first.state.id).toBe('DR-20261126-01');
    expect(second.state.id).toBe('DR-20261126-02');
    expect(first.state.targets.map((t) => t.id)).toEqual(['critical', 'standard']);
    expect(first.state.mode).toBe('TABLETOP');
    expect((await env.service.active())?.state.id).toBe('DR-20261126-02');
    const dir = path.join(env.dataDir, 'incidents', first.state.id);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(env.dataDir, 'incidents'))).mode & 0o777).toBe(0o700);
    expect((await stat(first.journalPath)).mode & 0o777).toBe(0o600);
    await env.service.open(first.state.id);
    const list = await env.service.list();
    expect(list.map((i) => [i.id, i.active])).toEqual([
      ['DR-20261126-02', false],
      ['DR-20261126-01', true],
    ]);
  });

  it('declares with only the tiers named, and refuses unknown tiers', async () => {
    env = await tempService();
    const view = await env.service.declare({
      title: 't',
      severity: 'SEV2',
      commander: 'Ana',
      tiers: ['critical'],
    });
    expect(view.state.targets.map((t) => t.id)).toEqual(['critical']);
    const error = await rejection(
      env.service.declare({ title: 't', severity: 'SEV2', commander: 'Ana', tiers: ['gold'] }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('gold');
  });

  it('still declares when the backup policy is broken, and journals a warning', async () => {
    env = await tempService({
      tiers: async () =>
        Promise.reject(new Error('runbooks/backup-policy.yaml: tiers[0].rtoMinutes: expected number')),
    });
    const view = await declare(env);
    expect(view.state.targets).toEqual([]);
    expect(view.state.warnings[0]?.message).toContain('backup policy could not be read');
  });

  it('refuses an unknown incident id with NOT_FOUND and a malformed one with INVALID_INPUT', async () => {
    env = await tempService();
    expect((await rejection(env.service.get('DR-20991231-07'))).code).toBe('NOT_FOUND');
    expect((await rejection(env.service.get('DR-20991231-07'))).message).toContain('incident list');
    expect((await rejection(env.service.get('../../etc'))).code).toBe('INVALID_INPUT');
  });

  it('emits every committed entry as incident.entry, and the renderer-side fold equals the core state', async () => {
    env = await tempService();
    const { state } = await declare(env);
    await env.service.note(state.id, 'AWS Health shows S3 errors', 'note');
    await env.service.completeStep(state.id, 'confirm-outage', 'AWS Health + own alarms');
    const entries = env.events
      .filter((e) => e.type === 'incident.entry')
      .map((e) => (e.type === 'incident.entry' ? e.entry : null)!);
    // The declaration was committed before the handle was live: the renderer loads it through the timeline.
    const timeline = await env.service.timeline(state.id);
    expect(timeline.map((i) => i.entry.seq)).toEqual([1, 2, 3]);
    expect(entries.map((e) => e.seq)).toEqual([2, 3]);
    expect(foldIncident(timeline.map((i) => i.entry))).toEqual(await env.service.state(state.id));
  });

  it('refuses to leave a stage with required steps open, naming them, and journals nothing', async () => {
    env = await tempService();
    const { state } = await declare(env);
    await env.service.completeStep(state.id, 'confirm-outage');
    const before = (await env.service.entries(state.id)).length;
    const error = await rejection(env.service.advance(state.id, { signOff: true }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('run-assessment');
    expect(error.message).toContain('review-gaps');
    expect(error.message).not.toContain('confirm-outage)');
    expect((await env.service.entries(state.id)).length).toBe(before);
  });

  it('refuses a stage jump, a sign-off by someone other than the commander, and leaving without sign-off', async () => {
    env = await tempService();
    const { state } = await declare(env);
    for (const step of ['confirm-outage', 'run-assessment', 'review-gaps'])
      await env.service.completeStep(state.id, step);
    expect(
      (await rejection(env.service.advance(state.id, { to: 'recover', signOff: true }))).message,
    ).toContain('Cannot jump from Assess to Recover');
    expect((await rejection(env.service.signOff(state.id, 'assess', 'Mallory'))).message).toContain(
      'Only the incident commander',
    );
    expect((await rejection(env.service.advance(state.id, {}))).message).toContain('must sign off Assess');
    await env.service.signOff(state.id, 'assess', 'ana ruiz');
    const view = await env.service.advance(state.id, {});
    expect(view.state.stage).toBe('activate');
  });

  it('skips steps only with a reason and not in stages not yet reached', async () => {
    env = await tempService();
    const { state } = await declare(env);
    expect((await rejection(env.service.skipStep(state.id, 'review-gaps', '  '))).message).toContain(
      'needs a reason',
    );
    expect((await rejection(env.service.skipStep(state.id, 'follow-ups', 'later'))).message).toContain(
      'has not started',
    );
    expect((await rejection(env.service.skipStep(state.id, 'no-such-step', 'x'))).code).toBe('NOT_FOUND');
    const view = await env.service.skipStep(state.id, 'review-gaps', 'No gaps: single-tier estate');
    expect(view.state.steps['review-gaps']).toMatchObject({
      status: 'skipped',
      reason: 'No gaps: single-tier estate',
    });
  });

  it('needs a go decision with every criterion answered before recovering', async () => {
    env = await tempService();
    const { state } = await declare(env);
    for (const step of ['confirm-outage', 'run-assessment', 'review-gaps'])
      await env.service.completeStep(state.id, step);
    await env.service.advance(state.id, { signOff: true });
    const missing = await rejection(
      env.service.activate(state.id, {
        decision: 'go',
        criteria: { scope: 'x' },
        decidedBy: 'Ana Ruiz',
        approvedBy: 'CTO',
        roles: { serviceOwners: [] },
      }),
    );
    expect(missing.message).toContain('expected-duration');
    await env.service.activate(state.id, {
      decision: 'no-go',
      criteria: CRITERIA,
      decidedBy: 'Ana Ruiz',
      approvedBy: 'CTO',
      roles: { serviceOwners: [] },
    });
    for (const step of ['assign-roles', 'freeze-changes']) await env.service.completeStep(state.id, step);
    expect((await rejection(env.service.advance(state.id, { signOff: true }))).message).toContain('no-go');
    const view = await env.service.activate(state.id, {
      decision: 'go',
      criteria: CRITERIA,
      decidedBy: 'Ana Ruiz',
      approvedBy: 'CTO',
      secondApprover: 'CISO',
      roles: { scribe: 'Bo Chen', serviceOwners: [] },
    });
    expect(view.state.steps['answer-criteria']?.status).toBe('done');
    expect(view.state.roles.scribe).toBe('Bo Chen');
    expect((await env.service.advance(state.id, { signOff: true })).state.stage).toBe('recover');
  });

  it('after a no-go, stands down straight to Document only with a reason, skipping Recover and Validate', async () => {
    env = await tempService();
    const { state } = await declare(env);
    for (const step of ['confirm-outage', 'run-assessment', 'review-gaps'])
      await env.service.completeStep(state.id, step);
    await env.service.advance(state.id, { signOff: true });
    await env.service.activate(state.id, {
      decision: 'no-go',
      criteria: CRITERIA,
      decidedBy: 'Ana Ruiz',
      approvedBy: 'CTO',
      roles: { serviceOwners: [] },
    });
    for (const step of ['assign-roles', 'freeze-changes']) await env.service.completeStep(state.id, step);
    await env.service.signOff(state.id, 'activate', 'Ana Ruiz');
    expect((await rejection(env.service.advance(state.id, { to: 'document' }))).message).toContain(
      'needs a reason',
    );
    expect(
      (await rejection(env.service.advance(state.id, { to: 'validate', reason: 'x' }))).message,
    ).toContain('Cannot jump');
    const view = await env.service.advance(state.id, {
      to: 'document',
      reason: 'AWS recovered us-east-1 within 40 minutes',
    });
    expect(view.state.stage).toBe('document');
    for (const step of [
      'plan-recovery',
      'execute-recovery',
      'update-connections',
      'run-validation',
      'reapply-settings',
      'application-check',
    ]) {
      expect(view.state.steps[step]).toMatchObject({
        status: 'skipped',
        reason: expect.stringContaining('no-go decision'),
      });
    }
    // A go decision still cannot jump.
    const other = await declare(env);
    await toRecover(env, other.state.id);
    expect((await env.service.state(other.state.id)).stage).toBe('recover');
  });

  it('goes back with a reason, withdrawing later sign-offs', async () => {
    env = await tempService();
    const { state } = await declare(env);
    await toRecover(env, state.id);
    expect((await rejection(env.service.goBack(state.id, 'validate', 'x'))).code).toBe('CONFLICT');
    const view = await env.service.goBack(
      state.id,
      'activate',
      'The scope was wrong: eu-west-1 is affected too',
    );
    expect(view.state.stage).toBe('activate');
    expect(view.state.signOffs.activate).toBeUndefined();
    expect(view.state.signOffs.assess?.by).toBe('Ana Ruiz');
  });

  it('drafts a status update with stage, restored resources, next steps and RTO time left, and journals the one sent', async () => {
    env = await tempService();
    const { state } = await declare(env);
    await toRecover(env, state.id);
    await env.service.append(state.id, {
      type: 'recover.call.completed',
      actor: 'system',
      data: {
        callId: 'c1',
        requestId: 'req-1',
        service: 'rds',
        operation: 'RestoreDBInstanceToPointInTime',
        resourceId: 'orders-db',
      },
    });
    env.clock.now = new Date('2026-11-26T04:00:00.000Z');
    const draft = await env.service.statusDraft(state.id);
    expect(draft.text).toContain('[EXERCISE - NOT A REAL INCIDENT]');
    expect(draft.text).toContain('Stage: Recover');
    expect(draft.text).toContain('orders-db (rds)');
    expect(draft.text).toContain('Build the recovery plan');
    expect(draft.text).toContain('RTO Critical: target 2 h 00 min, 1 h 15 min remaining.');
    await env.service.statusUpdate(state.id, draft.text);
    const after = await env.service.state(state.id);
    expect(after.lastStatusUpdate?.text).toBe(draft.text);
    expect(after.steps['notify-stakeholders']?.status).toBe('done');
  });

  it('lets other domains append their own entry types but not the engine transitions', async () => {
    env = await tempService();
    const { state } = await declare(env);
    const entry = await env.service.append(state.id, {
      type: 'assess.completed',
      actor: 'system',
      data: { ready: 4 },
    });
    expect(entry.seq).toBe(2);
    expect(
      (
        await rejection(
          env.service.append(state.id, { type: 'stage.entered', actor: 'x', data: { stage: 'document' } }),
        )
      ).code,
    ).toBe('INVALID_INPUT');
    expect((await rejection(env.service.append(state.id, { type: 'Bad Type', actor: 'x' }))).code).toBe(
      'INVALID_INPUT',
    );
    const ids = await env.service.completeAction(state.id, 'assess.run', 'assessment #1');
    expect(ids).toEqual(['run-assessment']);
  });

  it('after a restart, shows exactly the same state and what was in flight', async () => {
    env = await tempService();
    const { state } = await declare(env);
    await toRecover(env, state.id);
    await env.service.append(state.id, {
      type: 'recover.call.started',
      actor: 'system',
      data: { callId: 'r1', resourceId: 'orders-db' },
    });
    const before = await env.service.state(state.id);
    await env.service.close();
    const restarted = env.reopen();
    const after = await restarted.state(state.id);
    expect(after).toEqual(before);
    expect(Object.keys(after.inFlight)).toEqual(['recover.call#r1']);
    expect((await restarted.active())?.state.id).toBe(state.id);
    await restarted.close();
  });

  it('marks a journal altered in the middle as tampered and read-only, and never repairs it', async () => {
    env = await tempService();
    const { state, journalPath } = await declare(env);
    await env.service.note(state.id, 'first', 'note');
    await env.service.note(state.id, 'second', 'note');
    await env.service.close();
    const text = await readFile(journalPath, 'utf8');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(journalPath, text.replace('"first"', '"edited"'));
    const restarted = env.reopen();
    const view = await restarted.get(state.id);
    expect(view.integrity.status).toBe('tampered');
    expect(view.integrity.broken?.line).toBe(2);
    expect(view.readOnly).toBe(true);
    expect(view.state.counts.entries).toBe(1);
    const error = await rejection(restarted.note(state.id, 'more', 'note'));
    expect(error.code).toBe('TAMPERED');
    expect(await readFile(journalPath, 'utf8')).toBe(text.replace('"first"', '"edited"'));
    expect((await restarted.verify(state.id)).integrity.status).toBe('tampered');
    expect((await restarted.list())[0]?.integrity).toBe('tampered');
    await restarted.close();
  });
});
