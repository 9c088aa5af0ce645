import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { recordFormSchema } from '../../core/api/calls/record';
import { AppError } from '../../core/api/errors';
import { parseDataFile } from '../../core/data/parse-data-file';
import { callCore, CliError, openCore, output, say, type GlobalOptions } from '../cli-core';

/**
 * `dr-war-room record [--incident ID] [--form FILE] [--evidence]`: save the lessons-learned record
 * (the form's text from a YAML/JSON file; the journal fills the rest), and optionally export the
 * evidence pack.
 */
export function recordCommand(): Command {
  return new Command('record')
    .description(
      'Save the lessons-learned record of an incident (default: the active one) as Markdown and JSON.',
    )
    .option('--incident <id>', 'incident id (default: the active incident)')
    .option(
      '--form <file>',
      'YAML or JSON with summary, impact, wentWell, wentPoorly, rootCauses, actionItems [{title, owner, due}]',
    )
    .option('--evidence', 'also export the evidence pack (journal, record, SHA-256 manifest)')
    .option('--by <name>', 'who saves it (default: the commander)')
    .option('--data-dir <dir>', 'where incidents and records are kept')
    .option('--json', 'print machine-readable JSON on stdout')
    .action(
      async (opts: GlobalOptions & { incident?: string; form?: string; evidence?: boolean; by?: string }) => {
        let form: z.input<typeof recordFormSchema> = {};
        if (opts.form) {
          let text: string;
          try {
            text = await readFile(opts.form, 'utf8');
          } catch (error) {
            throw new CliError(`Cannot read the form file ${opts.form}: ${(error as Error).message}.`);
          }
          try {
            form = parseDataFile(path.basename(opts.form), text, recordFormSchema);
          } catch (error) {
            throw new CliError(error instanceof AppError ? error.message : String(error));
          }
        }
        const core = await openCore(opts);
        try {
          let incidentId = opts.incident;
          if (!incidentId) {
            const active = await callCore(core, 'incident.active', {});
            if (!active)
              throw new CliError(
                'No incident is active: pass --incident ID (see `dr-war-room incident list`).',
              );
            incidentId = active.state.id;
          }
          const saved = await callCore(core, 'record.save', {
            incidentId,
            form,
            ...(opts.by ? { by: opts.by } : {}),
          });
          if (!opts.form)
            say(
              'No --form given: the record holds the journal facts, and its text sections say "Not recorded".',
            );
          const pack = opts.evidence ? await callCore(core, 'record.evidence', { incidentId }) : null;
          output(opts, { record: saved, evidence: pack }, () =>
            [
              `Saved ${saved.title}`,
              `  ${saved.markdownPath}`,
              `  ${saved.jsonPath}`,
              ...(pack ? [`Evidence pack: ${pack.dir}`] : []),
            ].join('\n'),
          );
        } finally {
          await core.close();
        }
      },
    );
}
