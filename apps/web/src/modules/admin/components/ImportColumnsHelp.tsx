import { Button, Code, Group, Spoiler, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../utils/download';
import { importTemplateCsv, OPTIONAL_IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS } from '../utils/import-columns';

function ColumnList({ columns }: { columns: readonly string[] }) {
  return (
    <Group gap={6} component="span" display="inline-flex" style={{ verticalAlign: 'middle' }}>
      {columns.map((column) => (
        <Code key={column}>{column}</Code>
      ))}
    </Group>
  );
}

/** Which columns the file needs, and a template to start from. */
export function ImportColumnsHelp() {
  const { t } = useTranslation();
  return (
    <Spoiler maxHeight={0} showLabel={t('import.columns.show')} hideLabel={t('import.columns.hide')} mb="lg">
      <Text size="sm" mb={6}>
        {t('import.columns.required')} <ColumnList columns={REQUIRED_IMPORT_COLUMNS} />
      </Text>
      <Text size="sm" mb={6}>
        {t('import.columns.optional')} <ColumnList columns={OPTIONAL_IMPORT_COLUMNS} />
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('import.columns.formats')}
      </Text>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconDownload size={14} aria-hidden />}
        onClick={() => downloadText('people-template.csv', importTemplateCsv())}
      >
        {t('import.columns.template')}
      </Button>
    </Spoiler>
  );
}
