import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  totalCount: number;
  onPageChange(page: number): void;
  /** What the pages are of, for screen readers ("People", "Audit events"). */
  label: string;
}

/** "51–100 of 312" and page buttons, for offset-paginated lists. */
export function PaginationBar({ page, pageSize, totalCount, onPageChange, label }: PaginationBarProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (totalCount === 0) return null;
  const totalPages = Math.max(1, Math.ceil(totalCount / pageSize));
  const first = totalCount === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(totalCount, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('pagination.range', {
          first: format.number(first),
          last: format.number(last),
          total: format.number(totalCount),
        })}
      </Text>
      {totalPages > 1 && (
        <nav aria-label={t('pagination.label', { what: label })}>
          <Pagination
            total={totalPages}
            value={Math.min(page, totalPages)}
            onChange={onPageChange}
            siblings={1}
            boundaries={1}
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
