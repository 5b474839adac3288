export * from './report-pdf';
