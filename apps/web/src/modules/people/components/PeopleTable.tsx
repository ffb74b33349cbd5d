import { Anchor, Avatar, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PersonRowFragment } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import classes from './PeopleTable.module.css';

interface PeopleTableProps {
  people: readonly PersonRowFragment[];
  /** Accessible description of the table. */
  caption: string;
  /** On a team's page every row has the same team. */
  hideTeam?: boolean;
  busy?: boolean;
  /** Leaving dates by person (the directory with former staff, for HR): shown beside the name. */
  leavingDates?: ReadonlyMap<string, string>;
}

/** People as rows: the name is a link (keyboard), and the whole row is clickable (mouse). */
export function PeopleTable({
  people,
  caption,
  hideTeam = false,
  busy = false,
  leavingDates,
}: PeopleTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = new Date().toISOString().slice(0, 10);
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        highlightOnHover
        verticalSpacing="sm"
        aria-busy={busy}
        className={busy ? classes.busy : undefined}
      >
        <caption className={classes.caption}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.position')}</Table.Th>
            {!hideTeam && <Table.Th scope="col">{t('people.columns.team')}</Table.Th>}
            <Table.Th scope="col">{t('people.columns.manager')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr
              key={person.id}
              data-testid="people-row"
              className={classes.row}
              onClick={() => void navigate(`/people/${person.id}`)}
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar name={person.displayName} color="initials" size="sm" aria-hidden />
                  <Anchor
                    component={Link}
                    to={`/people/${person.id}`}
                    inherit
                    fw={500}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {person.displayName}
                  </Anchor>
                  {leavingDates?.has(person.id) && (
                    <Badge variant="light" color="gray" data-testid="people-former">
                      {t(leavingDates.get(person.id)! <= today ? 'leaving.left' : 'leaving.leaving', {
                        date: format.date(leavingDates.get(person.id)!),
                      })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{person.jobTitle ?? person.position?.title ?? <Dash />}</Table.Td>
              {!hideTeam && <Table.Td>{person.team?.name ?? <Dash />}</Table.Td>}
              <Table.Td>{person.manager?.displayName ?? <Dash />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Dash() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" aria-label={t('common.none')}>
      —
    </Text>
  );
}
