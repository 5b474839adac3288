import { execFileSync } from 'node:child_process';

// PDFs are checked with poppler-utils (scripts/install-test-tools.sh), the way a reader's tools see them.
const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** The text of a PDF file (or of one page), laid out as on the page. */
export const pdfText = (file: string, page?: number) =>
  run('pdftotext', '-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-');

export const pdfPageCount = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', file))![1]);

/** pdffonts' table rows, one per font. */
export const pdfFonts = (file: string) => run('pdffonts', file).split('\n').slice(2).filter(Boolean);
