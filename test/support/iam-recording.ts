import type { Simulator } from '../../electron/simulator';
import { authorizationsOf } from './iam-authorizations';
import { captureRequests, type SentRequest } from './iam-capture';
import type { Authorization } from './iam-evaluator';
import { simResourceTags } from './iam-sim-tags';

/** What {@link recordAuthorizations} collects, in the order the requests were sent. */
export interface IamRecording {
  sent: SentRequest[];
  /** The authorisations AWS makes for each request, with the resources' tags at that moment. */
  authorizations: Authorization[];
  /** Requests that could not be read or modelled (assert this stays empty). */
  unreadable: string[];
  /** Stop recording. */
  stop(): void;
}

/**
 * Record every request the app's clients send to `sim` and the authorisations AWS makes for it
 * (test/support/iam-authorizations.ts), read before the simulator answers.
 */
export function recordAuthorizations(
  sim: Pick<Simulator, 'requestHandler' | 'state' | 'accountId'>,
): IamRecording {
  const env = { accountId: sim.accountId, resourceTags: simResourceTags(sim) };
  const recording: Omit<IamRecording, 'stop'> = { sent: [], authorizations: [], unreadable: [] };
  const stop = captureRequests(
    sim,
    (request) => {
      recording.sent.push(request);
      recording.authorizations.push(...authorizationsOf(request, env));
    },
    (error) => recording.unreadable.push(error.message),
  );
  return { ...recording, stop };
}
