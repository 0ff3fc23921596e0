import type { PortfolioSummary } from '../../coach/types.js';
import { day, pct } from './format.js';
import { html, safeUrl, type Fragment } from './html.js';
import { workState } from '../portfolio.js';

/**
 * The report's portfolio card: the evidence a reviewer can click (every link escaped, only http(s)
 * becomes a link; a file path is shown as text), projects and checklists as ticked, and the
 * job-application funnel with its response rate.
 */
export function portfolioCard(p: PortfolioSummary | undefined): Fragment {
  if (!p || (!p.links.length && !p.work.length && !p.applications.length)) return html``;
  const f = p.funnel;
  return html`<section class="card" id="portfolio" aria-labelledby="portfolio-h">
    <div class="card-head">
      <h2 id="portfolio-h">Portfolio and job search</h2>
      <p>What has been built, the evidence for it, and the applications sent</p>
    </div>
    ${
      p.links.length
        ? html`<h3>Evidence</h3>
            <ul class="evidence">
              ${p.links.map((l) => {
                const href = safeUrl(l.url);
                return html`<li>
                  <strong>${l.title}</strong>:
                  ${href ? html`<a href="${href}" rel="noopener noreferrer">${l.url}</a>` : html`<code>${l.url}</code>`}
                  ${l.note ? html`<span class="muted">(${l.note})</span>` : html``}
                </li>`;
              })}
            </ul>`
        : html``
    }
    ${
      p.work.length
        ? html`<h3>Projects and checklists</h3>
            <ul class="work">
              ${p.work.map((w) => html`<li>${w.title}: ${[w.label, ...workState(w)].join(' · ')}</li>`)}
            </ul>`
        : html``
    }
    ${
      p.applications.length
        ? html`<h3>Applications</h3>
            <p>
              <strong>${f.applied}</strong> applied · <strong>${f.screened}</strong> screened ·
              <strong>${f.interviewed}</strong> interviewed ·
              <strong>${f.offers}</strong> ${f.offers === 1 ? 'offer' : 'offers'} · ${pct(f.responseRate)} response rate
            </p>
            <ul class="applications">
              ${p.applications.map(
                (a) =>
                  html`<li>
                    ${a.company} — ${a.role}: ${a.stage} <span class="muted">(applied ${day(a.appliedAt)})</span>
                  </li>`,
              )}
            </ul>`
        : html``
    }
  </section>`;
}
