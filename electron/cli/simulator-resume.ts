import { simulatorServices } from '../simulator/core/services';
import { loadScenarioFile, resolveScenarioFile } from '../simulator/scenario/load-scenario';
import { defaultScenariosDir } from '../simulator/scenario/package-root';

/** The name inside the scenario that `--scenario` names (a name in the scenarios folder or a file path). */
export async function scenarioNameOf(nameOrPath: string, scenariosDir?: string): Promise<string> {
  const file = await resolveScenarioFile(nameOrPath, scenariosDir ?? (await defaultScenariosDir()));
  return (await loadScenarioFile(file, simulatorServices)).name;
}

/** What the command knows when `--state FILE` already holds a saved account. */
export interface ResumeInput {
  /** The state file. */
  file: string;
  /** The scenario name saved in it. */
  savedScenario: string;
  /** `--scenario` as given, and the name inside that scenario. */
  requested?: { option: string; name: string };
  /** `--seed`, when given. */
  seed?: number;
}

/**
 * Decide how to resume from a saved state: refuse (throw, saying both ways out) when
 * `--scenario` names another scenario than the saved account's, and otherwise the lines to
 * print about what the saved account keeps.
 */
export function resumeNotes(input: ResumeInput): string[] {
  const { file, savedScenario, requested } = input;
  if (requested && requested.name !== savedScenario) {
    throw new Error(
      `${file} holds a saved ${savedScenario} account, not --scenario ${requested.option}: ` +
        `drop --scenario to resume it, or delete ${file} (or pass another --state file) to start ${requested.option} afresh.`,
    );
  }
  const notes: string[] = [];
  if (requested)
    notes.push(
      `Resuming the saved ${savedScenario} account as it was (not a fresh start): delete ${file} to start the scenario afresh.`,
    );
  if (input.seed !== undefined)
    notes.push(
      `--seed ${input.seed} is ignored: the saved account keeps its own random sequence; delete ${file} to start afresh with this seed.`,
    );
  return notes;
}
