import { Anchor, Card, Group, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useMasterName } from '../../api/queries';
import { Paged, ProjectListItem } from '../../api/types';
import { Amount, DateText } from '../../components/Amount';
import { QueryState } from '../../components/QueryState';
import { StateBadge } from '../../components/StateBadge';
import { ExportMenu } from '../../exports/ExportMenu';
import { useI18n } from '../../i18n/i18n';
import { useDocumentLabels } from '../shared/documentLabels';
import { NewProjectButton } from '../shared/NewProjectButton';
import { Pager } from '../shared/Pager';
import { ProjectFilters } from './ProjectFilters';
import { PAGE_SIZE, ProjectSearch, Sort, useProjectSearch } from './projectSearch';

/** The province's projects, filtered and sorted through the address, as a table or (on phones) cards. */
export default function ProjectsPage() {
  const { t, locale } = useI18n();
  const { search, update, clear } = useProjectSearch();
  useDocumentTitle(`${t('projects.title')} · ${t('app.name')}`);
  const query = useQuery({
    // departmentName comes back in the request's language, hence the locale in the key.
    queryKey: ['projects', locale, search.filters, search.sort, search.page],
    queryFn: () =>
      api.get<Paged<ProjectListItem>>('/api/projects', {
        query: { ...search.filters, sort: search.sort, page: search.page, pageSize: PAGE_SIZE },
      }),
    // Paging and filtering keep the last list on screen until the next one is in: no flashing.
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <Stack gap="md" data-testid="projects-list">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('projects.title')}</Title>
        <Group gap="sm">
          <ExportMenu
            path="/api/projects/export"
            query={{ ...search.filters, sort: search.sort }}
            baseName={`projects-${new Date().toISOString().slice(0, 10)}`}
            note={t('exports.listNote')}
          />
          <NewProjectButton />
        </Group>
      </Group>
      <ProjectFilters search={search} update={update} clear={clear} />
      <section aria-labelledby="projects-results" aria-busy={query.isFetching}>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="projects-results">
            {t('projects.results')}
          </Title>
          {data ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {data.totalIsExact
                ? t('common.total', { count: data.total })
                : t('common.totalAtLeast', { count: data.total })}
            </Text>
          ) : null}
        </Group>
        <QueryState query={query}>
          {() =>
            data && data.items.length ? (
              <Stack gap="md">
                <ProjectsTable items={data.items} search={search} onSort={(sort) => update({ sort })} />
                <ProjectCards items={data.items} />
                <Pager
                  page={search.page}
                  pageSize={data.pageSize || PAGE_SIZE}
                  total={data.total}
                  onPage={(page) => update({ page: String(page) })}
                  label={t('projects.pages')}
                />
              </Stack>
            ) : (
              <Text c="dimmed">{search.active ? t('projects.noMatch') : t('projects.none')}</Text>
            )
          }
        </QueryState>
      </section>
    </Stack>
  );
}

type SortKey = 'title' | 'cost' | 'approvedCost' | 'updatedAt';

/** A column header that sorts: the first press sorts the way one usually wants (A–Z, dearest, latest). */
function SortHeader({
  column,
  label,
  search,
  onSort,
}: {
  column: SortKey;
  label: string;
  search: ProjectSearch;
  onSort: (sort: Sort) => void;
}) {
  const { t } = useI18n();
  const current =
    search.sort.replace('-', '') === column ? (search.sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
  const first: Sort = column === 'title' ? 'title' : (`-${column}` as Sort);
  const next: Sort = current === 'none' ? first : current === 'ascending' ? (`-${column}` as Sort) : (column as Sort);
  return (
    <Table.Th scope="col" aria-sort={current}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm">
        {label}
        <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ''}</span>
        <VisuallyHidden>{t('projects.sortBy')}</VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

function ProjectsTable({
  items,
  search,
  onSort,
}: {
  items: ProjectListItem[];
  search: ProjectSearch;
  onSort: (sort: Sort) => void;
}) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  const forumName = useMasterName('approval-forums');
  return (
    <Table.ScrollContainer minWidth={760} visibleFrom="md">
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="projects-table">
        <Table.Caption>
          <VisuallyHidden>{t('projects.tableCaption')}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="title" label={t('projects.col.title')} search={search} onSort={onSort} />
            <Table.Th scope="col">{t('projects.col.stage')}</Table.Th>
            <Table.Th scope="col">{t('projects.col.state')}</Table.Th>
            <SortHeader column="cost" label={t('projects.col.cost')} search={search} onSort={onSort} />
            <SortHeader
              column="approvedCost"
              label={t('approvals.col.listApprovedCost')}
              search={search}
              onSort={onSort}
            />
            <Table.Th scope="col">{t('projects.col.forum')}</Table.Th>
            <SortHeader column="updatedAt" label={t('projects.col.updated')} search={search} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td maw={420}>
                <Anchor
                  component={Link}
                  to={`/projects/${p.id}`}
                  fw={600}
                  dir="auto"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{labels.kind(p.stage)}</Table.Td>
              <Table.Td>
                {/* The state's badge keeps its whole name; the title column gives way instead. */}
                {p.state ? (
                  <div style={{ width: 'max-content' }}>
                    <StateBadge state={p.state} />
                  </div>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Amount value={p.totalCost ?? p.approvedCost} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="list-approved-cost">
                <Amount value={p.approvedCost} />
              </Table.Td>
              <Table.Td>{forumShort(forumName(p.forum))}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateText value={p.updatedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Forum names in the master data are long ("Provincial Development Working Party (PDWP), Khyber
 * Pakhtunkhwa — chaired by …"); a table cell shows them up to the first comma or dash.
 */
function forumShort(name: string): string {
  return name.split(/,|—/)[0].trim();
}

function ProjectCards({ items }: { items: ProjectListItem[] }) {
  const { t } = useI18n();
  const labels = useDocumentLabels();
  const forumName = useMasterName('approval-forums');
  return (
    <Stack
      gap="sm"
      hiddenFrom="md"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      data-testid="projects-cards"
    >
      {items.map((p) => (
        <Card key={p.id} withBorder padding="sm" component="li">
          <Anchor component={Link} to={`/projects/${p.id}`} fw={600} dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {p.title}
          </Anchor>
          <Group gap="xs" mt={6} wrap="wrap">
            {p.stage ? (
              <Text size="sm" fw={600}>
                {labels.kind(p.stage)}
              </Text>
            ) : null}
            {p.state ? <StateBadge state={p.state} /> : null}
          </Group>
          <Text size="sm" mt={4}>
            {t('projects.cost')}: <Amount value={p.totalCost ?? p.approvedCost} unit />
          </Text>
          {p.forum ? (
            <Text size="sm">
              {t('projects.col.forum')}: {forumShort(forumName(p.forum))}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('projects.updated')}: <DateText value={p.updatedAt} />
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
