/**
 * Columns of the people CSV, as the API's importer reads them (apps/api people-import parser).
 * The GraphQL schema does not describe them, so they are mirrored here for the page's help and template.
 */
export const REQUIRED_IMPORT_COLUMNS = ['email', 'first_name', 'last_name', 'team', 'hire_date'] as const;

export const OPTIONAL_IMPORT_COLUMNS = [
  'team_kind',
  'parent_team',
  'manager_email',
  'position',
  'position_level',
  'track',
  'fte',
  'base_salary',
  'currency',
  'roles',
  'manages_team',
  'left_on',
] as const;

/** A header line and one example row: a starting point to fill in with a spreadsheet. */
export function importTemplateCsv(): string {
  const header = [...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS];
  const example: Record<(typeof header)[number], string> = {
    email: 'alex.martin@example.org',
    first_name: 'Alex',
    last_name: 'Martin',
    team: 'Customer Service',
    hire_date: '2024-09-02',
    team_kind: 'FRONT_LINE',
    parent_team: '',
    manager_email: '',
    position: 'Customer Advisor',
    position_level: '1',
    track: 'Front line',
    fte: '1',
    base_salary: '',
    currency: '',
    roles: 'EMPLOYEE',
    manages_team: 'no',
    left_on: '',
  };
  return `${header.join(',')}\r\n${header.map((column) => example[column]).join(',')}\r\n`;
}
