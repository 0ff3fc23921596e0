import { describe, expect, it } from 'vitest';
import { judge, type Answer } from '../../src/check/judge.js';
import { checksSchema, type Check } from '../../src/check/schema.js';
import { atPointer, expandJson, expandPath, missingCaptures } from '../../src/check/template.js';
import { isLoopback } from '../../src/check/run.js';
import { parseBasePath, parseTimeout, parseUrl, selectChecks } from '../../src/commands/check.js';

const check = (expect: Record<string, unknown>, extra: Record<string, unknown> = {}): Check =>
  checksSchema.parse([{ id: 'c', title: 'A check', why: 'Because.', request: { path: '/x' }, expect, ...extra }])[0]!;

const answer = (status: number, body = '', headers: Record<string, string> = {}): Answer => ({
  status,
  statusText: status === 200 ? 'OK' : '',
  headers,
  body,
});

describe('judge', () => {
  it.each<[string, Check, Answer, string[]]>([
    ['status equal', check({ status: 201 }), answer(201), []],
    ['status differs', check({ status: 201 }), answer(200), ['status: expected 201, got 200 OK']],
    ['one of several statuses', check({ status: [400, 422] }), answer(422), []],
    ['none of several', check({ status: [400, 422] }), answer(500), ['status: expected one of 400, 422, got 500']],
    [
      'header missing',
      check({ status: 200, headers: { Location: { present: true } } }),
      answer(200),
      ['header Location: expected present, got no such header'],
    ],
    [
      'header names are case-insensitive',
      check({ status: 200, headers: { 'X-A': 'b' } }),
      answer(200, '', { 'x-a': 'b' }),
      [],
    ],
    [
      'header must be absent',
      check({ status: 200, headers: { Server: { present: false } } }),
      answer(200, '', { server: 'x' }),
      ['header Server: expected no such header, got x'],
    ],
    [
      'header does not match',
      check({ status: 200, headers: { 'Content-Type': { matches: '^application/json' } } }),
      answer(200, '', { 'content-type': 'text/html' }),
      ['header Content-Type: expected a value matching /^application/json/, got text/html'],
    ],
    [
      'JSON path that differs',
      check({ status: 200, json: { type: 'object', properties: { title: { const: 'a' } } } }),
      answer(200, '{"title":"b"}'),
      ['JSON /title: expected value does not match "a"., got "b"'],
    ],
    [
      'missing property',
      check({ status: 200, json: { type: 'object', required: ['id'] } }),
      answer(200, '{}'),
      ['JSON /: expected value does not have required property "id"., got {}'],
    ],
    [
      'not JSON',
      check({ status: 200, json: { type: 'object' } }),
      answer(200, '<html>'),
      ['body: expected JSON, got a body that is not JSON: <html>'],
    ],
    ['empty body wanted', check({ status: 204, empty: true }), answer(204, 'x'), ['body: expected no body, got x']],
  ])('%s', (_, c, a, expected) => {
    const v = judge(c, a, {});
    expect(v.differences.map((d) => `${d.what}: expected ${d.expected}, got ${d.got}`)).toEqual(expected);
    expect(v.passed).toBe(expected.length === 0);
  });

  it('captures from the body and lets a header rule use the value', () => {
    const c = check(
      { status: 201, headers: { Location: { matches: '/notes/{{id}}$' } } },
      { capture: { id: { json: '/id' }, where: { header: 'Location' } } },
    );
    expect(judge(c, answer(201, '{"id":7}', { location: '/notes/7' }), {})).toEqual({
      passed: true,
      differences: [],
      captures: { id: 7, where: '/notes/7' },
    });
    expect(judge(c, answer(201, '{"id":7}', { location: '/notes/70' }), {}).passed).toBe(false);
    expect(judge(c, answer(201, '{}', { location: '/notes/7' }), {}).differences[0]!.what).toBe('capture {{id}}');
  });
});

describe('check definitions', () => {
  it('refuse a placeholder no earlier check captures, and duplicate ids', () => {
    const r = checksSchema.safeParse([
      { id: 'a', title: 'A', why: 'W', request: { path: '/n/{{id}}' }, expect: { status: 200 } },
      { id: 'a', title: 'B', why: 'W', request: { path: '/' }, expect: { status: 200 } },
    ]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      '{{id}} is not captured by an earlier check',
      '"a" is used by an earlier check',
    ]);
  });

  it('put captures into paths encoded and into JSON with their type', () => {
    expect(expandPath('/n/{{id}}?q={{q}}', { id: 'a/b', q: 'x y' })).toBe('/n/a%2Fb?q=x%20y');
    expect(expandJson({ id: '{{id}}', t: 'note {{id}}' }, { id: 3 })).toEqual({ id: 3, t: 'note 3' });
    expect(atPointer({ items: [{ id: 5 }] }, '/items/0/id')).toBe(5);
    const needsId = { ...check({ status: 200 }), request: { method: 'GET', path: '/n/{{id}}' } } as Check;
    expect(missingCaptures(needsId, {})).toEqual(['id']);
    expect(missingCaptures(needsId, { id: 1 })).toEqual([]);
  });
});

describe('options', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['93.184.216.34', false],
    ['::', false],
  ])('%s is loopback: %s', (address, expected) => expect(isLoopback(address)).toBe(expected));

  it('parse --url, --timeout, --base-path, --only and --from', () => {
    expect(parseUrl(undefined).origin).toBe('http://127.0.0.1:8000');
    expect(parseUrl('localhost:5000').origin).toBe('http://localhost:5000');
    expect(() => parseUrl('ftp://x')).toThrow(/http:\/\//);
    expect(() => parseUrl('http://127.0.0.1:8000/api')).toThrow(/--base-path/);
    expect(parseTimeout('0.5')).toBe(500);
    expect(() => parseTimeout('0')).toThrow(/--timeout/);
    expect(parseBasePath('/api/')).toBe('/api');
    const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(selectChecks(list, 'c,a')).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(selectChecks(list, undefined, 'b')).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect(() => selectChecks(list, 'd')).toThrow(/no check "d"/);
  });
});
