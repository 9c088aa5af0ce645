import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import { exportRecord } from '../../record/html-export';

type RecordCall =
  | 'record.draft'
  | 'record.preview'
  | 'record.save'
  | 'record.list'
  | 'record.evidence'
  | 'record.verifyEvidence'
  | 'record.openFolder'
  | 'record.export';

/** Handlers of the `record.*` calls: thin wrappers over `core.records`. */
export function recordHandlers(core: Core): Pick<Handlers, RecordCall> {
  const records = core.records;
  return {
    'record.draft': (input) => records.draft(input.incidentId),
    'record.preview': (input) => records.preview(input.incidentId, input.form),
    'record.save': (input) => records.save(input.incidentId, input.form, input.by),
    'record.list': (input) => records.list(input.incidentId),
    'record.evidence': (input) => records.evidence(input.incidentId, input.by),
    'record.verifyEvidence': (input) => records.verifyEvidence(input.dir),
    'record.openFolder': (input) => records.openFolder(input.path),
    'record.export': (input) =>
      exportRecord(
        {
          list: (id) => records.list(id),
          transport: core.options.transport,
          emit: (event) => core.events.emit(event),
        },
        input,
      ),
  };
}
