/** One page of every kind, for the quality gates (accessibility, CSP, requests, weight). */
export const PAGE_KINDS: Record<string, string> = {
  home: '/',
  provinces: '/provinces/',
  province: '/provinces/96/',
  communes: '/provinces/01/communes/',
  commune: '/communes/00004/',
  'former-provinces': '/former-provinces/',
  'former-province': '/former-provinces/84/',
  tasks: '/tasks/',
  'tasks-status': '/tasks/status/overdue_reported/',
  task: '/tasks/camau-ttpvhcc-cap-xa/',
  agencies: '/agencies/',
  agency: '/agencies/bo-khcn/',
  indicators: '/indicators/',
  indicator: '/indicators/dti/',
  targets: '/targets/',
  target: '/targets/bc402-2025-ho-so-toan-trinh/',
  citations: '/provinces/79/cite/',
  documents: '/documents/',
  document: '/documents/57-nq-tw/',
  data: '/data/',
  dataset: '/data/observations/',
  changes: '/data/observations/changes/',
  coverage: '/data/coverage/',
  releases: '/data/releases/',
  release: '/data/releases/1.0.0/',
  corrections: '/data/corrections/',
  about: '/about/',
  developers: '/developers/',
  maps: '/maps/',
  embed: '/embed/ranking/dti/',
  search: '/search/?q=ca%20mau',
  compare: '/compare/?p=01,79,48',
  'compare-former': '/compare/?level=former&p=02,15',
};

export const pagesInBothLanguages = (): [string, string][] =>
  Object.entries(PAGE_KINDS).flatMap(
    ([kind, path]) =>
      [
        [`${kind} (vi)`, path],
        [`${kind} (en)`, `/en${path}`],
      ] as [string, string][],
  );
