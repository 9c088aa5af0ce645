import type { FaultChange, TabletopFaultsView } from '../../../../electron/core/api/calls/tabletop';

/** What each of the facilitator's forms is given. */
export interface FaultFormProps {
  view: TabletopFaultsView;
  /** True while a change is on its way (the submit buttons wait). */
  busy: boolean;
  /** Send one change; resolves true when it is in force. */
  apply(change: FaultChange): Promise<boolean>;
}
