import { Command } from 'commander';
import { callCore, CliError, output, say, type GlobalOptions, withCore } from '../cli-core';

/** `dr-war-room login [--profile P]`: the SSO device login, writing the AWS CLI's token cache. */
export function loginCommand(): Command {
  return new Command('login')
    .description(
      'Log in to AWS SSO (IAM Identity Center) for a profile; the `aws` CLI can use the new session too.',
    )
    .option('--profile <name>', 'the SSO profile (default: the remembered choice, AWS_PROFILE, or default)')
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print machine-readable JSON on stdout')
    .action(async (opts: GlobalOptions & { profile?: string }) => {
      await withCore(opts, async (core) => {
        const start = await callCore(
          core,
          'session.login.start',
          opts.profile ? { profile: opts.profile } : {},
        );
        say(`Open ${start.verificationUriComplete}`);
        say(`and confirm the code:  ${start.userCode}`);
        say(`(the code works until ${start.expiresAt}; alternative: ${start.cliCommand})`);
        if (start.tabletop) say('Tabletop: approve the code in the app’s login dialog.');
        const done = await core.session.loginWait(start.loginId);
        output(
          opts,
          done,
          () =>
            `${done.state}: ${done.message}${done.sessionExpiresAt ? ` Session valid until ${done.sessionExpiresAt}.` : ''}`,
        );
        if (done.state !== 'approved') throw new CliError(done.message);
      });
    });
}
