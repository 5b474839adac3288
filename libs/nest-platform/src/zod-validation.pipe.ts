import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { toSchemaIssues, type SchemaIssue } from '@sla/event-sourcing';

export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly location: 'body' | 'query' | 'path' | 'header',
    readonly issues: readonly SchemaIssue[],
  ) {
    super(`invalid request ${location}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`);
    this.name = 'RequestValidationError';
  }
}

/** Validates one request part with a zod schema; the parsed value reaches the handler. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly location: 'body' | 'query' | 'path' = 'body',
  ) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw new RequestValidationError(this.location, toSchemaIssues(result.error));
    return result.data;
  }
}
