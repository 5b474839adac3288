import { access } from '@sla/access-control';
import { ROLES, type RouteDefinition, type Requirement, type Role } from '@sla/nest-platform';

/** Where the policy table sits in docs/access-control.md: between these two lines, generated, never edited. */
export const TABLE_START = '<!-- access-policy-table: generated from the route definitions, do not edit -->';
export const TABLE_END = '<!-- /access-policy-table -->';

/** What one role may do with one operation, as the table says it. */
export type Permission = 'open' | 'allowed' | 'refused' | CustomerScope;
type CustomerScope = Exclude<Extract<Requirement, { public: false }>['customerScope'], 'none'>;

const CELL: Record<Permission, string> = {
  open: 'open',
  allowed: '✓',
  refused: '—',
  'agreement-path': 'own agreement (path)',
  'agreement-query': 'own agreement (`agreementId`)',
  'report-path': 'published revisions of own customer reports',
  'own-agreements': 'own agreements only',
};

/** The rule's name in `access` (access-policy.ts), by identity: routes name a rule, not a copy of one. */
function ruleName(requirement: Requirement): string {
  const entry = Object.entries(access).find(([, rule]) => rule === requirement);
  if (!entry) throw new Error(`an access requirement that is none of the rules in access-policy.ts`);
  return entry[0];
}

export function permissionOf(requirement: Requirement, role: Role): Permission {
  if (requirement.public) return 'open';
  if (!requirement.roles.includes(role)) return 'refused';
  return role === 'customer' && requirement.customerScope !== 'none' ? requirement.customerScope : 'allowed';
}

/** The policy as a Markdown table: one line per operation, one column per role. */
export function accessPolicyTable(routes: readonly RouteDefinition[]): string {
  const lines = [
    `| operation | rule | ${ROLES.map((role) => `\`${role}\``).join(' | ')} |`,
    `|---|---|${ROLES.map(() => '---').join('|')}|`,
    ...routes.map(
      (route) =>
        `| \`${route.method.toUpperCase()} ${route.path}\` | \`${ruleName(route.access)}\` | ` +
        `${ROLES.map((role) => CELL[permissionOf(route.access, role)]).join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

/** The table in a document, read back: operation (`GET /path`) → role → permission. */
export function documentedPolicy(markdown: string): Map<string, Map<Role, Permission>> {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`no generated policy table (${TABLE_START} … ${TABLE_END})`);
  const permissionByCell = new Map(Object.entries(CELL).map(([permission, cell]) => [cell, permission as Permission]));
  const rows = markdown
    .slice(start + TABLE_START.length, end)
    .trim()
    .split('\n')
    .slice(2);
  const header = markdown
    .slice(start + TABLE_START.length, end)
    .trim()
    .split('\n')[0];
  const roles = header
    .split('|')
    .slice(3, -1)
    .map((cell) => cell.trim().replaceAll('`', '') as Role);
  return new Map(
    rows.map((row) => {
      const [operation, , ...cells] = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const permissions = cells.map((cell) => {
        const permission = permissionByCell.get(cell);
        if (!permission) throw new Error(`${operation}: unknown cell ${JSON.stringify(cell)}`);
        return permission;
      });
      return [operation.replaceAll('`', ''), new Map(roles.map((role, index) => [role, permissions[index]]))];
    }),
  );
}
