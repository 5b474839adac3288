export * from './due-dates';
export * from './service-report';
export * from './content-diff';
export * from './report-html';
export * from './report-labels';
export * from './report-content';
export * from './report-definition';
export * from './report-identifiers';
