/**
 * Declaring an incident: the recovery tiers it is held to, and its first journal entry (which
 * snapshots the DR procedure, so later edits of the file do not change the incident).
 */
import { AppError } from '../api/errors';
import type { Procedure } from '../runbooks/procedure-schema';
import { ENTRY } from './entry-types';
import { snapshotProcedure } from './procedure-snapshot';
import type { IncidentMode, JournalAppend, Severity, TierTarget } from './types';

/** Input of {@link IncidentService.declare}. */
export interface DeclareInput {
  title: string;
  severity: Severity;
  commander: string;
  tiers?: string[] | undefined;
}

/**
 * The tiers an incident is held to: the requested ones, or every tier of the policy when none are
 * requested. Pure; throws `INVALID_INPUT` naming any tier the policy does not define.
 */
export function selectTierTargets(tiers: TierTarget[], requested: string[] | undefined): TierTarget[] {
  if (!requested || requested.length === 0) return tiers;
  const unknown = requested.filter((id) => !tiers.some((t) => t.id === id));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Unknown recovery tier${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the backup policy defines ${tiers.map((t) => t.id).join(', ')}.`,
      { field: 'tiers', unknown },
    );
  }
  return tiers.filter((t) => requested.includes(t.id));
}

/**
 * Read the backup policy's tiers and select the incident's targets. A policy that cannot be read
 * does not stop a declaration: the incident gets no targets and a warning to journal.
 * Unknown requested tiers (`INVALID_INPUT`) still throw.
 */
export async function resolveTierTargets(
  loadTiers: () => Promise<TierTarget[]>,
  requested: string[] | undefined,
): Promise<{ targets: TierTarget[]; warnings: string[] }> {
  try {
    return { targets: selectTierTargets(await loadTiers(), requested), warnings: [] };
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') throw error;
    return {
      targets: [],
      warnings: [
        `The backup policy could not be read, so this incident has no RTO/RPO targets: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
}

/** The `incident.declared` entry that opens an incident's journal. Pure. */
export function declaredEntry(
  id: string,
  input: DeclareInput,
  context: {
    mode: IncidentMode;
    scenario: string | null;
    targets: TierTarget[];
    procedure: Procedure;
  },
): JournalAppend {
  return {
    type: ENTRY.declared,
    actor: input.commander,
    data: {
      id,
      title: input.title,
      severity: input.severity,
      commander: input.commander,
      mode: context.mode,
      scenario: context.scenario,
      targets: context.targets.map((t) => ({
        id: t.id,
        title: t.title,
        rtoMinutes: t.rtoMinutes,
        rpoMinutes: t.rpoMinutes,
      })),
      procedure: snapshotProcedure(context.procedure),
    },
  };
}

/** The `journal.warning` entries for problems found while declaring (an unreadable policy). Pure. */
export function declarationWarningEntries(warnings: string[]): JournalAppend[] {
  return warnings.map((message) => ({
    type: ENTRY.journalWarning,
    actor: 'system',
    data: { message, reason: 'policy' },
  }));
}
