import { describe, expect, it } from 'vitest';
import { resumeNotes } from '../../../electron/cli/simulator-resume';

describe('resuming dr-war-room simulator from --state FILE', () => {
  it('resumes silently when no scenario or seed is asked for', () => {
    expect(resumeNotes({ file: '/x/sim.json', savedScenario: 'us-east-1-outage' })).toEqual([]);
  });

  it('says it resumes the saved account, not a fresh start, when --scenario names the same one', () => {
    expect(
      resumeNotes({
        file: '/x/sim.json',
        savedScenario: 'us-east-1-outage',
        requested: { option: 'us-east-1-outage', name: 'us-east-1-outage' },
      }),
    ).toEqual([
      'Resuming the saved us-east-1-outage account as it was (not a fresh start): delete /x/sim.json to start the scenario afresh.',
    ]);
  });

  it('refuses another scenario than the saved one, with both ways out', () => {
    expect(() =>
      resumeNotes({
        file: '/x/sim.json',
        savedScenario: 'us-east-1-outage',
        requested: { option: 'healthy', name: 'healthy' },
      }),
    ).toThrow(
      '/x/sim.json holds a saved us-east-1-outage account, not --scenario healthy: drop --scenario to resume it, or delete /x/sim.json (or pass another --state file) to start healthy afresh.',
    );
  });

  it('says a --seed is ignored on resume', () => {
    expect(resumeNotes({ file: '/x/sim.json', savedScenario: 'healthy', seed: 7 })).toEqual([
      '--seed 7 is ignored: the saved account keeps its own random sequence; delete /x/sim.json to start afresh with this seed.',
    ]);
  });
});
