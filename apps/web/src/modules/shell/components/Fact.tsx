import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of a DataList (a semantic <dl>). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
