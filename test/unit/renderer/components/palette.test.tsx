import { describe, expect, it, vi } from 'vitest';
import { buildCommands, type CommandContext } from '../../../../renderer/src/components/palette/commands';
import { matchScore, rankMatches } from '../../../../renderer/src/components/palette/fuzzy-match';

function context(over: Partial<CommandContext> = {}): CommandContext {
  const actions = {
    setView: vi.fn(),
    selectStage: vi.fn(),
    declare: vi.fn(),
    note: vi.fn(),
    runAssessment: vi.fn(),
    buildPlan: vi.fn(),
    searchRunbooks: vi.fn(),
    openRunbook: vi.fn(),
    toggleTheme: vi.fn(),
    togglePresentation: vi.fn(),
    help: vi.fn(),
    exportRecord: vi.fn(),
    recheckIdentity: vi.fn(),
    chooseProfile: vi.fn(),
    login: vi.fn(),
  };
  return {
    views: [
      { id: 'procedure', title: 'Procedure' },
      { id: 'timeline', title: 'Timeline' },
    ],
    stages: [
      { id: 'assess', title: 'Assess' },
      { id: 'activate', title: 'Activate' },
    ],
    runbooks: [{ id: 'rds-pitr', title: 'RDS point-in-time restore', service: 'rds', stage: 'recover' }],
    incident: null,
    theme: 'dark',
    presentation: false,
    assessRunning: false,
    actions,
    ...over,
  };
}

describe('buildCommands', () => {
  it('reaches every screen, stage, action and runbook', () => {
    const ctx = context();
    const commands = buildCommands(ctx);
    const ids = commands.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'view:procedure',
        'view:timeline',
        'stage:assess',
        'stage:activate',
        'action:declare',
        'action:note',
        'action:assess',
        'action:plan',
        'action:search',
        'action:record',
        'view:theme',
        'view:presentation',
        'view:help',
        'action:identity',
        'action:profile',
        'action:login',
        'runbook:rds-pitr',
      ]),
    );
    commands.find((c) => c.id === 'runbook:rds-pitr')!.run();
    expect(ctx.actions.openRunbook).toHaveBeenCalledWith('rds-pitr');
    commands.find((c) => c.id === 'stage:activate')!.run();
    expect(ctx.actions.selectStage).toHaveBeenCalledWith('activate');
    expect(commands.find((c) => c.id === 'stage:activate')!.shortcut).toBe('Alt+2');
  });

  it('says why incident actions cannot run without an open incident, and lets them run with one', () => {
    const without = buildCommands(context());
    expect(without.find((c) => c.id === 'action:note')!.disabledReason).toContain('declare an incident');
    expect(without.find((c) => c.id === 'action:plan')!.disabledReason).toBeDefined();
    const withIncident = buildCommands(context({ incident: { id: 'DR-20261126-01', readOnly: false } }));
    expect(withIncident.find((c) => c.id === 'action:note')!.disabledReason).toBeUndefined();
    const readOnly = buildCommands(context({ incident: { id: 'DR-20261126-01', readOnly: true } }));
    expect(readOnly.find((c) => c.id === 'action:note')!.disabledReason).toContain('read-only');
  });

  it('names the theme and presentation commands after what they will do', () => {
    const light = buildCommands(context({ theme: 'light', presentation: true }));
    expect(light.find((c) => c.id === 'view:theme')!.title).toBe('Use the dark theme');
    expect(light.find((c) => c.id === 'view:presentation')!.title).toBe('Leave presentation mode');
  });
});

describe('fuzzy matching', () => {
  it('matches words as substrings or letters in order, and rejects the rest', () => {
    expect(matchScore('', 'anything')).toBe(0);
    expect(matchScore('runbook rds', 'Runbook: RDS point-in-time restore')).toBeGreaterThan(0);
    expect(matchScore('pitr', 'point in time restore')).toBeGreaterThan(0);
    expect(matchScore('zzz', 'Go to Timeline')).toBeNull();
  });

  it('ranks word starts above inner matches, keeping order among equals', () => {
    const items = ['Reassess later', 'add some settings soon', 'Go to Assess', 'Stage 1: Assess'];
    expect(rankMatches('assess', items, (s) => s)).toEqual([
      'Go to Assess',
      'Stage 1: Assess',
      'Reassess later',
      'add some settings soon',
    ]);
    expect(rankMatches('', items, (s) => s)).toEqual(items);
  });
});
