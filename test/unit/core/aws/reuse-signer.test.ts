import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AuthScheme, RequestSigner } from '@smithy/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reuseSigner } from '../../../../electron/core/aws/reuse-signer';
import { callerIdentityXml, fakeHandler } from './fake-handler';

const KEYS = { accessKeyId: 'AKIDREUSESIGNER', secretAccessKey: 'reuse-signer-secret' };

function sts(
  handler: ReturnType<typeof fakeHandler>,
  credentials: STSClient['config']['credentials'] | typeof KEYS = KEYS,
) {
  return new STSClient({ region: 'us-west-2', credentials, requestHandler: handler, maxAttempts: 1 });
}

const identity = () => fakeHandler(() => ({ status: 200, body: callerIdentityXml() }));
const authorization = (handler: ReturnType<typeof fakeHandler>, i: number) =>
  handler.requests[i]?.headers['authorization'];

describe('reuseSigner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-26T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it("signs every request as the SDK's own signer does", async () => {
    const handler = identity();
    const client = reuseSigner(sts(handler));
    await client.send(new GetCallerIdentityCommand({}));
    await client.send(new GetCallerIdentityCommand({}));
    // A signer built the SDK's default way, for each captured request without its signature.
    const fresh = await sts(identity()).config.signer({
      name: 'sigv4',
      signingName: 'sts',
      signingRegion: 'us-west-2',
      properties: {},
    });
    for (const request of handler.requests) {
      const unsigned = request.clone();
      delete unsigned.headers['authorization'];
      const resigned = (await fresh.sign(unsigned, {
        signingDate: new Date(),
        signingRegion: 'us-west-2',
        signingService: 'sts',
      })) as typeof request;
      expect(request.headers['authorization']).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDREUSESIGNER\/20261126\/us-west-2\/sts\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/,
      );
      expect(request.headers['authorization']).toBe(resigned.headers['authorization']);
    }
  });

  it('builds the signer once for every call of a client', async () => {
    const client = sts(identity());
    const build = vi.fn(client.config.signer);
    client.config.signer = build;
    reuseSigner(client);
    for (let i = 0; i < 5; i++) await client.send(new GetCallerIdentityCommand({}));
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('signs each request with the credentials of that moment (rotation keeps working)', async () => {
    let issued = 0;
    const rotating = async () => {
      issued += 1;
      // Expiring within the SDK's refresh window, so every call asks for credentials again.
      return { ...KEYS, accessKeyId: `AKIDROTATION${issued}`, expiration: new Date(Date.now() + 60_000) };
    };
    const handler = identity();
    const client = reuseSigner(sts(handler, rotating));
    await client.send(new GetCallerIdentityCommand({}));
    const first = issued;
    await client.send(new GetCallerIdentityCommand({}));
    expect(authorization(handler, 0)).toContain(`Credential=AKIDROTATION${first}/`);
    expect(authorization(handler, 1)).toContain(`Credential=AKIDROTATION${issued}/`);
    expect(issued).toBeGreaterThan(first);
  });

  it("keeps S3's own signer and its region and service", async () => {
    const handler = fakeHandler(() => ({
      status: 200,
      body: '<ListAllMyBucketsResult><Buckets></Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>',
      headers: { 'content-type': 'application/xml' },
    }));
    const s3 = reuseSigner(
      new S3Client({ region: 'eu-west-1', credentials: KEYS, requestHandler: handler, forcePathStyle: true }),
    );
    await s3.send(new ListBucketsCommand({}));
    await s3.send(new ListBucketsCommand({}));
    expect(authorization(handler, 0)).toContain(
      'Credential=AKIDREUSESIGNER/20261126/eu-west-1/s3/aws4_request',
    );
    expect(authorization(handler, 1)).toContain('/eu-west-1/s3/aws4_request');
  });

  it('keeps one signer per auth scheme, and does not keep a failed build', async () => {
    const built: string[] = [];
    let failNext = true;
    const client = {
      config: {
        signer: async (scheme?: AuthScheme): Promise<RequestSigner> => {
          if (failNext) {
            failNext = false;
            throw new Error('Region is missing');
          }
          built.push(`${scheme?.signingName}/${scheme?.signingRegion}`);
          return { sign: async (request) => request };
        },
      },
    };
    reuseSigner(client);
    const scheme = (signingRegion: string): AuthScheme => ({
      name: 'sigv4',
      signingName: 'rds',
      signingRegion,
      properties: {},
    });
    await expect(client.config.signer(scheme('us-east-1'))).rejects.toThrow('Region is missing');
    const first = await client.config.signer(scheme('us-east-1'));
    expect(await client.config.signer(scheme('us-east-1'))).toBe(first);
    expect(await client.config.signer(scheme('us-west-2'))).not.toBe(first);
    expect(built).toEqual(['rds/us-east-1', 'rds/us-west-2']);
  });
});
