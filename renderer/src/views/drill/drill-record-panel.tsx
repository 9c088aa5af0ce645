import { useState } from 'react';
import type { DrillLeftover, DrillRecord } from '../../../../electron/core/api/calls/drill';
import { CHECK_TEXT, minutesText, SERVICE_TITLE } from './drill-model';

function localTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

function Leftovers({ items, title }: { items: DrillLeftover[]; title: string }) {
  if (items.length === 0) return null;
  return (
    <div className="drill-leftovers">
      <h4>{title}</h4>
      <ul>
        {items.map((l) => (
          <li key={`${l.kind}/${l.id}`}>
            <strong>
              {l.kind} {l.id}
            </strong>{' '}
            in {l.region}: {l.reason}
            <br />
            <span className="muted">Cost risk: {l.costRisk}</span>
            <br />
            <code className="drill-command">{l.command}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One drill record: the results per service (actual RTO/RPO), each check with its evidence, clean-up, CC7.3. */
export function DrillRecordPanel({ record, markdown }: { record: DrillRecord; markdown: string }) {
  const [showMarkdown, setShowMarkdown] = useState(false);
  return (
    <section className="panel drill-record" aria-labelledby="drill-record-heading">
      <h2 id="drill-record-heading">
        Record {record.id}:{' '}
        <span className={`drill-result drill-${record.status}`}>
          {record.status === 'pass' ? 'PASS' : 'FAIL'}
        </span>
      </h2>
      <p className="muted">
        {record.startedAt} UTC ({localTime(record.startedAt)} local) · {record.quarter} · {record.mode}
        {record.scenario ? ` (tabletop: ${record.scenario})` : ''} · run by {record.by ?? 'not given'} ·
        restores in {record.regions.secondary}
      </p>
      <table className="drill-table">
        <caption>Results per service</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Target</th>
            <th scope="col">Result</th>
            <th scope="col">Recovery point</th>
            <th scope="col">Actual RPO</th>
            <th scope="col">Actual RTO</th>
          </tr>
        </thead>
        <tbody>
          {record.services.map((s) => (
            <tr key={s.service}>
              <th scope="row">{SERVICE_TITLE[s.service]}</th>
              <td>{s.target}</td>
              <td className={`drill-${s.status}`}>{s.status === 'pass' ? 'Pass' : 'Fail'}</td>
              <td>{s.recoveryPoint ? `${s.recoveryPoint.kind} ${s.recoveryPoint.id}` : '–'}</td>
              <td>{minutesText(s.rpoMinutes)}</td>
              <td>{minutesText(s.rtoMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.services.map((s) => (
        <details key={s.service} className="drill-service-detail" open={s.status !== 'pass'}>
          <summary>
            {SERVICE_TITLE[s.service]} {s.target}: {s.status === 'pass' ? 'passed' : 'failed'} (
            {s.checks.length} checks)
          </summary>
          {s.error ? <p className="drill-error">Stopped early: {s.error}</p> : null}
          <ul className="drill-checks">
            {s.checks.map((c) => (
              <li key={c.id} className={`drill-${c.status}`}>
                <span className="drill-badge">{CHECK_TEXT[c.status]}</span> <strong>{c.title}</strong>:{' '}
                {c.evidence}
                {c.fix ? <div className="muted">Fix: {c.fix}</div> : null}
              </li>
            ))}
          </ul>
          <Leftovers items={s.leftovers} title="Left behind" />
        </details>
      ))}
      {record.sweep.cleanedUp.length > 0 || record.sweep.leftovers.length > 0 ? (
        <div className="drill-sweep">
          <h3>Earlier drills</h3>
          <p>Removed {record.sweep.cleanedUp.length} resource(s) earlier drills left behind (tag checked).</p>
          <Leftovers items={record.sweep.leftovers} title="Found but not removed" />
        </div>
      ) : null}
      {record.compliance.map((m) => (
        <p key={m.control}>
          <strong>{m.control}</strong>: {m.status} ({m.requirement})
        </p>
      ))}
      <p className="muted">
        Saved as <code>{record.files.markdown}</code> and <code>{record.files.json}</code>
      </p>
      {markdown ? (
        <>
          <button
            type="button"
            className="button"
            aria-expanded={showMarkdown}
            onClick={() => setShowMarkdown(!showMarkdown)}
          >
            {showMarkdown ? 'Hide the Markdown record' : 'Show the Markdown record'}
          </button>
          {showMarkdown ? (
            <pre className="drill-markdown" tabIndex={0} aria-label="Markdown record">
              {markdown}
            </pre>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
