import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ruleMatches } from '../../../../src/routing/forum-rules';
import { Ltr } from '../../components/Ltr';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { FORM_KINDS, ForumRule, RouteQuery, routeCase, today, useForumName, useRuleWords } from './forum-rules-api';

/*
 * Which forum would decide a case: the API's own routing (GET /api/forum-rules/route) for a cost,
 * a date, a form and the special conditions, with the deciding rule and why it decides. The rules
 * that also matched but were outranked come from the same matcher the API uses (src/routing).
 */

const AMOUNT = /^\d{1,15}(\.\d{1,3})?$/;
const PERCENT = /^-?\d{1,6}(\.\d{1,3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function RoutingSimulator({
  rules,
  onShowRule,
}: {
  rules: ForumRule[];
  onShowRule: (id: string | null) => void;
}) {
  const { t, locale, formatDate } = useI18n();
  const errorText = useErrorText();
  const forumName = useForumName();
  const { band, conditions } = useRuleWords();
  const [q, setQ] = useState<RouteQuery>({
    cost: '',
    on: today(),
    form: 'pc1',
    foreign: false,
    provincial: false,
    increasePct: '',
  });
  const [tried, setTried] = useState(false);
  const route = useMutation({
    mutationFn: (query: RouteQuery) => routeCase(query),
    onSuccess: (a) => onShowRule(a.rule?.id ?? null),
  });
  const problems = {
    cost: AMOUNT.test(q.cost) ? null : t('forumRulesAdmin.err.amount'),
    on: DATE.test(q.on) ? null : t('forumRulesAdmin.err.date'),
    increasePct:
      q.form !== 'pc1-revised' || PERCENT.test(q.increasePct ?? '') ? null : t('forumRulesAdmin.err.percent'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problems.cost && !problems.on && !problems.increasePct) route.mutate(q);
  };
  const answer = route.data;
  const asked = route.variables;
  const outranked =
    answer?.rule && asked
      ? rules.filter(
          (r) =>
            r.id !== answer.rule!.id &&
            ruleMatches(r, {
              formKind: asked.form,
              totalCost: asked.cost,
              on: asked.on,
              foreignFunding: asked.foreign,
              whollyProvincial: asked.provincial,
              increasePct: asked.form === 'pc1-revised' ? asked.increasePct || null : null,
            }),
        )
      : [];

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="simulator-heading"
      data-testid="routing-simulator"
    >
      <Title order={2} size="h3" id="simulator-heading" mb="xs">
        {t('forumRulesAdmin.sim.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('forumRulesAdmin.sim.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('forumRulesAdmin.sim.cost')}
              dir="ltr"
              inputMode="decimal"
              required
              value={q.cost}
              onChange={(e) => setQ({ ...q, cost: e.currentTarget.value.trim() })}
              error={tried ? problems.cost : undefined}
            />
            <TextInput
              label={t('forumRulesAdmin.sim.on')}
              type="date"
              dir="ltr"
              required
              value={q.on}
              onChange={(e) => setQ({ ...q, on: e.currentTarget.value })}
              error={tried ? problems.on : undefined}
            />
            <Select
              label={t('forumRulesAdmin.sim.form')}
              allowDeselect={false}
              value={q.form}
              onChange={(v) => setQ({ ...q, form: (v ?? 'pc1') as RouteQuery['form'] })}
              data={FORM_KINDS.map((k) => ({ value: k, label: t(`forumRulesAdmin.form.${k}`) }))}
            />
          </SimpleGrid>
          <Group gap="lg" align="flex-end">
            <Checkbox
              label={t('forumRulesAdmin.sim.foreign')}
              checked={q.foreign}
              onChange={(e) => setQ({ ...q, foreign: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('forumRulesAdmin.sim.provincial')}
              checked={q.provincial}
              onChange={(e) => setQ({ ...q, provincial: e.currentTarget.checked })}
            />
            {q.form === 'pc1-revised' ? (
              <TextInput
                label={t('forumRulesAdmin.sim.increasePct')}
                dir="ltr"
                inputMode="decimal"
                value={q.increasePct}
                onChange={(e) => setQ({ ...q, increasePct: e.currentTarget.value.trim() })}
                error={tried ? problems.increasePct : undefined}
              />
            ) : null}
            <Button type="submit" loading={route.isPending}>
              {t('forumRulesAdmin.sim.route')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {route.error ? (
          <Alert color="red" mt="md" role="alert">
            {errorText(route.error)}
          </Alert>
        ) : null}
        {answer && asked ? (
          <Stack gap="xs" mt="md" data-testid="routing-answer">
            {answer.rule ? (
              <>
                <Group gap="xs">
                  <Text fw={600}>{t('forumRulesAdmin.sim.forum')}</Text>
                  <Badge size="lg" color="green" style={{ textTransform: 'none' }} data-testid="routing-forum">
                    {forumName(answer.forum!)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {t('forumRulesAdmin.sim.decidedBy')}{' '}
                  <Ltr>
                    <b data-testid="routing-rule">{answer.rule.code}</b>
                  </Ltr>
                  {' — '}
                  {[band(answer.rule), ...conditions(answer.rule)].join(' · ')}
                </Text>
                <Text size="sm">
                  {t('forumRulesAdmin.sim.why', {
                    date: formatDate(asked.on),
                    priority: answer.rule.priority,
                    from: formatDate(answer.rule.effectiveFrom),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('forumRulesAdmin.sim.source')}: <bdi lang="en">{answer.rule.source}</bdi>
                </Text>
                {answer.rule.verify ? (
                  <Text size="sm" c="orange.8">
                    {t('forumRulesAdmin.verifyNote')}
                  </Text>
                ) : null}
                {outranked.length ? (
                  <Text size="sm">
                    {t('forumRulesAdmin.sim.outranked')}{' '}
                    {outranked.map((r, i) => (
                      <span key={r.id}>
                        {i ? ', ' : ''}
                        <Ltr>{r.code}</Ltr> ({forumName(r.forum)},{' '}
                        {t('forumRulesAdmin.priorityShort', { priority: r.priority })})
                      </span>
                    ))}
                  </Text>
                ) : null}
              </>
            ) : (
              <Alert color="orange" title={t('forumRulesAdmin.sim.noForum')}>
                <Stack gap={4}>
                  {answer.warnings.length ? (
                    answer.warnings.map((w) => (
                      <Text key={w.code} size="sm">
                        {locale === 'ur' ? w.messageUr : w.message}
                      </Text>
                    ))
                  ) : (
                    <Text size="sm">
                      {t('forumRulesAdmin.sim.noRule', { date: formatDate(asked.on) })} <Ltr>{asked.cost}</Ltr>
                    </Text>
                  )}
                </Stack>
              </Alert>
            )}
          </Stack>
        ) : null}
      </div>
    </Paper>
  );
}
