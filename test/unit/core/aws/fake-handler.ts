import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { SimulatorRequestHandler } from '../../../../electron/core/aws/clients';

/** A canned HTTP answer. */
export interface CannedResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A request handler for tests: records each request and answers from a function. */
export function fakeHandler(
  answer: (request: HttpRequest, index: number) => CannedResponse,
): SimulatorRequestHandler & {
  requests: HttpRequest[];
} {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async handle(request: HttpRequest) {
      requests.push(request);
      const canned = answer(request, requests.length - 1);
      const body = Buffer.from(canned.body, 'utf8');
      return {
        response: new HttpResponse({
          statusCode: canned.status,
          headers: { 'content-type': 'text/xml', 'content-length': String(body.length), ...canned.headers },
          body: Readable.from([body]),
        }),
      };
    },
  };
}

/** STS GetCallerIdentity's success body. */
export function callerIdentityXml(account = '123456789012'): string {
  return (
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
    `<Arn>arn:aws:sts::${account}:assumed-role/AWSReservedSSO_Commander_abc/alice</Arn><UserId>AROAEXAMPLE:alice</UserId>` +
    `<Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>` +
    '</GetCallerIdentityResponse>'
  );
}

/** An awsQuery error body (STS, RDS). */
export function queryErrorXml(code: string, message: string): string {
  return (
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
    `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>`
  );
}
