import { describe, expect, it } from 'vitest';
import type { Summary, TopicSummary } from '../../src/coach/types.js';
import type { ExportDocument } from '../../src/progress/export.js';
import { renderExportCsv } from '../../src/render/export-csv.js';
import { renderExportMarkdown } from '../../src/render/export-markdown.js';

/** Evidence links and proof in the markdown and CSV exports: links are shown, never obeyed. */
const topic: TopicSummary = {
  topic: 'site',
  area: 'portfolio',
  title: 'Portfolio site',
  mastery: 1,
  answered: 0,
  correct: 0,
  calibration: 'unknown',
  status: 'todo',
  mastered: true,
  due: false,
};
const link = (n: number, url: string, note?: string) => ({
  n,
  topic: 'site',
  title: 'Portfolio site',
  url,
  ...(note ? { note } : {}),
  at: '2026-12-04T10:00:00.000Z',
});
const doc = (links: ReturnType<typeof link>[]): ExportDocument =>
  ({
    format: 'pyroad-export',
    version: 2,
    pyroad: '0.1.0',
    exportedAt: '2026-12-04T10:00:00.000Z',
    roadmap: { title: 'Test' },
    progress: { events: [] },
    summary: {
      generatedAt: '2026-12-04T10:00:00.000Z',
      stage: 'prove',
      readiness: 0.5,
      gaps: [],
      areas: [
        {
          area: 'portfolio',
          title: 'Portfolio',
          stage: 'prove',
          mastery: 1,
          topics: 1,
          mastered: 1,
          calibration: 'unknown',
          due: 0,
        },
      ],
      topics: [topic],
      due: [],
      recommendations: [],
      history: [],
      portfolio: {
        work: [
          {
            topic: 'site',
            title: 'Portfolio site',
            kind: 'project',
            done: 2,
            total: 3,
            ticked: [1, 2],
            label: '2 of 3 milestones',
            stage: 'building',
            checks: 'last check run on 2026-12-04: 5/7 passed',
          },
        ],
        links,
        applications: [],
        funnel: {
          applied: 0,
          screened: 0,
          interviewed: 0,
          offers: 0,
          rejected: 0,
          withdrawn: 0,
          open: 0,
          responseRate: 0,
        },
      },
    } satisfies Summary,
  }) as unknown as ExportDocument;

describe('proof and evidence in the markdown and csv exports', () => {
  it('a plain https link becomes a Markdown link; anything that could break out stays text', () => {
    const md = renderExportMarkdown(
      doc([
        link(1, 'https://github.com/ada/site', 'the *code*'),
        link(2, 'https://evil.example/x) [click](javascript:alert(1)'),
        link(3, '/home/ada/certificate.pdf'),
      ]),
    );
    expect(md).toContain(
      '- [x] Portfolio site — mastery 100% · 2 of 3 milestones · last check run on 2026-12-04: 5/7 passed',
    );
    expect(md).toContain('  - Evidence: [https://github.com/ada/site](https://github.com/ada/site) — the \\*code\\*');
    expect(md).toContain('  - Evidence: https://evil.example/x) \\[click\\](javascript:alert(1)');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/); // an unescaped ] would end a link text
    expect(md).toContain('  - Evidence: /home/ada/certificate.pdf');
    expect(md).not.toContain('## Job search');
    expect(renderExportMarkdown(doc([]), { applications: true })).toContain(
      '## Job search\n\nNo applications logged yet.',
    );
  });

  it('csv: ticks, stage, the last check run and the links in the last columns; a formula is defused', () => {
    const rows = renderExportCsv(doc([link(1, 'https://a.example/'), link(2, '=HYPERLINK("x")')])).split('\r\n');
    expect(rows[0]!.endsWith(',items_done,items_total,project_stage,checks,proven_by,evidence,exercises_passed')).toBe(
      true,
    );
    expect(rows[1]).toMatch(
      /,2,3,building,last check run on 2026-12-04: 5\/7 passed,,"https:\/\/a\.example\/ =HYPERLINK\(""x""\)",0$/,
    );
  });
});
