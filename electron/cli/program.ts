import { Command } from 'commander';
import { appVersionSync } from './cli-core';
import { serveCommand } from './commands/serve';
import { incidentCommand } from './commands/incident';
import { recordCommand } from './commands/record';
import { runbooksCommand } from './commands/runbooks';
import { simulatorCommand } from './commands/simulator';
import { profilesCommand } from './commands/profiles';
import { whoamiCommand } from './commands/whoami';
import { loginCommand } from './commands/login';
import { assessCommand } from './commands/assess';
import { planCommand } from './commands/plan';
import { recoverCommand } from './commands/recover';
import { drillCommand } from './commands/drill';
import { validateCommand } from './commands/validate';

/**
 * The `dr-war-room` command line: every command is built (none is a placeholder).
 * Add a command by exporting `<name>Command(): Command` from `commands/<name>.ts` and listing it here.
 */
export function buildProgram(): Command {
  const program = new Command('dr-war-room')
    .description('DR War Room: AWS regional disaster recovery from the command line.')
    .version(appVersionSync())
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(serveCommand());
  program.addCommand(incidentCommand());
  program.addCommand(recordCommand());
  program.addCommand(runbooksCommand());
  program.addCommand(simulatorCommand());
  program.addCommand(profilesCommand());
  program.addCommand(whoamiCommand());
  program.addCommand(loginCommand());
  program.addCommand(assessCommand());
  program.addCommand(planCommand());
  program.addCommand(recoverCommand());
  program.addCommand(drillCommand());
  program.addCommand(validateCommand());
  return program;
}
