import type { AppEvent } from '../../../electron/core/api/events';
import { subscribeEvents } from '../api/client';
import { batchPerFrame } from '../components/war-room/batch-per-frame';
import { useStore } from './index';

/** Route one core event into the store's slices. */
export function applyEvent(event: AppEvent): void {
  const state = useStore.getState();
  switch (event.type) {
    case 'app.notice':
      state.pushNotice(event.level, event.message);
      break;
    case 'procedure.reloaded':
      if (event.ok) void state.loadProcedure();
      break;
    case 'incident.entry':
      state.applyIncidentEntry(event.incidentId, event.entry);
      state.applyRecoverEntry(event.incidentId, event.entry);
      state.applyValidateEntry(event.incidentId, event.entry);
      break;
    case 'incident.active':
      if (state.incident === null && event.incidentId) void state.openIncident(event.incidentId);
      break;
    case 'session.changed':
    case 'session.expiring':
    case 'session.expired':
    case 'session.login':
      state.applySessionEvent(event);
      break;
    case 'assess.started':
    case 'assess.progress':
    case 'assess.completed':
    case 'assess.cancelled':
    case 'assess.failed':
      state.applyAssessEvent(event);
      break;
    case 'drill.progress':
      state.applyDrillEvent(event);
      break;
    case 'validate.progress':
      state.applyValidateProgress(event);
      break;
    case 'shell.request':
      if (state.appInfo.status === 'ready' && state.appInfo.value.transport === 'http') {
        state.pushNotice(
          'info',
          event.action === 'openExternal' ? `Open ${event.target}` : `Saved in ${event.target}`,
        );
      }
      break;
  }
}

/** Connect the store to the core's event stream (bursts applied once per frame); returns the disconnect function. */
export function connectEvents(): () => void {
  return subscribeEvents(batchPerFrame(applyEvent));
}
