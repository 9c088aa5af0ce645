import { describe, expect, it } from 'vitest';
import { escapeXml, toXmlDocument } from '../../../../electron/simulator/core/xml';
import { xmlEscape } from '../../../../electron/simulator/protocol/xml-output';

describe('the simulator XML writer', () => {
  it('escapes markup characters and carriage returns, and leaves plain text as it is', () => {
    expect(escapeXml('acme-prod-orders')).toBe('acme-prod-orders');
    expect(escapeXml(`a&b<c>d"e'f\rg`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f&#13;g');
    expect(xmlEscape('plain')).toBe('plain');
    expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('writes documents with nested elements, repeated lists, dates and no empty members', () => {
    const xml = toXmlDocument(
      'ListAllMyBucketsResult',
      {
        Owner: { ID: 'id', DisplayName: 'a&b' },
        Buckets: { Bucket: [{ Name: 'one' }, { Name: 'two' }] },
        CreationDate: new Date('2026-01-02T03:04:05.000Z'),
        Prefix: undefined,
        Marker: null,
      },
      'http://s3.amazonaws.com/doc/2006-03-01/',
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Owner><ID>id</ID><DisplayName>a&amp;b</DisplayName></Owner>' +
        '<Buckets><Bucket><Name>one</Name></Bucket><Bucket><Name>two</Name></Bucket></Buckets>' +
        '<CreationDate>2026-01-02T03:04:05.000Z</CreationDate></ListAllMyBucketsResult>',
    );
  });
});
