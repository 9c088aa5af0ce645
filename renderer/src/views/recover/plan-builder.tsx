import { useMemo, useState } from 'react';
import { STRATEGY_TITLES } from '../../../../electron/core/recover/strategies/index';
import type {
  RecoverableView,
  RecoveryMapping,
  ResourceSelection,
  StrategyId,
  TargetSettings,
} from '../../../../electron/core/recover/types';

/** What the builder hands to "Build the plan". */
export interface BuilderOutput {
  selection: ResourceSelection[];
  mapping: Partial<RecoveryMapping>;
  reapply: { pitr: boolean; ttl: boolean; tags: boolean };
}

const PITR: ReadonlySet<StrategyId> = new Set([
  'rds-pitr-cross-region',
  'dynamodb-pitr-cross-region',
  's3-version-rollback',
]);

/** Strategies that create a target named after the source (the name can be set). */
const NAMED: ReadonlySet<StrategyId> = new Set([
  'rds-pitr-cross-region',
  'rds-snapshot-restore',
  'rds-snapshot-copy-restore',
  'ec2-ami-launch',
  'ec2-ami-copy-launch',
  'ebs-snapshot-copy',
  'dynamodb-pitr-cross-region',
  'dynamodb-backup-restore',
]);

function multiValues(select: HTMLSelectElement): string[] {
  return [...select.selectedOptions].map((o) => o.value).filter(Boolean);
}

/** The plan builder: pick resources and strategies, a point in time, and the target settings in the secondary region. */
export function PlanBuilder({
  view,
  busy,
  onBuild,
}: {
  view: RecoverableView;
  busy: boolean;
  onBuild: (out: BuilderOutput) => void;
}) {
  const usable = useMemo(() => view.resources.filter((r) => r.options.some((o) => o.available)), [view]);
  const [selected, setSelected] = useState<Set<string>>(
    () => new Set(usable.filter((r) => r.kind !== 'volume').map((r) => r.id)),
  );
  const [strategy, setStrategy] = useState<Record<string, StrategyId>>({});
  const [times, setTimes] = useState<Record<string, string>>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const [rds, setRds] = useState<TargetSettings>(view.mapping.defaults.rds ?? {});
  const [ec2, setEc2] = useState<TargetSettings>(view.mapping.defaults.ec2 ?? {});
  const [reapply, setReapply] = useState({ pitr: true, ttl: true, tags: true });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const build = () =>
    onBuild({
      selection: [...selected].map((resourceId) => {
        const s = strategy[resourceId];
        const t = times[resourceId];
        return {
          resourceId,
          ...(s ? { strategy: s } : {}),
          ...(t ? { restoreTime: new Date(t).toISOString() } : {}),
        };
      }),
      mapping: { defaults: { rds, ec2 } },
      reapply,
    });
  const sgOptions = view.targets.securityGroups.map((g) => (
    <option key={g.id} value={g.id}>
      {g.id} ({g.name}, {g.vpcId})
    </option>
  ));
  return (
    <form
      className="panel recover-builder"
      aria-label="Plan builder"
      onSubmit={(e) => {
        e.preventDefault();
        build();
      }}
    >
      <h2>1. Choose what to recover into {view.regions.secondary}</h2>
      <p className="muted">
        From the assessment of {view.assessedAt ? new Date(view.assessedAt).toLocaleString() : 'now'}. The
        best RPO is chosen by default; the alternatives are listed.
      </p>
      <table className="recover-table">
        <thead>
          <tr>
            <th scope="col">Recover</th>
            <th scope="col">Resource</th>
            <th scope="col">Tier</th>
            <th scope="col">Strategy</th>
            <th scope="col">Point in time</th>
            <th scope="col">Target name</th>
          </tr>
        </thead>
        <tbody>
          {view.resources.map((r) => {
            const available = r.options.filter((o) => o.available);
            const chosen = strategy[r.id] ?? (available.find((o) => o.best) ?? available[0])?.data.strategy;
            return (
              <tr key={r.id} className={available.length === 0 ? 'muted' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Recover ${r.service} ${r.name}`}
                    checked={selected.has(r.id)}
                    disabled={available.length === 0}
                    onChange={() => toggle(r.id)}
                  />
                </td>
                <td>
                  <strong>{r.name}</strong> <span className="tag">{r.service}</span>
                  <div className="muted small">{r.region}</div>
                </td>
                <td>{r.tier ?? '–'}</td>
                <td>
                  {available.length === 0 ? (
                    <span>No available option{r.options[0]?.note ? `: ${r.options[0].note}` : ''}</span>
                  ) : (
                    <select
                      aria-label={`Strategy for ${r.name}`}
                      value={chosen}
                      onChange={(e) => setStrategy({ ...strategy, [r.id]: e.target.value as StrategyId })}
                    >
                      {r.options.map((o) => (
                        <option key={o.data.strategy} value={o.data.strategy} disabled={!o.available}>
                          {STRATEGY_TITLES[o.data.strategy]} · RPO{' '}
                          {o.rpoMinutes === null ? '?' : `${o.rpoMinutes} min`}
                          {o.available ? '' : ' (unavailable)'}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {chosen && PITR.has(chosen) ? (
                    <input
                      type="datetime-local"
                      aria-label={
                        chosen === 's3-version-rollback'
                          ? `Roll ${r.name} back to this time`
                          : `Restore time for ${r.name} (empty: latest restorable)`
                      }
                      value={times[r.id] ?? ''}
                      onChange={(e) => setTimes({ ...times, [r.id]: e.target.value })}
                    />
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td>
                  {chosen && NAMED.has(chosen) ? (
                    <input
                      aria-label={`Target name for ${r.name} (empty: derived from the source and the incident)`}
                      placeholder="derived"
                      value={names[r.id] ?? ''}
                      onChange={(e) => setNames({ ...names, [r.id]: e.target.value })}
                    />
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>2. Target settings in {view.regions.secondary}</h2>
      <p className="muted">
        {view.mappingFile
          ? `Defaults from ${view.mappingFile}.`
          : 'No recovery-mapping.yaml in the data folder: choose here.'}
      </p>
      <fieldset className="recover-targets">
        <legend>RDS</legend>
        <label>
          DB subnet group
          <select
            value={rds.subnetGroup ?? ''}
            onChange={(e) => setRds({ ...rds, subnetGroup: e.target.value || undefined })}
          >
            <option value="">(choose)</option>
            {view.targets.subnetGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          RDS security groups
          <select
            multiple
            value={rds.securityGroupIds ?? []}
            onChange={(e) => setRds({ ...rds, securityGroupIds: multiValues(e.target) })}
          >
            {sgOptions}
          </select>
        </label>
        <label>
          DB instance class (empty: as the source)
          <input
            value={rds.instanceClass ?? ''}
            placeholder="db.r6g.large"
            onChange={(e) => setRds({ ...rds, instanceClass: e.target.value || undefined })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={rds.multiAZ ?? false}
            onChange={(e) => setRds({ ...rds, multiAZ: e.target.checked })}
          />{' '}
          Multi-AZ
        </label>
      </fieldset>
      <fieldset className="recover-targets">
        <legend>EC2</legend>
        <label>
          Subnet
          <select
            value={ec2.subnetId ?? ''}
            onChange={(e) => setEc2({ ...ec2, subnetId: e.target.value || undefined })}
          >
            <option value="">(choose)</option>
            {view.targets.subnets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} ({s.availabilityZone}, {s.vpcId})
              </option>
            ))}
          </select>
        </label>
        <label>
          EC2 security groups
          <select
            multiple
            value={ec2.securityGroupIds ?? []}
            onChange={(e) => setEc2({ ...ec2, securityGroupIds: multiValues(e.target) })}
          >
            {sgOptions}
          </select>
        </label>
        <label>
          Instance type (empty: as the source)
          <input
            value={ec2.instanceType ?? ''}
            placeholder="m6i.large"
            onChange={(e) => setEc2({ ...ec2, instanceType: e.target.value || undefined })}
          />
        </label>
      </fieldset>
      <fieldset className="recover-targets">
        <legend>After a table restore, re-apply</legend>
        {(['pitr', 'ttl', 'tags'] as const).map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={reapply[k]}
              onChange={(e) => setReapply({ ...reapply, [k]: e.target.checked })}
            />{' '}
            {k === 'pitr' ? 'Point-in-time recovery' : k === 'ttl' ? 'Time to live' : 'Source tags'}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy || selected.size === 0}>
        Build the plan (dry run)
      </button>
    </form>
  );
}
