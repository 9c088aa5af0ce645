/** One entry of the command palette. */
export interface PaletteCommand {
  id: string;
  title: string;
  /** Shown beside the title: Screen, Stage, Action, Runbook, View. */
  group: 'Screen' | 'Stage' | 'Action' | 'Runbook' | 'View';
  /** Extra words the search matches (not shown). */
  keywords?: string;
  /** The shortcut, as the help overlay writes it. */
  shortcut?: string;
  /** Why it cannot run now (shown; the command stays listed so people learn it exists). */
  disabledReason?: string;
  run(): void;
}

/** What the palette's commands are built from. */
export interface CommandContext {
  views: Array<{ id: string; title: string }>;
  stages: Array<{ id: string; title: string }>;
  runbooks: Array<{ id: string; title: string; service?: string; stage?: string }>;
  incident: { id: string; readOnly: boolean } | null;
  theme: 'dark' | 'light';
  presentation: boolean;
  assessRunning: boolean;
  actions: {
    setView(id: string): void;
    selectStage(id: string): void;
    declare(): void;
    note(): void;
    runAssessment(): void;
    buildPlan(): void;
    searchRunbooks(): void;
    openRunbook(id: string): void;
    toggleTheme(): void;
    togglePresentation(): void;
    help(): void;
    exportRecord(): void;
    recheckIdentity(): void;
    chooseProfile(): void;
    login(): void;
  };
}

/** Every command the palette offers now: screens, stages, actions, view settings and runbooks (pure). */
export function buildCommands(ctx: CommandContext): PaletteCommand[] {
  const a = ctx.actions;
  const noIncident = ctx.incident ? undefined : 'Open or declare an incident first.';
  const commands: PaletteCommand[] = [
    ...ctx.views.map((v): PaletteCommand => ({
      id: `view:${v.id}`,
      title: `Go to ${v.title}`,
      group: 'Screen',
      keywords: v.id,
      run: () => a.setView(v.id),
    })),
    ...ctx.stages.map((s, i): PaletteCommand => ({
      id: `stage:${s.id}`,
      title: `Stage ${i + 1}: ${s.title}`,
      group: 'Stage',
      keywords: s.id,
      shortcut: i < 9 ? `Alt+${i + 1}` : undefined,
      run: () => a.selectStage(s.id),
    })),
    {
      id: 'action:declare',
      title: 'Declare an incident',
      group: 'Action',
      keywords: 'new incident start open',
      run: a.declare,
    },
    {
      id: 'action:note',
      title: 'Add a note to the incident',
      group: 'Action',
      keywords: 'write decision log',
      shortcut: 'N',
      disabledReason: ctx.incident?.readOnly ? 'The incident is read-only.' : noIncident,
      run: a.note,
    },
    {
      id: 'action:assess',
      title: ctx.assessRunning ? 'Show the running assessment' : 'Run the assessment',
      group: 'Action',
      keywords: 'inventory readiness scan regions',
      run: a.runAssessment,
    },
    {
      id: 'action:plan',
      title: 'Build a recovery plan',
      group: 'Action',
      keywords: 'recover restore failover dry run',
      disabledReason: noIncident,
      run: a.buildPlan,
    },
    {
      id: 'action:search',
      title: 'Search the runbooks',
      group: 'Action',
      keywords: 'find procedure',
      shortcut: '/',
      run: a.searchRunbooks,
    },
    {
      id: 'action:record',
      title: 'Write or export the lessons-learned record',
      group: 'Action',
      keywords: 'pdf html postmortem document',
      disabledReason: noIncident,
      run: a.exportRecord,
    },
    {
      id: 'action:identity',
      title: 'Check the AWS identity and both regions again',
      group: 'Action',
      keywords: 'sts whoami reachability offline refresh',
      run: a.recheckIdentity,
    },
    {
      id: 'action:profile',
      title: 'Choose the AWS profile',
      group: 'Action',
      keywords: 'account role sso credentials',
      run: a.chooseProfile,
    },
    {
      id: 'action:login',
      title: 'Log in to AWS (SSO)',
      group: 'Action',
      keywords: 'session expired sign in identity center',
      run: a.login,
    },
    {
      id: 'view:theme',
      title: ctx.theme === 'dark' ? 'Use the light theme' : 'Use the dark theme',
      group: 'View',
      keywords: 'colour color contrast',
      shortcut: 'Alt+T',
      run: a.toggleTheme,
    },
    {
      id: 'view:presentation',
      title: ctx.presentation ? 'Leave presentation mode' : 'Presentation mode (large text)',
      group: 'View',
      keywords: 'projector big font zoom',
      shortcut: 'Alt+P',
      run: a.togglePresentation,
    },
    {
      id: 'view:help',
      title: 'Keyboard shortcuts',
      group: 'View',
      keywords: 'help keys',
      shortcut: '?',
      run: a.help,
    },
    ...ctx.runbooks.map((r): PaletteCommand => ({
      id: `runbook:${r.id}`,
      title: `Runbook: ${r.title}`,
      group: 'Runbook',
      keywords: [r.id, r.service, r.stage].filter(Boolean).join(' '),
      run: () => a.openRunbook(r.id),
    })),
  ];
  return commands;
}
