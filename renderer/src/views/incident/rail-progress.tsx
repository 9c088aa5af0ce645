import type { StageId } from '../../../../electron/core/runbooks/procedure-schema';
import { stageProgress } from '../../../../electron/core/incident/transitions';
import { useStore } from '../../store/index';

/** The open incident's progress on one stage of the rail: current, steps settled, signed off. */
export function IncidentRailProgress({ stage }: { stage: StageId }) {
  const state = useStore((s) => s.incident?.state ?? null);
  if (!state) return null;
  const progress = stageProgress(state, stage);
  const signOff = state.signOffs[stage];
  return (
    <span className="rail-progress">
      {stage === state.stage && state.status === 'open' && <span className="rail-current">current · </span>}
      {progress.settled}/{progress.total} done
      {signOff && <span className="rail-signed"> · ✓ signed off by {signOff.by}</span>}
    </span>
  );
}

/** The open incident's mark on one step of the rail (done or skipped). */
export function IncidentRailStep({ stepId }: { stepId: string }) {
  const step = useStore((s) => s.incident?.state.steps[stepId] ?? null);
  if (!step) return null;
  return <span className={step.status === 'done' ? 'tag rail-signed' : 'tag'}>{step.status}</span>;
}
