import { Button, Menu } from '@mantine/core';
import { ReactNode } from 'react';

/**
 * A header button that opens a menu of downloads ("Export", "PDF / Print"): the same look and
 * place for each, the button spinning while a file is on its way. `maxHeight` makes a long
 * menu scroll.
 */
export function ActionMenu({
  label,
  busy,
  testId,
  maxHeight,
  children,
}: {
  label: string;
  busy: boolean;
  testId: string;
  maxHeight?: number;
  children: ReactNode;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={maxHeight} style={maxHeight === undefined ? undefined : { overflowY: 'auto' }}>
        {children}
      </Menu.Dropdown>
    </Menu>
  );
}
