/**
 * Stream names are `<category>-<id>` and permanent once stored. The category
 * is everything before the FIRST '-', the rule EventStoreDB's `$by_category`
 * projection and `$ce-<category>` streams apply by default, and the one the
 * PostgreSQL adapter's category filter uses. So a category can never contain
 * '-' (words are joined by '_': `service_report`), while an id may.
 */
const CATEGORY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** A stream name that a context must not write: a bug in the caller, never bad user input. */
export class InvalidStreamNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStreamNameError';
  }
}

export function isStreamCategory(category: string): boolean {
  return CATEGORY.test(category);
}

/**
 * The one way a context names a stream it writes. Refuses a category that
 * would be split or misread: '-' (the separator), '$' (EventStoreDB system
 * streams), upper case, spaces or any other character outside [a-z0-9_].
 */
export function streamName(category: string, id: string): string {
  if (!isStreamCategory(category)) {
    throw new InvalidStreamNameError(
      `stream category '${category}' is not lower-case words of [a-z0-9] joined by '_' ('-' separates the category from the id)`,
    );
  }
  if (id.length === 0) throw new InvalidStreamNameError(`stream of category '${category}' needs a non-empty id`);
  return `${category}-${id}`;
}

/** The category of a stream name: the text before the first '-' (the whole name if there is none). */
export function streamCategory(name: string): string {
  const dash = name.indexOf('-');
  return dash === -1 ? name : name.slice(0, dash);
}

/** The id part of a stream name: the text after the first '-', which may itself contain '-'. */
export function streamId(name: string): string {
  const dash = name.indexOf('-');
  return dash === -1 ? '' : name.slice(dash + 1);
}
