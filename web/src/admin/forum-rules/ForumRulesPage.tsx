import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { ForumRule, today, useForumName, useForumRules, useRuleWords } from './forum-rules-api';
import { AddRuleModal, EndRuleModal } from './ForumRuleForms';
import { RoutingSimulator } from './RoutingSimulator';
import { RulesTimeline } from './RulesTimeline';

/*
 * /admin/forum-rules — which forum decides a project, as the province's dated rules: on a time
 * line by forum, in a table, and through a routing simulator. Administrators add a rule or end
 * one (rules are never deleted: past decisions name them); a rule that would tie with another is
 * refused, and the screen says which and how to resolve it. Everyone who sees projects may look.
 */

export const EDIT_PERMISSION = 'settings.manage' as const;
export const VIEW_PERMISSION = 'projects.read' as const;

export default function ForumRulesPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('forumRulesAdmin.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={1300} data-testid="forum-rules-page">
      <Title order={1}>{t('forumRulesAdmin.title')}</Title>
      {session.can(VIEW_PERMISSION) ? (
        <ForumRules canEdit={session.can(EDIT_PERMISSION)} />
      ) : (
        <Alert color="gray" role="alert">
          {t('forumRulesAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function ForumRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const rules = useForumRules();
  const [selected, setSelected] = useState<string | null>(null);
  const [routed, setRouted] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<ForumRule | null>(null);
  return (
    <QueryState query={rules}>
      {() => {
        const all = rules.data!;
        const rule = all.find((r) => r.id === selected) ?? null;
        return (
          <Stack gap="lg">
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Text size="sm" maw={820}>
                {t('forumRulesAdmin.intro')}
              </Text>
              {canEdit ? <Button onClick={() => setAdding(true)}>{t('forumRulesAdmin.addRule')}</Button> : null}
            </Group>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-heading">
              <Title order={2} size="h3" id="timeline-heading" mb="xs">
                {t('forumRulesAdmin.timelineTitle')}
              </Title>
              <RulesTimeline rules={all} selected={selected} highlighted={routed} onSelect={setSelected} />
              {rule ? (
                <RuleDetails
                  rule={rule}
                  canEdit={canEdit}
                  onEnd={() => setEnding(rule)}
                  onClose={() => setSelected(null)}
                />
              ) : null}
            </Paper>
            <RoutingSimulator rules={all} onShowRule={setRouted} />
            <RulesTable rules={all} onSelect={setSelected} />
            {canEdit ? (
              <AddRuleModal opened={adding} onClose={() => setAdding(false)} onAdded={(r) => setSelected(r.id)} />
            ) : null}
            {ending ? <EndRuleModal rule={ending} onClose={() => setEnding(null)} /> : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function RuleDetails({
  rule,
  canEdit,
  onEnd,
  onClose,
}: {
  rule: ForumRule;
  canEdit: boolean;
  onEnd: () => void;
  onClose: () => void;
}) {
  const { t, formatDate } = useI18n();
  const forumName = useForumName();
  const { band, conditions } = useRuleWords();
  const ended = rule.effectiveTo !== null && rule.effectiveTo < today();
  return (
    <Paper withBorder p="sm" mt="sm" radius="md" bg="gray.0" data-testid="rule-details" aria-live="polite">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={700}>
              <Ltr>{rule.code}</Ltr>
            </Text>
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {forumName(rule.forum)}
            </Badge>
            <Badge variant="outline" style={{ textTransform: 'none' }}>
              {t(`forumRulesAdmin.level.${rule.level}`)}
            </Badge>
            {rule.verify ? (
              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('forumRulesAdmin.legend.verify')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm">{[band(rule), ...conditions(rule)].join(' · ')}</Text>
          <Text size="sm">
            {t('forumRulesAdmin.fromTo', {
              from: formatDate(rule.effectiveFrom),
              to: rule.effectiveTo ? formatDate(rule.effectiveTo) : t('forumRulesAdmin.open'),
            })}
            {' · '}
            {t('forumRulesAdmin.priorityShort', { priority: rule.priority })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('forumRulesAdmin.sim.source')}: <bdi lang="en">{rule.source}</bdi>
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {canEdit && !ended ? (
            <Button size="xs" variant="light" color="red" onClick={onEnd}>
              {t('forumRulesAdmin.endRule')}
            </Button>
          ) : null}
          <CloseButton onClick={onClose} aria-label={t('common.close')} />
        </Group>
      </Group>
    </Paper>
  );
}

function RulesTable({ rules, onSelect }: { rules: ForumRule[]; onSelect: (id: string) => void }) {
  const { t, formatDate } = useI18n();
  const forumName = useForumName();
  const { band, conditions } = useRuleWords();
  const [show, setShow] = useState<'in-force' | 'all'>('in-force');
  const now = today();
  const inForce = (r: ForumRule) => r.effectiveFrom <= now && (r.effectiveTo === null || now <= r.effectiveTo);
  const shown = show === 'all' ? rules : rules.filter(inForce);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rules-table-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="rules-table-heading">
          {t('forumRulesAdmin.tableTitle')}
        </Title>
        <SegmentedControl
          size="xs"
          value={show}
          onChange={(v) => setShow(v as 'in-force' | 'all')}
          aria-label={t('forumRulesAdmin.tableShow')}
          data={[
            { value: 'in-force', label: t('forumRulesAdmin.inForceToday') },
            { value: 'all', label: t('forumRulesAdmin.allRules') },
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="rules-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('forumRulesAdmin.col.code')}</Table.Th>
              <Table.Th>{t('forumRulesAdmin.field.forum')}</Table.Th>
              <Table.Th>{t('forumRulesAdmin.col.band')}</Table.Th>
              <Table.Th>{t('forumRulesAdmin.col.conditions')}</Table.Th>
              <Table.Th>{t('forumRulesAdmin.col.dates')}</Table.Th>
              <Table.Th>{t('forumRulesAdmin.field.priority')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('forumRulesAdmin.col.show')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.id} data-rule={r.code}>
                <Table.Td>
                  <Ltr>{r.code}</Ltr>
                </Table.Td>
                <Table.Td>{forumName(r.forum)}</Table.Td>
                <Table.Td>{band(r)}</Table.Td>
                <Table.Td>{conditions(r).join(' · ')}</Table.Td>
                <Table.Td>
                  <bdi>{formatDate(r.effectiveFrom)}</bdi> –{' '}
                  {r.effectiveTo ? <bdi>{formatDate(r.effectiveTo)}</bdi> : t('forumRulesAdmin.open')}
                </Table.Td>
                <Table.Td>
                  <Ltr>{r.priority}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onSelect(r.id)}
                    aria-label={t('forumRulesAdmin.showRule', { code: r.code })}
                  >
                    {t('forumRulesAdmin.col.show')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
