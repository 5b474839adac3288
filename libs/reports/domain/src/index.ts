export * from './due-dates';
export * from './service-report';
export * from './content-diff';
export * from './report-html';
