import { useState } from 'react';
import { formatEstimate, formatMinutes } from '../../../../electron/core/recover/format-duration';
import { STRATEGY_TITLES } from '../../../../electron/core/recover/strategies/index';
import type { RecoveryPlan } from '../../../../electron/core/recover/types';
import { CopyButton } from './copy-button';
import { ChainRunbookButton } from '../runbooks/option-runbook-button';

/** The dry run: every call with its `aws` CLI equivalent, RTO per chain and overall, every problem, and the typed confirmation. */
export function PlanPreview({
  plan,
  busy,
  onConfirm,
}: {
  plan: RecoveryPlan;
  busy: boolean;
  onConfirm: (typed: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const errors = plan.problems.filter((p) => p.severity === 'error');
  const allCli = plan.chains.flatMap((c) => c.actions.flatMap((a) => a.calls.map((x) => x.cli))).join('\n');
  const matches = typed.trim() === plan.incidentId;
  return (
    <section className="panel recover-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">3. Dry run: plan {plan.id}</h2>
      <p className="recover-summary">
        <strong>{plan.chains.length}</strong> resources · <strong>{plan.callCount}</strong> AWS calls ·
        dependency depth <strong>{plan.depth}</strong> · estimated RTO{' '}
        <strong>{formatMinutes(plan.estimatedRtoMinutes)}</strong>
      </p>
      {plan.problems.length > 0 && (
        <div className="recover-problems" role={errors.length > 0 ? 'alert' : 'status'}>
          <h3>
            Problems found before running ({errors.length} blocking, {plan.problems.length - errors.length}{' '}
            other)
          </h3>
          <ul>
            {plan.problems.map((p, i) => (
              <li key={i} className={`problem problem-${p.severity}`}>
                <span className="tag">{p.severity}</span> {p.message}{' '}
                <span className="muted">Fix: {p.fix}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="recover-copy-all">
        <CopyButton text={allCli} label="Copy every aws CLI command" />
      </div>
      <ol className="recover-chains">
        {plan.chains.map((chain) => (
          <li key={chain.id} className={chain.blocked ? 'chain chain-blocked' : 'chain'}>
            <h3>
              {chain.blocked ? <span className="tag tag-danger">blocked</span> : null}{' '}
              {chain.resource.service} {chain.resource.name} → {chain.targetName}
            </h3>
            <p className="muted small">
              {STRATEGY_TITLES[chain.strategy]} · tier {chain.resource.tier ?? '–'} · RPO{' '}
              {chain.rpoMinutes === null ? '?' : formatMinutes(chain.rpoMinutes)} ·{' '}
              {formatEstimate(chain.estimatedMinutes)} (done by {formatEstimate(chain.estimatedFinishMinutes)}
              ){chain.dependsOn.length > 0 ? ` · after ${chain.dependsOn.length} other chain(s)` : ''}
              {chain.alternatives.length > 0
                ? ` · alternatives: ${chain.alternatives.map((a) => `${STRATEGY_TITLES[a.strategy]}${a.available ? '' : ' (unavailable)'}`).join('; ')}`
                : ''}
              {' · by hand: '}
              <ChainRunbookButton plan={plan} chain={chain} />
            </p>
            {chain.actions.map((a) => (
              <div key={a.id} className="recover-action">
                <p>
                  {a.title}
                  {a.quota ? <span className="tag">queued on {a.quota}</span> : null}
                </p>
                {a.calls.map((c, i) => (
                  <pre key={i} className="cli" aria-label={`${c.operation} as an aws CLI command`}>
                    <code>{c.cli}</code>
                  </pre>
                ))}
                {a.wait ? <p className="muted small">then: {a.wait.describe}</p> : null}
              </div>
            ))}
          </li>
        ))}
      </ol>
      <form
        className="recover-confirm"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm(typed.trim());
        }}
      >
        <label htmlFor="recover-confirm-input">
          4. Type the incident id <strong>{plan.incidentId}</strong> to start the recovery
        </label>
        <input
          id="recover-confirm-input"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby="recover-confirm-help"
        />
        <p id="recover-confirm-help" className="muted small">
          {plan.runnable
            ? 'Blocked chains are not run; everything else starts in dependency order.'
            : 'Nothing can run: fix the blocking problems and build the plan again.'}
        </p>
        <button type="submit" className="button button-danger" disabled={!matches || !plan.runnable || busy}>
          Start the recovery
        </button>
      </form>
    </section>
  );
}
