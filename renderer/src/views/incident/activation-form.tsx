import { useState } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store/index';
import type { OpenIncident } from '../../store/slices/incident';

/** The activation decision: the procedure's criteria answered, go or no-go, who decided and approved, roles. */
export function ActivationForm({ incident }: { incident: OpenIncident }) {
  const run = useStore((s) => s.runIncidentCall);
  const s = incident.state;
  const [answers, setAnswers] = useState<Record<string, string>>(() => s.activation?.criteria ?? {});
  const [decidedBy, setDecidedBy] = useState(s.roles.commander);
  const [approvedBy, setApprovedBy] = useState('');
  const [secondApprover, setSecondApprover] = useState('');
  const [scribe, setScribe] = useState(s.roles.scribe ?? '');
  const [owners, setOwners] = useState(
    s.roles.serviceOwners.map((o) => `${o.service}: ${o.owner}`).join('\n'),
  );

  async function decide(decision: 'go' | 'no-go') {
    const serviceOwners = owners
      .split('\n')
      .map((line) => line.split(':'))
      .filter((parts) => parts.length >= 2 && parts[0]!.trim() && parts.slice(1).join(':').trim())
      .map((parts) => ({ service: parts[0]!.trim(), owner: parts.slice(1).join(':').trim() }));
    await run(() =>
      api.incident.activate({
        incidentId: incident.id,
        decision,
        criteria: answers,
        decidedBy,
        approvedBy,
        ...(secondApprover.trim() ? { secondApprover } : {}),
        roles: { ...(scribe.trim() ? { scribe } : {}), serviceOwners },
      }),
    );
  }

  return (
    <section className="panel" aria-labelledby="activation-heading">
      <h2 id="activation-heading">Activation decision</h2>
      {s.activation && (
        <p>
          Recorded: <strong>{s.activation.decision === 'go' ? 'GO' : 'NO-GO'}</strong> by{' '}
          {s.activation.decidedBy}, approved by {s.activation.approvedBy}
          {s.activation.secondApprover ? ` and ${s.activation.secondApprover}` : ''}.
        </p>
      )}
      {s.procedure.criteria.map((c) => (
        <div className="field" key={c.id}>
          <label htmlFor={`criterion-${c.id}`}>{c.question}</label>
          <textarea
            id={`criterion-${c.id}`}
            value={answers[c.id] ?? ''}
            onChange={(e) => setAnswers({ ...answers, [c.id]: e.target.value })}
          />
          {c.hint && <span className="hint">{c.hint}</span>}
        </div>
      ))}
      <div className="field">
        <label htmlFor="activation-decided-by">Decided by</label>
        <input id="activation-decided-by" value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="activation-approved-by">Approved by</label>
        <input
          id="activation-approved-by"
          value={approvedBy}
          onChange={(e) => setApprovedBy(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="activation-second">Second approver (optional)</label>
        <input
          id="activation-second"
          value={secondApprover}
          onChange={(e) => setSecondApprover(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="activation-scribe">Scribe</label>
        <input id="activation-scribe" value={scribe} onChange={(e) => setScribe(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="activation-owners">Service owners (one per line, "service: owner")</label>
        <textarea id="activation-owners" value={owners} onChange={(e) => setOwners(e.target.value)} />
      </div>
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => void decide('go')}>
          Record GO decision
        </button>
        <button type="button" className="button" onClick={() => void decide('no-go')}>
          Record NO-GO decision
        </button>
      </div>
    </section>
  );
}
