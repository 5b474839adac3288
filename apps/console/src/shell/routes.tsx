import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PortfolioPage } from '../portfolio/portfolio-page';
import type { AccessRule } from './session.queries';

/**
 * Every page of the console: the path it answers, the page, and whether the header links to it. The Portfolio is the
 * landing page and ships in the first chunk; every other page is its own lazy chunk, so the initial JavaScript stays
 * small however many pages there are. A page reads its own path parameters and query from `useLocation`.
 */
export type ConsoleRoute = {
  pattern: RegExp;
  page: ComponentType | LazyExoticComponent<ComponentType>;
  /**
   * The i18n key of the header link, for pages reached from the header; pages with an id in the path have none.
   * `may`: the API's access rule for reading the page (none: every role); a role that does not meet it sees no link.
   */
  nav?: { key: string; href: string; may?: AccessRule };
};

export const ROUTES: readonly ConsoleRoute[] = [
  { pattern: /^\/(portfolio)?$/, page: PortfolioPage, nav: { key: 'nav.portfolio', href: '/portfolio' } },
  { pattern: /^\/agreement\/[^/]+$/, page: lazyPage(() => import('../agreement/agreement-page'), 'AgreementPage') },
  {
    pattern: /^\/service-reports$/,
    page: lazyPage(() => import('../reports/reports-page'), 'ReportsPage'),
    nav: { key: 'nav.reports', href: '/service-reports' },
  },
  { pattern: /^\/report\/[^/]+$/, page: lazyPage(() => import('../reports/report-page'), 'ReportPage') },
  {
    pattern: /^\/queue$/,
    page: lazyPage(() => import('../queue/queue-page'), 'QueuePage'),
    nav: { key: 'nav.queue', href: '/queue', may: 'staffRead' },
  },
  {
    pattern: /^\/ticket-timeline\/[^/]+$/,
    page: lazyPage(() => import('../ticket-timeline/ticket-timeline-page'), 'TicketTimelinePage'),
  },
  // Not /audit: the API's audit evidence lives below that path.
  {
    pattern: /^\/audit-trail$/,
    page: lazyPage(() => import('../audit-trail/audit-trail-page'), 'AuditTrailPage'),
    nav: { key: 'nav.audit', href: '/audit-trail', may: 'staffRead' },
  },
  {
    pattern: /^\/availability$/,
    page: lazyPage(() => import('../availability/availability-page'), 'AvailabilityPage'),
    nav: { key: 'nav.availability', href: '/availability' },
  },
  {
    pattern: /^\/kpis$/,
    page: lazyPage(() => import('../kpis/kpis-page'), 'KpisPage'),
    nav: { key: 'nav.kpis', href: '/kpis' },
  },
  {
    pattern: /^\/agreements-desk$/,
    page: lazyPage(() => import('../agreements-desk/desk-page'), 'DeskPage'),
    nav: { key: 'nav.desk', href: '/agreements-desk', may: 'change' },
  },
  {
    pattern: /^\/agreement-actions\/[^/]+$/,
    page: lazyPage(() => import('../agreements-desk/agreement-actions-page'), 'AgreementActionsPage'),
  },
];

/** The route for a path, if any. */
export function routeFor(path: string): ConsoleRoute | undefined {
  return ROUTES.find((route) => route.pattern.test(path));
}

/** For lazy pages: `lazyPage(() => import('../queue/queue-page'), 'QueuePage')`. */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
