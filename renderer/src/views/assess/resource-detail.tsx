import { useEffect, useRef } from 'react';
import type { AssessedResource } from '../../../../electron/core/api/calls/assess';
import { SERVICE_LABEL, STATUS_LABEL, showMinutes } from './table-model';
import { OptionRunbookButton } from '../runbooks/option-runbook-button';

/** One resource in full: key facts, every recovery option with RPO/RTO and prerequisites, gaps and unknowns. */
export function ResourceDetail({ resource, onClose }: { resource: AssessedResource; onClose: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [resource.id]);
  return (
    <aside
      className="assess-detail"
      aria-labelledby="assess-detail-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="assess-detail-head">
        <h2 id="assess-detail-heading" tabIndex={-1} ref={headingRef}>
          {resource.name}
        </h2>
        <button type="button" className="button" onClick={onClose} aria-label="Close the detail panel">
          Close
        </button>
      </div>
      <p className="muted assess-arn">{resource.id}</p>
      <p>
        <span className={`assess-pill assess-status-${resource.status}`}>
          {STATUS_LABEL[resource.status]}
        </span>{' '}
        {SERVICE_LABEL[resource.service]} {resource.kind} in {resource.region} · tier{' '}
        <strong>{resource.tier.id}</strong> (RPO {showMinutes(resource.tier.rpoMinutes)}, RTO{' '}
        {showMinutes(resource.tier.rtoMinutes)}
        {resource.tier.source !== 'tagged' ? `, ${resource.tier.source}` : ''}) · {resource.environment}
        {resource.observed ? '' : ' · not seen directly in this scan'}
      </p>

      <h3>Recovery options into the secondary region</h3>
      {resource.options.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ol className="assess-options">
          {resource.options.map((o) => (
            <li
              key={`${o.kind}-${o.data.snapshotId ?? o.data.imageId ?? o.data.replicaName ?? ''}`}
              className={o.best ? 'assess-option-best' : ''}
            >
              <p>
                <strong>{o.title}</strong>
                {o.best ? <span className="assess-pill assess-status-ready"> Best</span> : null}
                {!o.prerequisitesMet ? (
                  <span className="assess-pill assess-status-not-recoverable"> Not usable now</span>
                ) : null}{' '}
                <OptionRunbookButton option={o} />
              </p>
              <p>{o.description}</p>
              <p>
                RPO <strong>{showMinutes(o.rpoMinutes)}</strong>{' '}
                <span className="muted">({o.rpoReason})</span>
                <br />
                RTO <strong>~{showMinutes(o.rtoMinutes)}</strong>{' '}
                <span className="muted">({o.rtoReason})</span>
              </p>
              {o.prerequisites.length > 0 ? (
                <ul className="assess-prereqs">
                  {o.prerequisites.map((p) => (
                    <li key={p.text}>
                      {p.met === true ? '✓' : p.met === false ? '✗' : '?'} {p.text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      <h3>Gaps</h3>
      {resource.gaps.length === 0 ? (
        <p className="muted">None: the resource meets the backup policy.</p>
      ) : (
        <ul className="assess-gaps">
          {resource.gaps.map((g) => (
            <li key={`${g.rule}-${g.message}`} className={`assess-gap assess-gap-${g.severity}`}>
              <p>
                <strong>{g.severity.toUpperCase()}</strong> {g.message}
              </p>
              <p className="muted">
                Rule <code>{g.rule}</code>. Fix: <code className="assess-fix">{g.fix}</code>
              </p>
            </li>
          ))}
        </ul>
      )}

      {resource.unknowns.length > 0 ? (
        <>
          <h3>Not known</h3>
          <ul className="assess-unknowns">
            {resource.unknowns.map((u) => (
              <li key={u.fact}>
                <strong>{u.fact}</strong>: {u.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>Facts</h3>
      <dl className="assess-facts">
        {resource.facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
