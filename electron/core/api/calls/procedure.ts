import { z } from 'zod';
import { defineCall } from '../define-call';
import type { Procedure } from '../../runbooks/procedure-schema';

/** Calls about the DR procedure (stages and steps, from `runbooks/dr-procedure.yaml`). */
export const procedureCalls = {
  'procedure.get': defineCall<Procedure>()({
    summary: 'The DR procedure: regions, activation criteria, stages and their steps.',
    input: z.object({}).strict(),
  }),
  'procedure.reload': defineCall<Procedure>()({
    summary: 'Re-read the DR procedure file from disk (after fixing it).',
    input: z.object({}).strict(),
  }),
};
