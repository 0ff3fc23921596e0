import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/quiz/answers.js';
import { area, index, question, topic } from './fixtures.js';

const idx = index(
  area('net', [
    topic('tcp', [question('tcp-1'), question('tcp-2', 1, ['a', 'b', 'c', 'd'])]),
    topic('dns', [question('dns-1')]),
  ]),
  area('sql', [topic('joins', [question('joins-1')])]),
);
const parse = (value: unknown, areaArg?: string) => parseAnswers(JSON.stringify(value), idx, areaArg);

describe('parseAnswers', () => {
  it('accepts a good file', () => {
    const r = parse({ area: 'net', ratings: { tcp: 3, dns: 0 }, answers: { 'tcp-2': 3, 'dns-1': 0 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.area.id).toBe('net');
    expect([...r.script.ratings]).toEqual([
      ['tcp', 3],
      ['dns', 0],
    ]);
    expect([...r.script.answers]).toEqual([
      ['tcp-2', 3],
      ['dns-1', 0],
    ]);
  });

  it('accepts ratings alone, or answers alone', () => {
    expect(parse({ area: 'net', ratings: { tcp: 4 } }).ok).toBe(true);
    expect(parse({ area: 'net', answers: { 'tcp-1': 0 } }).ok).toBe(true);
  });

  it('lists every problem at once', () => {
    const r = parse({
      area: 'net',
      ratings: { tpc: 2, joins: 1, dns: 5, tcp: 2.5 },
      answers: { 'tcp-9': 0, 'joins-1': 0, 'tcp-2': 4, 'dns-1': '1' },
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        'ratings.tpc: unknown topic (did you mean "tcp"?)',
        'ratings.joins: topic of area "sql", not "net"',
        'ratings.dns: a rating is a whole number from 0 to 4, got 5',
        'ratings.tcp: a rating is a whole number from 0 to 4, got 2.5',
        'answers.tcp-9: unknown question (did you mean "tcp-1"?)',
        'answers.joins-1: question of area "sql", not "net"',
        'answers.tcp-2: an answer is a choice index from 0 to 3, got 4',
        'answers.dns-1: an answer is a choice index from 0 to 2, got "1"',
      ],
    });
  });

  it('reports an unknown area with a did-you-mean', () => {
    expect(parse({ area: 'nett', ratings: { tcp: 1 } })).toEqual({
      ok: false,
      problems: ['area: unknown area "nett" (did you mean "net"?)'],
    });
  });

  it('reports an area that differs from the one on the command line', () => {
    expect(parse({ area: 'net', ratings: { tcp: 1 } }, 'sql')).toEqual({
      ok: false,
      problems: ['area: the file is for "net" but the command names "sql"'],
    });
  });

  it('reports bad JSON, a bad shape and an empty file', () => {
    expect(parseAnswers('{"area":', idx)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^not valid JSON: /)],
    });
    expect(parse([1, 2])).toMatchObject({ ok: false, problems: [expect.stringMatching(/^the file: /)] });
    expect(parse({ area: 'net', rating: {} })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('rating')],
    });
    expect(parse({ ratings: {} })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^area: /)] });
    expect(parse({ area: 'net' })).toEqual({
      ok: false,
      problems: ['nothing to record: "ratings" and "answers" are both empty'],
    });
  });
});
