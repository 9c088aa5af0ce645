import { Command } from 'commander';
import type { ProfileView } from '../../core/api/calls/session';
import { callCore, output, say, type GlobalOptions, withCore } from '../cli-core';

/** One line for a profile's SSO session: valid until T / expiring / expired / no cached session. */
export function sessionText(profile: ProfileView): string {
  const s = profile.session;
  if (!s) return '';
  const local = s.expiresAt ? new Date(s.expiresAt).toLocaleString() : '';
  switch (s.state) {
    case 'valid':
      return `valid until ${s.expiresAt} (${local})`;
    case 'expiring':
      return `expires soon: ${s.expiresAt} (${local}); run ${profile.loginCommand ?? 'aws sso login'}`;
    case 'expired':
      return `expired ${s.expiresAt}; run ${profile.loginCommand ?? 'aws sso login'}`;
    case 'missing':
      return `no cached session; run ${profile.loginCommand ?? 'aws sso login'}`;
    default:
      return `token cache unreadable: ${s.problem ?? ''}`;
  }
}

/** `dr-war-room profiles`: every AWS profile, its kind, and for SSO profiles the session state. */
export function profilesCommand(): Command {
  return new Command('profiles')
    .description('List the AWS profiles: kind, region, SSO session state, and problems in the config files.')
    .option('--data-dir <dir>', 'where incidents, records and settings are kept')
    .option('--json', 'print machine-readable JSON on stdout')
    .action(async (opts: GlobalOptions) => {
      await withCore(opts, async (core) => {
        const view = await callCore(core, 'session.profiles', {});
        for (const issue of view.issues) say(`warning: ${issue.file}:${issue.line}: ${issue.message}`);
        output(opts, view, () => {
          if (view.profiles.length === 0) {
            return `No AWS profiles in ${view.configFile} or ${view.credentialsFile}. Add one with \`aws configure sso\`.`;
          }
          return view.profiles
            .map((p) => {
              const mark = p.name === view.selected ? '*' : ' ';
              const detail = [
                p.kind,
                p.region ? `region ${p.region}` : '',
                p.accountId ? `account ${p.accountId}` : '',
                p.roleName ? `role ${p.roleName}` : '',
                p.roleArn ? `role ${p.roleArn}` : '',
                sessionText(p),
                p.missing.length > 0 ? `missing: ${p.missing.join(', ')}` : '',
                ...p.problems,
              ].filter(Boolean);
              return `${mark} ${p.name}  ${detail.join('  ·  ')}`;
            })
            .join('\n');
        });
      });
    });
}
