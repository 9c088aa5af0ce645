import { useEffect, useMemo, useState } from 'react';
import { TargetsChart } from '../../components/charts/targets-chart';
import { ErrorPanel } from '../../components/error-panel';
import { useStore } from '../../store/index';
import { CheckDetail } from './check-detail';
import { ReapplyConfirm } from './reapply-confirm';
import { outcomesOf, STATUS_TEXT } from './matrix-model';
import { ValidationMatrix, type OpenCell } from './validation-matrix';
import './validate.css';

function localTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** The validation stage: run the checks, the matrix of results with evidence, RTO/RPO against targets. */
export function ValidateView() {
  const incident = useStore((s) => s.incident);
  const validation = useStore((s) => s.validation);
  const busy = useStore((s) => s.validateBusy);
  const error = useStore((s) => s.validateError);
  const lastReapply = useStore((s) => s.lastReapply);
  const progress = useStore((s) => s.validateProgress);
  const loadValidation = useStore((s) => s.loadValidation);
  const runValidation = useStore((s) => s.runValidation);
  const reapplySettings = useStore((s) => s.reapplySettings);
  const clearReapply = useStore((s) => s.clearReapply);
  const [s3Sample, setS3Sample] = useState('50');
  const [skipNetwork, setSkipNetwork] = useState('');
  const [open, setOpen] = useState<OpenCell | null>(null);
  const incidentId = incident?.id ?? null;

  useEffect(() => {
    if (incidentId) void loadValidation(incidentId);
  }, [incidentId, loadValidation]);

  const run =
    validation.status === 'ready' && validation.value.incidentId === incidentId
      ? validation.value.latest
      : null;
  const outcomes = useMemo(() => (run ? outcomesOf(run) : []), [run]);

  if (!incidentId) {
    return (
      <section className="view validate-view">
        <h1>Validate</h1>
        <p className="muted">Declare or open an incident, recover resources, then validate them here.</p>
      </section>
    );
  }

  const start = () => {
    const sample = s3Sample.trim().toLowerCase() === 'all' ? 'all' : Number(s3Sample);
    void runValidation(incidentId, {
      ...(sample === 'all' || (Number.isInteger(sample) && sample > 0) ? { s3Sample: sample } : {}),
      ...(skipNetwork.trim().length >= 3 ? { skipNetwork: skipNetwork.trim() } : {}),
    });
  };

  return (
    <section className="view validate-view" aria-labelledby="validate-heading">
      <h1 id="validate-heading">Validate: {incidentId}</h1>
      <form
        className="panel vm-controls"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label>
          S3 objects to verify per bucket (a number or “all”)
          <input value={s3Sample} onChange={(e) => setS3Sample(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          Skip endpoint DNS/TCP checks, because… (optional)
          <input
            value={skipNetwork}
            onChange={(e) => setSkipNetwork(e.target.value)}
            placeholder="e.g. laptop outside the VPC"
          />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Validating…' : run ? 'Validate again' : 'Run validation'}
        </button>
        {busy ? (
          <p className="small muted" role="status">
            {progress && progress.incidentId === incidentId
              ? `Checked ${progress.done} of ${progress.total} restored resources…`
              : 'Reading the recovery and starting the checks…'}
          </p>
        ) : null}
      </form>
      {error ? <ErrorPanel title="The validation was refused" error={error} onRetry={start} /> : null}
      {validation.status === 'error' ? (
        <ErrorPanel
          title="The latest validation could not be loaded"
          error={validation.error}
          onRetry={() => void loadValidation(incidentId)}
        />
      ) : null}
      {validation.status === 'loading' ? <p className="muted">Reading the journal…</p> : null}
      {validation.status === 'ready' && !run ? (
        <p className="muted">No validation yet. Run it once the recovery has completed.</p>
      ) : null}
      {run ? (
        <>
          <div className="panel vm-summary" role="status">
            <p>
              <strong className={`vm-verdict vm-${run.passed ? 'pass' : 'fail'}`}>
                {run.passed ? 'No check failed' : `${run.counts.checks.fail} check(s) failed`}
              </strong>{' '}
              · {run.resources.length} resources: {run.counts.pass} passed, {run.counts.warn} with warnings,{' '}
              {run.counts.fail} failed · checks: {run.counts.checks.pass} pass, {run.counts.checks.warn} warn,{' '}
              {run.counts.checks.fail} fail, {run.counts.checks.skipped} skipped
            </p>
            <p className="small muted">
              {run.id} · {run.mode === 'TABLETOP' ? 'tabletop exercise' : 'live'} · finished{' '}
              <time dateTime={run.finishedAt}>{run.finishedAt}</time> ({localTime(run.finishedAt)})
            </p>
            <p className="small muted">
              Legend:{' '}
              {(['pass', 'warn', 'fail', 'skipped'] as const)
                .map((k) => `${STATUS_TEXT[k].glyph} ${STATUS_TEXT[k].label}`)
                .join(' · ')}{' '}
              · select a cell for its evidence.
            </p>
          </div>
          <ValidationMatrix
            run={run}
            open={open}
            busy={busy}
            onOpen={setOpen}
            onReapply={(resourceId) => void reapplySettings(incidentId, resourceId, true)}
          />
          {open ? <CheckDetail run={run} open={open} onClose={() => setOpen(null)} /> : null}
          {lastReapply?.dryRun ? (
            <ReapplyConfirm
              preview={lastReapply}
              busy={busy}
              onConfirm={() =>
                void reapplySettings(incidentId, lastReapply.resourceId, false).then((done) => {
                  if (done) start();
                })
              }
              onCancel={clearReapply}
            />
          ) : lastReapply ? (
            <p className="panel small" role="status">
              Re-applied on {lastReapply.table}:{' '}
              {lastReapply.applied.map((a) => `${a.setting} (${a.detail})`).join(', ') || 'nothing'}
              {lastReapply.skipped.length > 0
                ? `; skipped ${lastReapply.skipped.map((k) => `${k.setting}: ${k.reason}`).join('; ')}`
                : ''}
              .
            </p>
          ) : null}
          {run.probes.length > 0 ? (
            <section className="panel" aria-labelledby="vm-probes-heading">
              <h2 id="vm-probes-heading">Application probes</h2>
              <ul className="vm-list">
                {run.probes.map((p) => (
                  <li key={p.id} className={`vm-${p.status}`}>
                    <strong>
                      {STATUS_TEXT[p.status].glyph} {STATUS_TEXT[p.status].label}
                    </strong>{' '}
                    {p.title}: {p.evidence}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {run.notValidated.length > 0 ? (
            <section className="panel" aria-labelledby="vm-not-heading">
              <h2 id="vm-not-heading">Not validated</h2>
              <ul className="vm-list">
                {run.notValidated.map((n) => (
                  <li key={n.resourceId}>
                    {n.resourceId}: {n.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="vm-targets-heading">
            <h2 id="vm-targets-heading">RTO and RPO: target against achieved</h2>
            <TargetsChart resources={outcomes} />
          </section>
        </>
      ) : null}
    </section>
  );
}
