import { Box, Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { ChangeEvent, FormEvent, useEffect, useRef, useState } from 'react';
import { useWorkflow } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';
import { KIND_ORDER, useDocumentLabels } from '../shared/documentLabels';
import { useMasterOptions } from '../shared/names';
import { AMOUNT, FilterKey, ProjectSearch, Sort, SORTS } from './projectSearch';

type Update = (changes: Partial<Record<FilterKey | 'sort' | 'page', string>>, options?: { replace?: boolean }) => void;

/**
 * A text filter typed into: the address follows after a pause, and a change of address from
 * elsewhere (back button, "Clear filters") comes back into the box without eating keystrokes.
 */
function useTypedFilter(
  value: string,
  commit: (value: string) => void,
  valid: (value: string) => boolean = () => true,
) {
  const [text, setText] = useState(value);
  const written = useRef(value);
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  const commitLater = useDebouncedCallback((next: string) => {
    if (!valid(next)) return;
    written.current = next;
    commit(next);
  }, 400);
  const change = (next: string) => {
    setText(next);
    commitLater(next);
  };
  return { text, change, flush: commitLater.flush, isValid: valid(text) };
}

export function ProjectFilters({
  search,
  update,
  clear,
}: {
  search: ProjectSearch;
  update: Update;
  clear: () => void;
}) {
  const { t, locale } = useI18n();
  const labels = useDocumentLabels();
  const workflow = useWorkflow();
  const districts = useMasterOptions('districts');
  const sectors = useMasterOptions('sectors');
  const forums = useMasterOptions('approval-forums');
  const [opened, { toggle }] = useDisclosure(false);
  const { filters } = search;
  const amountOk = (v: string) => !v.trim() || AMOUNT.test(v.trim());
  const q = useTypedFilter(filters.q, (v) => update({ q: v.trim() }, { replace: true }));
  const minCost = useTypedFilter(filters.minCost, (v) => update({ minCost: v.trim() }, { replace: true }), amountOk);
  const maxCost = useTypedFilter(filters.maxCost, (v) => update({ maxCost: v.trim() }, { replace: true }), amountOk);
  const minApprovedCost = useTypedFilter(
    filters.minApprovedCost,
    (v) => update({ minApprovedCost: v.trim() }, { replace: true }),
    amountOk,
  );
  const maxApprovedCost = useTypedFilter(
    filters.maxApprovedCost,
    (v) => update({ maxApprovedCost: v.trim() }, { replace: true }),
    amountOk,
  );

  const all = { value: '', label: t('common.all') };
  const select = (key: FilterKey) => ({
    value: filters[key],
    onChange: (e: ChangeEvent<HTMLSelectElement>) => update({ [key]: e.currentTarget.value }),
  });
  const states = workflow.data?.config.states.map((s) => ({ value: s.id, label: s.label[locale] })) ?? [];
  const sortLabels: Record<Sort, string> = {
    '-updatedAt': t('projects.sort.updatedDesc'),
    updatedAt: t('projects.sort.updatedAsc'),
    title: t('projects.sort.titleAsc'),
    '-title': t('projects.sort.titleDesc'),
    '-cost': t('projects.sort.costDesc'),
    cost: t('projects.sort.costAsc'),
    '-createdAt': t('projects.sort.createdDesc'),
    createdAt: t('projects.sort.createdAsc'),
    '-approvedCost': t('approvals.sort.approvedCostDesc'),
    approvedCost: t('approvals.sort.approvedCostAsc'),
    '-approvedAt': t('approvals.sort.approvedAtDesc'),
    approvedAt: t('approvals.sort.approvedAtAsc'),
  };

  // Enter applies what was typed at once instead of after the pause.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    q.flush();
    minCost.flush();
    maxCost.flush();
    minApprovedCost.flush();
    maxApprovedCost.flush();
  };

  return (
    <form role="search" aria-label={t('projects.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          className="field"
          type="search"
          label={t('projects.filters.search')}
          value={q.text}
          onChange={(e) => q.change(e.currentTarget.value)}
          maxLength={100}
          style={{ flex: '1 1 240px' }}
        />
        <NativeSelect
          className="field"
          label={t('projects.sort.label')}
          value={search.sort}
          onChange={(e) => update({ sort: e.currentTarget.value })}
          data={SORTS.map((s) => ({ value: s, label: sortLabels[s] }))}
          style={{ flex: '0 1 220px' }}
        />
        <Box className="field" hiddenFrom="sm">
          <Button variant="default" onClick={toggle} aria-expanded={opened} aria-controls="project-filters">
            {search.active ? t('projects.filters.toggleCount', { count: search.active }) : t('projects.filters.toggle')}
          </Button>
        </Box>
      </Group>
      {/* On phones the other filters fold away behind the button above; wider screens always show them. */}
      <Box id="project-filters" display={{ base: opened ? 'block' : 'none', sm: 'block' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing={0}>
          <NativeSelect
            className="field"
            label={t('projects.filters.stage')}
            {...select('stage')}
            data={[all, ...KIND_ORDER.map((k) => ({ value: k, label: labels.kind(k) }))]}
          />
          <NativeSelect
            className="field"
            label={t('projects.filters.state')}
            {...select('state')}
            data={[all, ...states]}
          />
          <NativeSelect
            className="field"
            label={t('projects.filters.district')}
            {...select('district')}
            data={[all, ...districts]}
          />
          <NativeSelect
            className="field"
            label={t('projects.filters.sector')}
            {...select('sector')}
            data={[all, ...sectors]}
          />
          <NativeSelect
            className="field"
            label={t('projects.filters.forum')}
            {...select('forum')}
            data={[all, ...forums]}
          />
          <TextInput
            className="field"
            label={t('projects.filters.minCost')}
            inputMode="decimal"
            dir="ltr"
            value={minCost.text}
            onChange={(e) => minCost.change(e.currentTarget.value)}
            error={minCost.isValid ? undefined : t('projects.filters.amountInvalid')}
          />
          <TextInput
            className="field"
            label={t('projects.filters.maxCost')}
            inputMode="decimal"
            dir="ltr"
            value={maxCost.text}
            onChange={(e) => maxCost.change(e.currentTarget.value)}
            error={maxCost.isValid ? undefined : t('projects.filters.amountInvalid')}
          />
          <NativeSelect
            className="field"
            label={t('approvals.filters.approvedForum')}
            {...select('approvedForum')}
            data={[all, ...forums]}
          />
          <TextInput
            className="field"
            label={t('approvals.filters.minApprovedCost')}
            inputMode="decimal"
            dir="ltr"
            value={minApprovedCost.text}
            onChange={(e) => minApprovedCost.change(e.currentTarget.value)}
            error={minApprovedCost.isValid ? undefined : t('projects.filters.amountInvalid')}
          />
          <TextInput
            className="field"
            label={t('approvals.filters.maxApprovedCost')}
            inputMode="decimal"
            dir="ltr"
            value={maxApprovedCost.text}
            onChange={(e) => maxApprovedCost.change(e.currentTarget.value)}
            error={maxApprovedCost.isValid ? undefined : t('projects.filters.amountInvalid')}
          />
          <Box className="field" style={{ alignSelf: 'end' }}>
            <Button variant="subtle" onClick={clear} disabled={!search.active}>
              {t('projects.filters.clear')}
            </Button>
          </Box>
        </SimpleGrid>
      </Box>
      {/* Lets Enter submit the form (and so apply the typed filters) in every browser. */}
      <button type="submit" hidden />
    </form>
  );
}
