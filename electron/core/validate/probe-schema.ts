import { z } from 'zod';
import type { ProbeSpec } from './types';

/**
 * One custom health check of the mapping file's `probes:` section: an HTTP(S) GET of a URL, or
 * a TCP connect to host:port. `{address}` in the URL or host is the recovered address of the
 * resource named by `resourceId` (DB endpoint, instance private IP).
 */
export const probeSchema = z
  .object({
    name: z.string().trim().min(1, 'names the probe').max(80),
    type: z.enum(['http', 'https', 'tcp']),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL, e.g. https://orders.internal/health')
      .optional(),
    host: z.string().trim().min(1).max(253).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    expectStatus: z.array(z.number().int().min(100).max(599)).max(20).optional(),
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
    resourceId: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.type === 'tcp' && (!p.host || !p.port))
      ctx.addIssue({ code: 'custom', message: 'a tcp probe needs host and port', path: ['host'] });
    if (p.type !== 'tcp' && !p.url)
      ctx.addIssue({ code: 'custom', message: `an ${p.type} probe needs url`, path: ['url'] });
    if (p.type !== 'tcp' && p.url && !p.url.startsWith(`${p.type}:`))
      ctx.addIssue({ code: 'custom', message: `url must start with ${p.type}://`, path: ['url'] });
  }) satisfies z.ZodType<ProbeSpec>;

/** The `probes:` section. */
export const probesSchema = z.array(probeSchema).max(100);
