import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { toSchemaIssues, type SchemaIssue } from '@sla/event-sourcing';

/** Where in the request an invalid value was: issue paths are relative to it (a header's path is its name). */
export type RequestLocation = 'body' | 'query' | 'path' | 'header';

export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly location: RequestLocation,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(
      `invalid request ${location}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'RequestValidationError';
  }
}

/** Validates one request part with a zod schema; the parsed value reaches the handler. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly location: 'body' | 'query' | 'path' = 'body',
  ) {}

  /** `metadata.data` is the parameter's name when the pipe validates one (`@Param('version', pipe)`). */
  transform(value: unknown, metadata?: ArgumentMetadata): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      // A single parameter's schema reports issues at its root: they are named after the parameter.
      const parameter = this.location !== 'body' && typeof metadata?.data === 'string' ? metadata.data : '';
      throw new RequestValidationError(this.location, toSchemaIssues(result.error, parameter));
    }
    return result.data;
  }
}
