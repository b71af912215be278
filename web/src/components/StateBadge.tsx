import { Badge } from '@mantine/core';
import { useStateLabel } from '../api/queries';

const COLOURS: Record<string, string> = {
  draft: 'gray',
  returned: 'orange',
  submitted: 'blue',
  'department-review': 'blue',
  'pnd-scrutiny': 'indigo',
  forum: 'violet',
  deferred: 'yellow',
  approved: 'green',
  rejected: 'red',
  recommended: 'teal',
};

/** A document's workflow state, in the province's own words for it. */
export function StateBadge({ state }: { state: string }) {
  const label = useStateLabel();
  return (
    <Badge color={COLOURS[state] ?? 'gray'} variant="light" data-state={state} style={{ textTransform: 'none' }}>
      {label(state)}
    </Badge>
  );
}
