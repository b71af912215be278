import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useMasterName } from '../../api/queries';
import { ProjectDetail, ProjectStatus } from '../../api/types';
import { useSession } from '../../auth/session';
import { Amount, DateText } from '../../components/Amount';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { lifecycleOrder, ROUTED_KINDS } from '../shared/documentLabels';
import { useDepartmentName } from '../shared/names';
import { useSteps } from '../shared/transitions';
import { FollowUpForm } from './FollowUpForm';
import { ProjectDocuments } from './ProjectDocuments';
import { ProjectObligations } from './ProjectObligations';
import { ProjectRouting } from './ProjectRouting';
import { ProjectTimeline } from './ProjectTimeline';
import { ApprovalHistory } from '../../approvals/ApprovalHistory';

const STATUS_COLOUR: Record<ProjectStatus, string> = {
  preparation: 'gray',
  approved: 'green',
  rejected: 'red',
  completed: 'teal',
};
const STATUS_KEYS: Record<ProjectStatus, string> = {
  preparation: 'projects.status.preparation',
  approved: 'projects.status.approved',
  rejected: 'projects.status.rejected',
  completed: 'projects.status.completed',
};

/** One project through its life: its facts, forum and rule, documents, reports due and history. */
export default function ProjectPage() {
  const { projectId = '' } = useParams();
  const { locale } = useI18n();
  const query = useQuery({
    // departmentName comes back in the request's language, hence the locale in the key.
    queryKey: ['project', projectId, locale],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${projectId}`),
  });
  return <QueryState query={query}>{() => <ProjectView project={query.data!} />}</QueryState>;
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${project.title} · ${t('app.name')}`);
  const documents = lifecycleOrder(project.documents ?? []);
  const steps = useSteps(documents.map((d) => d.id));
  const routed = documents.filter((d) => ROUTED_KINDS.has(d.kind));
  // The document a forum is deciding (or decided) now: the one the server names, else the latest PC-II/PC-I/revision.
  const current = routed.find((d) => d.id === project.currentDocumentId) ?? routed[routed.length - 1];
  const underway = project.status === 'approved' || project.status === 'completed';
  const canPrepare = session.can('projects.prepare');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} dir="auto" style={{ overflowWrap: 'anywhere' }}>
          {project.title}
        </Title>
        <Group gap="xs" mt={6}>
          <Badge
            color={STATUS_COLOUR[project.status] ?? 'gray'}
            variant="light"
            style={{ textTransform: 'none' }}
            data-testid="project-status"
            data-status={project.status}
          >
            {STATUS_KEYS[project.status] ? t(STATUS_KEYS[project.status]) : project.status}
          </Badge>
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="project-details" title={t('projects.details.title')}>
          <ProjectFacts project={project} />
        </Section>
        <Section id="project-routing" title={t('projects.routing.title')}>
          {current ? (
            <ProjectRouting document={current} steps={steps.steps} stepsPending={steps.isPending} />
          ) : (
            <Text size="sm">{t('projects.routing.noRule')}</Text>
          )}
        </Section>
      </SimpleGrid>

      <Section id="project-documents-title" title={t('projects.documents.title')}>
        <ProjectDocuments documents={documents} />
      </Section>

      <Section id="project-approvals-title" title={t('approvals.history.title')}>
        <ApprovalHistory projectId={project.id} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section id="project-obligations-title" title={t('projects.obligations.title')}>
          {underway ? (
            <ProjectObligations projectId={project.id} canStart={canPrepare} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('projects.obligations.notYet')}
            </Text>
          )}
        </Section>
        {canPrepare ? (
          <Card
            withBorder
            radius="md"
            padding="md"
            component="section"
            aria-labelledby="follow-up"
            id="follow-up-section"
          >
            <Title order={2} size="h3" id="follow-up" mb="sm">
              {t('projects.followUp.title')}
            </Title>
            {underway ? (
              <FollowUpForm projectId={project.id} />
            ) : (
              <Alert color="gray">{t('projects.followUp.notYet')}</Alert>
            )}
          </Card>
        ) : null}
      </SimpleGrid>

      <Section id="project-history" title={t('projects.timeline.title')}>
        <ProjectTimeline documents={documents} steps={steps} />
      </Section>
    </Stack>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function ProjectFacts({ project }: { project: ProjectDetail }) {
  const { t, locale } = useI18n();
  const departmentName = useDepartmentName();
  const sectorName = useMasterName('sectors');
  const districtName = useMasterName('districts');
  const forumName = useMasterName('approval-forums');
  const approved = project.approvedAt || project.approvedCost;
  return (
    <Stack gap={6} component="dl" m={0}>
      <Fact label={t('projects.details.department')}>
        {departmentName(project.departmentId, project.departmentName) || t('common.none')}
      </Fact>
      <Fact label={t('projects.details.sector')}>{project.sector ? sectorName(project.sector) : t('common.none')}</Fact>
      <Fact label={t('projects.details.districts')}>
        {project.districts?.length
          ? project.districts.map((d) => districtName(d)).join(locale === 'ur' ? '، ' : ', ')
          : t('common.none')}
      </Fact>
      {approved ? (
        <>
          <Fact label={t('projects.details.approvedCost')} testId="project-approved-cost">
            <Amount value={project.approvedCost} unit />
          </Fact>
          <Fact label={t('projects.details.approvedForum')}>
            {project.approvedForum ? forumName(project.approvedForum) : t('common.none')}
          </Fact>
          <Fact label={t('projects.details.approvedAt')}>
            <DateText value={project.approvedAt} />
          </Fact>
        </>
      ) : null}
      {project.completedAt ? (
        <Fact label={t('projects.details.completedAt')}>
          <DateText value={project.completedAt} />
        </Fact>
      ) : null}
    </Stack>
  );
}
