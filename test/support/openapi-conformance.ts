import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Operation = {
  requestBody?: { content: { 'application/json': { schema: object } } };
  responses: Record<string, { content?: { 'application/json'?: { schema: object } } }>;
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/**
 * Checks requests and responses of an end-to-end test against the API's
 * own OpenAPI document: the route must be documented, the body valid for
 * its schema, the status documented, and the response valid for it.
 */
export function openApiConformance(fetched: unknown) {
  const document = fetched as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    operations,
  }));
  const validators = new Map<object, ReturnType<typeof ajv.compile>>();
  const validate = (schema: object, value: unknown, what: string) => {
    let validator = validators.get(schema);
    if (!validator) validators.set(schema, (validator = ajv.compile(schema)));
    if (!validator(value))
      throw new Error(`${what} does not conform to the OpenAPI document: ${ajv.errorsText(validator.errors)}`);
  };
  return {
    checked: 0,
    check(method: string, url: string, requestBody: unknown, status: number, responseBody: unknown) {
      const path = url.split('?')[0];
      const route = routes.find((candidate) => candidate.pattern.test(path));
      const operation = route?.operations[method.toLowerCase()];
      if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
      const malformed = typeof requestBody === 'string';
      if (operation.requestBody && requestBody !== undefined && !malformed && status < 400) {
        validate(operation.requestBody.content['application/json'].schema, requestBody, `request ${method} ${path}`);
      }
      const response = operation.responses[String(status)];
      if (!response) throw new Error(`${method} ${path} answered ${status}, which the OpenAPI document does not list`);
      const schema = response.content?.['application/json']?.schema;
      if (schema) validate(schema, responseBody, `response ${status} of ${method} ${path}`);
      this.checked += 1;
    },
  };
}
