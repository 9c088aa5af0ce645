import { useCallback, useEffect, useState } from 'react';
import type { FaultChange, TabletopFaultsView } from '../../../../electron/core/api/calls/tabletop';
import type { ErrorValue } from '../../../../electron/core/api/result';
import { api, subscribeEvents } from '../../api/client';
import { fromResult, type Loadable } from '../../store/loadable';

/** The facilitator panel's data: the faults in force, the last confirmation or refusal, and the actions. */
export interface Facilitator {
  view: Loadable<TabletopFaultsView>;
  /** The last change's confirmation ("us-east-1 is down …"), from this panel or another window. */
  confirmation: string | null;
  /** Why the last change was refused (the faults are unchanged). */
  error: ErrorValue | null;
  /** True while a change is on its way. */
  busy: boolean;
  /** Send one change; resolves true when it is in force. */
  apply(change: FaultChange): Promise<boolean>;
  reload(): Promise<void>;
}

/**
 * Load the tabletop faults, apply the facilitator's changes, and follow `tabletop.faults` events
 * (a change from another window or the command line shows here too). Local to the panel: no other
 * screen reads the faults.
 */
export function useFacilitator(): Facilitator {
  const [view, setView] = useState<Loadable<TabletopFaultsView>>({ status: 'loading' });
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    setView(fromResult(await api.tabletop.faults()));
  }, []);

  useEffect(() => {
    let open = true;
    void api.tabletop.faults().then((result) => {
      if (open) setView(fromResult(result));
    });
    const unsubscribe = subscribeEvents((event) => {
      if (event.type !== 'tabletop.faults') return;
      setView((current) =>
        current.status === 'ready'
          ? { status: 'ready', value: { ...current.value, faults: event.faults } }
          : current,
      );
      setConfirmation(event.message);
    });
    return () => {
      open = false;
      unsubscribe();
    };
  }, []);

  const apply = useCallback(async (change: FaultChange) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.tabletop.setFaults({ change });
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setView({ status: 'ready', value: result.value.view });
      setConfirmation(result.value.message);
      return true;
    } finally {
      setBusy(false);
    }
  }, []);

  return { view, confirmation, error, busy, apply, reload };
}
