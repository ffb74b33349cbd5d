import { Anchor, Badge, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyTeamQuery } from '../../../gql/graphql';
import { useFormatters } from '../../../platform/i18n/format';
import { PersonLinkList } from '../../people/components/PersonLinkList';

type Report = MyTeamQuery['me']['directReports'][number];

export function ReportsTable({ reports }: { reports: readonly Report[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <caption style={{ captionSide: 'top', textAlign: 'start', padding: 'var(--mantine-spacing-md)' }}>
          <Text fw={600}>{t('myTeam.caption', { count: reports.length })}</Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.position')}</Table.Th>
            <Table.Th scope="col">{t('people.columns.team')}</Table.Th>
            <Table.Th scope="col">{t('person.hireDate')}</Table.Th>
            <Table.Th scope="col">{t('person.fte')}</Table.Th>
            <Table.Th scope="col">{t('myTeam.theirLine')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((report) => (
            <ReportRows
              key={report.id}
              report={report}
              open={open.has(report.id)}
              onToggle={() => toggle(report.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface ReportRowsProps {
  report: Report;
  open: boolean;
  onToggle(): void;
}

function ReportRows({ report, open, onToggle }: ReportRowsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lineId = `line-${report.id}`;
  const lineSize = report.directReports.length;
  return (
    <Fragment>
      <Table.Tr data-testid="report-row">
        <Table.Td>
          <Anchor component={Link} to={`/people/${report.id}`} inherit fw={500}>
            {report.displayName}
          </Anchor>
        </Table.Td>
        <Table.Td>{report.jobTitle ?? '—'}</Table.Td>
        <Table.Td>
          {report.team ? (
            <Anchor component={Link} to={`/teams/${report.team.id}`} inherit c="inherit">
              {report.team.name}
            </Anchor>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td>{format.date(report.hireDate)}</Table.Td>
        <Table.Td>{format.fte(report.fte)}</Table.Td>
        <Table.Td>
          {lineSize === 0 ? (
            <Text size="sm" c="dimmed">
              {t('myTeam.noLine')}
            </Text>
          ) : (
            <Badge
              variant="light"
              component="button"
              type="button"
              onClick={onToggle}
              aria-expanded={open}
              aria-controls={lineId}
              rightSection={
                open ? <IconChevronDown size={12} aria-hidden /> : <IconChevronRight size={12} aria-hidden />
              }
              style={{ cursor: 'pointer' }}
            >
              {t('myTeam.lineSize', { count: lineSize })}
            </Badge>
          )}
        </Table.Td>
      </Table.Tr>
      {open && lineSize > 0 && (
        <Table.Tr id={lineId}>
          <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)" pl="xl">
            <PersonLinkList people={report.directReports} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
