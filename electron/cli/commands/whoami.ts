import { Command } from 'commander';
import type { SessionStatusView } from '../../core/api/calls/session';
import { callCore, CliError, output, type GlobalOptions, withCore } from '../cli-core';

/** The human text of a session status (pure). */
export function whoamiText(status: SessionStatusView): string {
  const lines: string[] = [];
  const id = status.identity;
  lines.push(
    `profile  ${status.profile ?? '(environment)'}${status.mode === 'TABLETOP' ? '  (TABLETOP exercise)' : ''}`,
  );
  if (id) {
    lines.push(`account  ${id.accountId}${id.accountAlias ? ` (${id.accountAlias})` : ''}`);
    lines.push(`role     ${id.role ?? '-'}${id.sessionName ? ` as ${id.sessionName}` : ''}`);
    lines.push(`arn      ${id.arn}`);
  } else {
    lines.push('identity unknown: STS answered in no region');
  }
  for (const r of status.regions) {
    lines.push(
      `sts      ${r.region} (${r.role}): ${r.reachable ? 'answers' : `does not answer: ${r.error?.message ?? ''}`}`,
    );
  }
  const s = status.session;
  if (s) {
    const left =
      s.secondsLeft !== null && s.secondsLeft > 0 ? ` (${Math.floor(s.secondsLeft / 60)} min left)` : '';
    lines.push(`session  ${s.state}${s.expiresAt ? ` until ${s.expiresAt}` : ''}${left}`);
    if ((s.state === 'expired' || s.state === 'missing' || s.state === 'expiring') && status.loginCommand) {
      lines.push(
        `         log in: dr-war-room login --profile ${status.profile ?? ''}  (or: ${status.loginCommand})`,
      );
    }
  }
  return lines.join('\n');
}

/** `dr-war-room whoami [--profile P]`: who the app acts as, in both regions, and the session expiry. */
export function whoamiCommand(): Command {
  return new Command('whoami')
    .description(
      'Show the AWS identity (account, alias, role), STS reachability in both regions, and the session expiry.',
    )
    .option(
      '--profile <name>',
      'the AWS profile to check (default: the remembered choice, AWS_PROFILE, or default)',
    )
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print machine-readable JSON on stdout')
    .action(async (opts: GlobalOptions & { profile?: string }) => {
      await withCore(opts, async (core) => {
        const status = opts.profile
          ? await callCore(core, 'session.select', { profile: opts.profile, remember: false })
          : await callCore(core, 'session.status', { refresh: true });
        output(opts, status, () => whoamiText(status));
        if (!status.identity) {
          throw new CliError('STS answered in neither region: check the network, the profile, or log in.');
        }
      });
    });
}
