import { Badge } from '@mantine/core';
import { Ltr } from '../components/Ltr';
import { useDocumentLabels } from '../pages/shared/documentLabels';

/** "PC-I 2005": the proforma and the edition a document was prepared on. */
export function EditionBadge({ kind, edition }: { kind: string; edition?: string | null }) {
  const labels = useDocumentLabels();
  if (!edition) return null;
  return (
    <Badge
      variant="outline"
      color="gray"
      style={{ textTransform: 'none' }}
      data-testid="document-edition"
      data-edition={edition}
    >
      {labels.kind(kind)} <Ltr>{edition}</Ltr>
    </Badge>
  );
}
