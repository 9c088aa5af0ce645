import { useState } from 'react';
import {
  drillServices,
  type DrillRunInput,
  type DrillServiceName,
  type DrillTargets,
} from '../../../../electron/core/api/calls/drill';
import { SERVICE_TITLE, suggestedTargets, TARGET_LABEL } from './drill-model';

/** Choose services and targets, then run: the drill form. */
export function DrillForm({
  targets,
  busy,
  onRun,
}: {
  targets: DrillTargets;
  busy: boolean;
  onRun: (input: DrillRunInput) => void;
}) {
  const [chosen, setChosen] = useState<Record<DrillServiceName, boolean>>({
    s3: true,
    rds: false,
    ec2: false,
    dynamodb: false,
  });
  const [target, setTarget] = useState<Record<DrillServiceName, string>>(() => suggestedTargets(targets));
  const [subnetGroup, setSubnetGroup] = useState(
    () => targets.subnetGroups.find((g) => g.suggested)?.name ?? '',
  );
  const [by, setBy] = useState('');
  const [reach, setReach] = useState(false);

  const services = drillServices.filter((s) => chosen[s]);
  const submit = () => {
    if (services.length === 0) return;
    const picked: DrillRunInput['targets'] = {};
    for (const s of services) if (target[s]) picked[s] = target[s];
    onRun({
      services,
      targets: picked,
      ...(chosen.rds && subnetGroup ? { rdsSubnetGroup: subnetGroup } : {}),
      ...(by.trim() ? { by: by.trim() } : {}),
      ...(reach ? { checkReachability: true } : {}),
    });
  };

  return (
    <form
      className="panel drill-form"
      aria-label="New drill"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>Services to test</legend>
        {drillServices.map((s) => (
          <div key={s} className="drill-service-choice">
            <label className="drill-check">
              <input
                type="checkbox"
                checked={chosen[s]}
                onChange={(e) => setChosen({ ...chosen, [s]: e.target.checked })}
              />
              {SERVICE_TITLE[s]}
            </label>
            <label className="drill-target">
              {TARGET_LABEL[s]}
              <select
                value={target[s]}
                disabled={!chosen[s] || targets[s].length === 0}
                onChange={(e) => setTarget({ ...target, [s]: e.target.value })}
              >
                {targets[s].length === 0 ? <option value="">none found</option> : null}
                {targets[s].map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                    {t.note ? ` (${t.note})` : ''}
                    {t.suggested ? ' (suggested)' : ''}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="drill-form-row">
        <label>
          DB subnet group for the RDS test restore
          <select value={subnetGroup} disabled={!chosen.rds} onChange={(e) => setSubnetGroup(e.target.value)}>
            {targets.subnetGroups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name} ({g.region}){g.suggested ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Run by (for the record)
          <input value={by} onChange={(e) => setBy(e.target.value)} placeholder="your name" maxLength={120} />
        </label>
        <label className="drill-check">
          <input type="checkbox" checked={reach} onChange={(e) => setReach(e.target.checked)} />
          Check restored endpoints are reachable from this machine (live mode)
        </label>
        <button type="submit" className="button button-primary" disabled={busy || services.length === 0}>
          {busy ? 'Drill running…' : 'Run drill'}
        </button>
      </div>
      {services.length === 0 ? <p className="muted">Choose at least one service.</p> : null}
    </form>
  );
}
