import { Badge, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { api } from '../../api/client';
import { useMasterName, useWorkflow } from '../../api/queries';
import { DocumentSummary, ForumRule, Routing } from '../../api/types';
import { DateText } from '../../components/Amount';
import { Ltr } from '../../components/Ltr';
import { Loading, QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { useDocumentLabels } from '../shared/documentLabels';
import { Step } from '../shared/transitions';

/**
 * Which forum decides the project's current document, under which of the province's dated rules,
 * and why. A decided document shows the rule its decision recorded; one still on its way shows
 * where today's rules send it (GET /routing), which can change with its cost or a new rule.
 */
export function ProjectRouting({
  document,
  steps,
  stepsPending,
}: {
  document: DocumentSummary;
  steps: Step[];
  stepsPending: boolean;
}) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  const workflow = useWorkflow();
  const final = workflow.data?.config.states.find((s) => s.id === document.state)?.final ?? false;
  // Every action on a routed document records the rule of its moment; the decision is the newest.
  const decision = final ? steps.find((s) => s.documentId === document.id && s.rule) : undefined;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('projects.routing.for', { document: labels.name(document) })}</Text>
      {final && stepsPending ? (
        <Loading />
      ) : decision ? (
        <DecidedRouting step={decision} />
      ) : (
        <LiveRouting document={document} />
      )}
    </Stack>
  );
}

function Facts({ forum, rule, why }: { forum: string; rule: string | null; why: ReactNode }) {
  const { t } = useI18n();
  const forumName = useMasterName('approval-forums');
  return (
    <Stack gap={6} component="dl" m={0}>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          {t('projects.routing.forum')}
        </Text>
        <Text component="dd" m={0} fw={600} data-testid="project-forum" data-forum={forum}>
          {forum ? forumName(forum) : t('common.none')}
        </Text>
      </div>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          {t('projects.routing.rule')}
        </Text>
        <Text component="dd" m={0} data-testid="project-rule">
          {rule ? <Ltr>{rule}</Ltr> : t('common.none')}
        </Text>
      </div>
      <div>
        <Text component="dt" size="sm" c="dimmed">
          {t('projects.routing.why')}
        </Text>
        <Text component="dd" m={0} size="sm">
          {why}
        </Text>
      </div>
    </Stack>
  );
}

/** The rule's source text is the province's own record (a notification, in English). */
function Source({ text, verify }: { text: string | null | undefined; verify?: boolean }) {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <>
      {' '}
      {t('projects.routing.source')}: <bdi lang="en">{text}</bdi>
      {verify ? (
        <>
          {' '}
          <Badge color="yellow" variant="light" size="sm" style={{ textTransform: 'none' }}>
            {t('projects.routing.verify')}
          </Badge>
        </>
      ) : null}
    </>
  );
}

function DecidedRouting({ step }: { step: Step }) {
  const { t } = useI18n();
  return (
    <Facts
      forum={step.forum ?? ''}
      rule={step.rule}
      why={
        <>
          {t('projects.routing.decided', { name: step.actor || '—' })} <DateText value={step.at} />.
          <Source text={step.ruleSource} />
        </>
      }
    />
  );
}

function LiveRouting({ document }: { document: DocumentSummary }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['document-routing', document.id, document.revision, document.state],
    queryFn: () => api.get<Routing>(`/api/documents/${document.id}/routing`),
  });
  const explain = useRuleExplanation();
  return (
    <QueryState query={query}>
      {() => {
        const routing = query.data!;
        const forum = routing.forum ?? routing.rule?.forum;
        if (!routing.rule || !forum) {
          return (
            <Text size="sm">
              {routing.figures && !routing.figures.totalCost
                ? t('projects.routing.noCost')
                : (routing.reason ?? t('projects.routing.noRule'))}
            </Text>
          );
        }
        return (
          <Facts
            forum={forum}
            rule={routing.rule.code}
            why={
              <>
                {explain(routing.rule, routing.figures?.totalCost ?? document.totalCost, routing.increasePct ?? null)}
                <Source text={routing.rule.source} verify={routing.rule.verify} />
              </>
            }
          />
        );
      }}
    </QueryState>
  );
}

/** A rule's conditions as sentences: the cost band, the forms, the funding, the dates. */
function useRuleExplanation() {
  const { t, formatNumber, formatDate } = useI18n();
  const labels = useDocumentLabels();
  return (rule: ForumRule, cost: string | null, increasePct: string | null): string => {
    const amount = (v: string) => formatNumber(v);
    const parts: string[] = [];
    const c = cost ? amount(cost) : '—';
    if (rule.minCost && rule.maxCost)
      parts.push(t('projects.routing.band', { cost: c, min: amount(rule.minCost), max: amount(rule.maxCost) }));
    else if (rule.maxCost) parts.push(t('projects.routing.bandUpTo', { cost: c, max: amount(rule.maxCost) }));
    else if (rule.minCost) parts.push(t('projects.routing.bandAbove', { cost: c, min: amount(rule.minCost) }));
    else parts.push(t('projects.routing.anyCost'));
    if (rule.formKinds?.length)
      parts.push(t('projects.routing.forKinds', { kinds: rule.formKinds.map((k) => labels.kind(k)).join(', ') }));
    if (rule.foreignFunding === true) parts.push(t('projects.routing.foreign'));
    if (rule.foreignFunding === false) parts.push(t('projects.routing.notForeign'));
    if (rule.whollyProvincial === true) parts.push(t('projects.routing.provincial'));
    if (rule.maxIncreasePct)
      parts.push(
        t('projects.routing.increase', {
          pct: increasePct ? formatNumber(increasePct, 1) : '—',
          max: formatNumber(rule.maxIncreasePct),
        }),
      );
    parts.push(
      rule.effectiveTo
        ? t('projects.routing.inForceUntil', { from: formatDate(rule.effectiveFrom), to: formatDate(rule.effectiveTo) })
        : t('projects.routing.inForce', { from: formatDate(rule.effectiveFrom) }),
    );
    return parts.join(' ');
  };
}
