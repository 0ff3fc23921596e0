import type { Application, Funnel } from '../coach/applications.js';
import type { PortfolioSummary } from '../coach/types.js';
import type { Style } from './style.js';
import { wrap, wrapSegments, type Segment } from './text.js';
import { untrusted } from './untrusted.js';

/** The prove and apply stages in the terminal: projects, links, applications, the funnel. */

const one = (s: string) => untrusted(s, { oneLine: true });
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "3 applied · 2 screened · 1 interviewed · 0 offers · 67% answered". */
export const funnelLine = (f: Funnel | PortfolioSummary['funnel']): string =>
  `${f.applied} applied · ${f.screened} screened · ${f.interviewed} interviewed · ${f.offers} ${f.offers === 1 ? 'offer' : 'offers'} · ${pct(f.responseRate)} response rate`;

const DAY_MS = 86_400_000;

export function renderApplications(
  apps: readonly Application[],
  funnel: Funnel,
  style: Style,
  now: Date,
  width = 80,
): string {
  const hang = ' '.repeat(5);
  const lines = apps.map((a) => {
    const days = Math.max(0, Math.floor((now.getTime() - Date.parse(a.updatedAt)) / DAY_MS));
    const when =
      a.interviewOn && a.stage === 'interview' ? `on ${a.interviewOn}` : days === 0 ? 'today' : `${days}d ago`;
    const head = wrapSegments(
      [
        [`${String(a.n).padStart(3)}. `],
        [one(a.company), style.bold],
        [` — ${one(a.role)}  `],
        [a.stage, style.cyan],
        [` ${when}`, style.dim],
      ],
      width,
      '',
      hang,
    );
    const extra = [a.stack.length ? a.stack.map(one).join(', ') : '', a.source ? `via ${one(a.source)}` : '']
      .filter(Boolean)
      .join(' · ');
    const note = a.history.at(-1)?.note;
    return [
      head,
      extra ? wrapSegments([[extra, style.dim]], width, hang) : '',
      note ? wrapSegments([[one(note)]], width, hang) : '',
      a.url ? wrapSegments([[one(a.url), style.blue]], width, hang) : '',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [...lines, '', wrap(funnelLine(funnel), width)].join('\n');
}

/**
 * Where a project stands after its label: "proven by 18/18 checks on 2026-12-04" (or "proven"
 * by a link), "built", and how far the latest check run got when it did not prove it.
 */
export function workState(
  w: Pick<PortfolioSummary['work'][number], 'stage' | 'checks'>,
  style: Pick<Style, 'green'> = { green: (s: string) => s },
): string[] {
  const proof = w.checks?.startsWith('proven') ? w.checks : undefined;
  const out: string[] = [];
  if (w.stage === 'proven') out.push(style.green(proof ?? 'proven'));
  else if (w.stage === 'built') out.push('built');
  if (w.checks && !proof) out.push(w.checks);
  return out;
}

/** The section `status` shows once anything is ticked, linked or applied for. */
export function renderPortfolioSection(p: PortfolioSummary, style: Style, width = 80): string[] {
  const hang = ' '.repeat(4);
  const lines: string[] = [];
  if (p.work.length) {
    lines.push(style.bold('Projects and checklists'));
    for (const w of p.work)
      lines.push(
        wrapSegments(
          [
            [one(w.title)],
            [` (${w.topic})`, style.dim],
            [`: ${w.label}`],
            ...workState(w).map((s): Segment => [
              ` · ${s}`,
              w.stage === 'proven' && s.startsWith('proven') ? style.green : undefined,
            ]),
          ],
          width,
          '  ',
          hang,
        ),
      );
  }
  if (p.links.length) {
    if (lines.length) lines.push('');
    lines.push(style.bold(`Evidence (${p.links.length})`));
    for (const l of p.links)
      lines.push(wrapSegments([[`${l.n}. ${one(l.title)}: `], [one(l.url), style.blue]], width, '  ', hang));
  }
  if (p.applications.length) {
    if (lines.length) lines.push('');
    lines.push(style.bold('Job applications'));
    lines.push(wrap(funnelLine(p.funnel), width, '  '));
  }
  return lines;
}

/** For `show ID`: the topic's ticks ("4 of 7 milestones", built or proven) and links. */
export function renderTopicPortfolio(
  p: PortfolioSummary | undefined,
  topic: string,
  style: Style,
  width = 80,
): string[] {
  if (!p) return [];
  const lines: string[] = [];
  const w = p.work.find((x) => x.topic === topic);
  if (w) lines.push(`  ${[w.label, ...workState(w, style)].join(' · ')}`);
  for (const l of p.links.filter((x) => x.topic === topic))
    lines.push(
      wrapSegments(
        [
          [`Evidence ${l.n}: `],
          [one(l.url), style.blue],
          ...(l.note ? ([[` (${one(l.note)})`, style.dim]] as Segment[]) : []),
        ],
        width,
        '  ',
        '    ',
      ),
    );
  return lines;
}
