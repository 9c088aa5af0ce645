import { openTabletopSession, type TabletopSession } from '../../support/tabletop-session';

/** A tabletop core on a temporary data folder, for drills. */
export type DrillBench = TabletopSession;

/** Open a tabletop core on a scenario (default `healthy`) with the simulated clock at full speed. */
export function drillBench(options: { scenario?: string; dataDir?: string } = {}): Promise<DrillBench> {
  const { scenario = 'healthy', dataDir } = options;
  return openTabletopSession({ prefix: 'drill', scenario, ...(dataDir === undefined ? {} : { dataDir }) });
}
