// The agreements domain's schemas that are pure zod: what the API validates with and the console's forms import
// (through the `@sla/agreements-domain/schemas` alias) without the deciders' event-store and node:crypto code.
export * from './agreement/agreement-content';
export * from './review/review.schemas';
