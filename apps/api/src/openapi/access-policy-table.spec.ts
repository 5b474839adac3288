import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES } from '@sla/nest-platform';
import { accessPolicyTable, documentedPolicy, permissionOf, TABLE_END, TABLE_START } from './access-policy-table';
import { apiRoutes } from './openapi.controller';

const DOCUMENT = path.join(__dirname, '../../../../docs/access-control.md');

/**
 * The access policy is documented as a table generated from the route definitions, and the matrix test
 * (test/api/access-matrix.e2e.spec.ts) checks the running API against that table: route, document and
 * behaviour cannot drift apart. After changing a route's rule, regenerate the table:
 *   UPDATE_ACCESS_POLICY_TABLE=1 npx jest apps/api/src/openapi/access-policy-table.spec.ts
 */
describe('the access policy table in docs/access-control.md', () => {
  const generated = accessPolicyTable(apiRoutes);
  const written = readFileSync(DOCUMENT, 'utf8');
  if (process.env.UPDATE_ACCESS_POLICY_TABLE === '1' && written.indexOf(TABLE_END) > written.indexOf(TABLE_START)) {
    const [before, after] = [written.indexOf(TABLE_START) + TABLE_START.length, written.indexOf(TABLE_END)];
    writeFileSync(DOCUMENT, `${written.slice(0, before)}\n${generated}\n${written.slice(after)}`);
  }
  const document = readFileSync(DOCUMENT, 'utf8');
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);

  it('is the table the route definitions give (regenerate: UPDATE_ACCESS_POLICY_TABLE=1 npx jest <this file>)', () => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(document.slice(start + TABLE_START.length, end).trim()).toBe(generated);
  });

  it("reads back as every route's rule for every role", () => {
    const documented = documentedPolicy(document);
    expect(documented.size).toBe(apiRoutes.length);
    for (const route of apiRoutes) {
      const operation = `${route.method.toUpperCase()} ${route.path}`;
      for (const role of ROLES) {
        expect({ operation, role, permission: documented.get(operation)?.get(role) }).toEqual({
          operation,
          role,
          permission: permissionOf(route.access, role),
        });
      }
    }
  });
});
