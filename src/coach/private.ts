import type { Recommendation, Summary } from './types.js';

/**
 * Job applications are private: company names, roles, rejections. Pages a learner may publish (the
 * Markdown export; the HTML report unless `--applications`) leave them out: this drops the list of
 * applications and the steps that name one (prepare for an interview, follow up, a rejection's
 * gap). The funnel's counts stay, for a page that asks to show them.
 */
export function withoutApplications(summary: Summary): Summary {
  const recommendations = summary.recommendations.filter((r) => !namesAnApplication(r));
  const portfolio = summary.portfolio && { ...summary.portfolio, applications: [] };
  return { ...summary, recommendations, ...(portfolio ? { portfolio } : {}) };
}

/** The prove-apply steps that follow an application up all name its company (prove-apply.ts). */
const namesAnApplication = (r: Recommendation): boolean => r.kind === 'follow-up';
