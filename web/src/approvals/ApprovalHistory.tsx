import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useMasterName } from '../api/queries';
import { Amount, DateText } from '../components/Amount';
import { Ltr } from '../components/Ltr';
import { QueryState } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { useDocumentLabels } from '../pages/shared/documentLabels';
import type { ApprovalRecordView, Decision } from '../../../src/approvals/approval-record';

/*
 * The project's approval records (GET /api/projects/:id/approvals), oldest first: each forum
 * decision with its meeting and date, the document's cost beside the cost the forum approved,
 * the rule that routed it, and any routing remark kept on the record (an imported decision
 * whose forum differs from what the rules of its date say, a province without rules that day).
 */

const DECISION_KEYS: Record<Decision, string> = {
  approved: 'approvals.decision.approved',
  'approved-with-changes': 'approvals.decision.approvedWithChanges',
  deferred: 'approvals.decision.deferred',
  rejected: 'approvals.decision.rejected',
  returned: 'approvals.decision.returned',
  recommended: 'approvals.decision.recommended',
};
/** Dark shades: text at 4.5:1 or more on white (theme.ts darkens them). */
const DECISION_COLOUR: Partial<Record<Decision, string>> = {
  approved: 'green.9',
  'approved-with-changes': 'green.9',
  rejected: 'red.9',
  deferred: 'yellow.9',
  returned: 'orange.9',
};
/** Table cells that read better on one line (dates, amounts, codes). */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Forum names in the master data are long ("… (PDWP), Khyber Pakhtunkhwa — chaired by …"): up to the first comma or
 * dash.
 */
const forumShort = (name: string) => name.split(/,|—/)[0].trim();

function asRecords(body: unknown): ApprovalRecordView[] {
  if (Array.isArray(body)) return body as ApprovalRecordView[];
  const items =
    (body as { items?: unknown; records?: unknown } | null)?.items ?? (body as { records?: unknown } | null)?.records;
  return Array.isArray(items) ? (items as ApprovalRecordView[]) : [];
}

export function useApprovals(projectId: string) {
  return useQuery({
    queryKey: ['project', projectId, 'approvals'],
    queryFn: async () => asRecords(await api.get<unknown>(`/api/projects/${projectId}/approvals`)),
  });
}

export function ApprovalHistory({ projectId }: { projectId: string }) {
  const query = useApprovals(projectId);
  return <QueryState query={query}>{() => <ApprovalTable records={query.data!} />}</QueryState>;
}

function ApprovalTable({ records }: { records: ApprovalRecordView[] }) {
  const { t, locale } = useI18n();
  const labels = useDocumentLabels();
  const forumName = useMasterName('approval-forums');
  if (!records.length) {
    return (
      <Text size="sm" c="dimmed" data-testid="approval-history" data-count={0}>
        {t('approvals.history.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={960} data-testid="approval-history" data-count={records.length}>
      <Table verticalSpacing={6} striped>
        <Table.Caption>
          <VisuallyHidden>{t('approvals.history.caption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('approvals.col.document')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.decision')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.forum')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.meeting')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.decisionDate')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.documentCost')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.approvedCost')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.rule')}</Table.Th>
            <Table.Th scope="col">{t('approvals.col.remarks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id} data-testid="approval-record" data-decision={r.decision} data-origin={r.origin}>
              <Table.Td style={NOWRAP}>{labels.name({ kind: r.documentKind, sequence: r.documentSequence })}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={700} c={DECISION_COLOUR[r.decision] ?? 'gray.9'}>
                  {DECISION_KEYS[r.decision] ? t(DECISION_KEYS[r.decision]) : r.decision}
                </Text>
                {r.origin !== 'workflow' ? (
                  <Text size="xs" c="dimmed">
                    {t(r.origin === 'import' ? 'approvals.origin.import' : 'approvals.origin.recorded')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-testid="approval-forum" data-forum={r.forum}>
                {forumShort(forumName(r.forum))}
              </Table.Td>
              <Table.Td>
                {r.meetingNumber ? <Ltr>{r.meetingNumber}</Ltr> : null}
                {r.meetingNumber && r.meetingDate ? ' · ' : null}
                {r.meetingDate ? <DateText value={r.meetingDate} /> : null}
                {!r.meetingNumber && !r.meetingDate ? '—' : null}
                {r.minutesReference ? (
                  <Text size="xs" c="dimmed">
                    {t('approvals.minutes')}: <bdi>{r.minutesReference}</bdi>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td data-testid="approval-date" data-date={r.decisionDate} style={NOWRAP}>
                <DateText value={r.decisionDate} />
              </Table.Td>
              <Table.Td data-testid="approval-document-cost" style={NOWRAP}>
                <Amount value={r.documentCost} />
              </Table.Td>
              <Table.Td data-testid="approval-approved-cost" data-cost={r.approvedCost ?? ''} style={NOWRAP}>
                <Amount value={r.approvedCost} />
                {r.increasePct ? (
                  <Text size="xs" c="dimmed">
                    {t('approvals.increase', { pct: r.increasePct })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={NOWRAP}>{r.forumRule ? <Ltr>{r.forumRule}</Ltr> : '—'}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {r.conditions ? (
                    <Text size="xs">
                      {t('approvals.conditions')}: <bdi>{r.conditions}</bdi>
                    </Text>
                  ) : null}
                  {r.routingWarnings.map((w) => (
                    <Text key={w.code} size="xs" c="yellow.9" data-testid="approval-warning" data-code={w.code}>
                      {w.message[locale] || w.message.en}
                    </Text>
                  ))}
                  {!r.conditions && !r.routingWarnings.length ? '—' : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
