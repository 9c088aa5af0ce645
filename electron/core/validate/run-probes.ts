/** Custom HTTP(S)/TCP probes of the recovered applications (from the mapping file). */
import { check } from './compare';
import { httpGet, tcpConnect } from './network';
import type { ProbeSpec, ValidationCheck } from './types';

/** Replace `{address}` (PURE); null when the probe needs an address that is not known. */
export function fillAddress(text: string, address: string | undefined): string | null {
  if (!text.includes('{address}')) return text;
  return address ? text.replaceAll('{address}', address) : null;
}

/** Run one probe; the check id is `probe:<name>`. */
export async function runProbe(probe: ProbeSpec, address?: string): Promise<ValidationCheck> {
  const id = `probe:${probe.name}`;
  const title = `${probe.type.toUpperCase()} probe ${probe.name}`;
  if (probe.type === 'tcp') {
    const host = fillAddress(probe.host ?? '', address);
    if (!host)
      return check(id, title, 'skipped', 'skipped: the resource has no recovered address for {address}.');
    const r = await tcpConnect(host, probe.port ?? 0, probe.timeoutMs);
    return check(id, title, r.ok ? 'pass' : 'fail', `${r.detail}.`, {
      fix: 'Check the application, its security group and the route from here.',
    });
  }
  const url = fillAddress(probe.url ?? '', address);
  if (!url)
    return check(id, title, 'skipped', 'skipped: the resource has no recovered address for {address}.');
  const r = await httpGet(url, probe.expectStatus, probe.timeoutMs);
  return check(id, title, r.ok ? 'pass' : 'fail', `${r.detail}.`, {
    fix: 'Check the application logs and its configuration (connection strings from the endpoint map).',
  });
}
