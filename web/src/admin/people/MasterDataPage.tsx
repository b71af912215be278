import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { MasterItem } from '../../api/types';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { ActiveBadge, RowAction } from './shared';

/*
 * /admin/master-data — the province's lists that forms draw their options from (districts,
 * tehsils, sectors, sub-sectors, funding sources, forums): add, rename in English and Urdu, put a
 * tehsil under its district or a sub-sector under its sector, deactivate. Forms pick the change
 * up when a version is next published (PUT /api/master-data/:list/:code).
 */

/** Lists whose items hang under another list's item (as the server's master-data module has it). */
const PARENT_LIST: Record<string, string> = { tehsils: 'districts', 'sub-sectors': 'sectors' };

/** A list's items, deactivated ones too (the administrator sees them all). */
const useItems = (list: string | undefined) =>
  useQuery({
    queryKey: ['master-data', list ?? '-', 'all'],
    queryFn: () => api.get<MasterItem[]>(`/api/master-data/${list}`, { query: { includeInactive: true } }),
    enabled: !!list,
  });

export default function MasterDataPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('usersAdmin.master.title')} · ${t('app.name')}`);
  const lists = useQuery({
    queryKey: ['master-data-lists'],
    queryFn: () => api.get<{ lists: string[] }>('/api/master-data'),
  });
  const [list, setList] = useState<string | null>(null);
  return (
    <Stack gap="lg" maw={1100} data-testid="master-data-page">
      <Title order={1}>{t('usersAdmin.master.title')}</Title>
      {session.can('master-data.manage') ? (
        <>
          <Text size="sm" maw={760}>
            {t('usersAdmin.master.intro')}
          </Text>
          <QueryState query={lists}>
            {() => {
              const current = list ?? lists.data!.lists[0];
              return (
                <Tabs value={current} onChange={setList} keepMounted={false}>
                  <Tabs.List>
                    {lists.data!.lists.map((l) => (
                      <Tabs.Tab key={l} value={l} data-list={l}>
                        {t(`usersAdmin.list.${l}`)}
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                  {lists.data!.lists.map((l) => (
                    <Tabs.Panel key={l} value={l} pt="md">
                      <ListItems list={l} />
                    </Tabs.Panel>
                  ))}
                </Tabs>
              );
            }}
          </QueryState>
        </>
      ) : (
        <Alert color="gray" role="alert">
          {t('usersAdmin.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function ListItems({ list }: { list: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const items = useItems(list);
  const parentList = PARENT_LIST[list];
  const parents = useItems(parentList);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<MasterItem | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['master-data'] });
  const toggle = useMutation({
    mutationFn: (i: MasterItem) =>
      api.put<MasterItem>(`/api/master-data/${list}/${i.code}`, {
        nameEn: i.nameEn,
        nameUr: i.nameUr,
        active: !i.active,
      }),
    onSuccess: () => void refresh(),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const nameOf = (i: MasterItem | undefined) => (i ? (locale === 'ur' ? i.nameUr || i.nameEn : i.nameEn) : '');
  const parentName = (code: string | null) => (code ? nameOf(parents.data?.find((p) => p.code === code)) || code : '');
  const needle = search.trim().toLowerCase();
  const matches = (i: MasterItem) => `${i.code} ${i.nameEn} ${i.nameUr}`.toLowerCase().includes(needle);
  const shown = (items.data ?? []).filter((i) => !needle || matches(i));
  return (
    <Stack gap="sm" data-testid={`master-list-${list}`}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('usersAdmin.master.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '0 1 320px' }}
        />
        <Button onClick={() => setEditing('new')} data-testid="master-add">
          {t('usersAdmin.master.add')}
        </Button>
      </Group>
      <QueryState query={items}>
        {() => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usersAdmin.field.code')}</Table.Th>
                  <Table.Th>{t('usersAdmin.field.nameEn')}</Table.Th>
                  <Table.Th>{t('usersAdmin.field.nameUr')}</Table.Th>
                  {parentList ? <Table.Th>{t(`usersAdmin.parent.${list}`)}</Table.Th> : null}
                  <Table.Th>{t('usersAdmin.field.status')}</Table.Th>
                  <Table.Th>{t('usersAdmin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((i) => (
                  <Table.Tr key={i.code} data-code={i.code}>
                    <Table.Td>
                      <Ltr>{i.code}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <bdi lang="en">{i.nameEn}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi lang="ur" dir="rtl">
                        {i.nameUr}
                      </bdi>
                    </Table.Td>
                    {parentList ? <Table.Td>{parentName(i.parentCode)}</Table.Td> : null}
                    <Table.Td>
                      <ActiveBadge active={i.active} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <RowAction
                          label={t('usersAdmin.edit.open')}
                          onClick={() => setEditing(i)}
                          testId="master-edit"
                        />
                        <RowAction
                          label={i.active ? t('usersAdmin.deactivate') : t('usersAdmin.reactivate')}
                          color={i.active ? 'red' : undefined}
                          onClick={() => toggle.mutate(i)}
                          testId="master-toggle"
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing ? (
        <ItemDialog
          list={list}
          item={editing === 'new' ? null : editing}
          parents={parentList ? (parents.data ?? []) : null}
          nameOf={nameOf}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
    </Stack>
  );
}

function ItemDialog({
  list,
  item,
  parents,
  nameOf,
  onClose,
  onSaved,
}: {
  list: string;
  item: MasterItem | null;
  parents: MasterItem[] | null;
  nameOf: (i: MasterItem) => string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [code, setCode] = useState(item?.code ?? '');
  const [nameEn, setNameEn] = useState(item?.nameEn ?? '');
  const [nameUr, setNameUr] = useState(item?.nameUr ?? '');
  const [parentCode, setParentCode] = useState<string | null>(item?.parentCode ?? null);
  const [sortOrder, setSortOrder] = useState<number | string>(item?.sortOrder ?? 0);
  const [active, setActive] = useState(item?.active ?? true);
  const save = useMutation({
    mutationFn: () =>
      api.put<MasterItem>(`/api/master-data/${list}/${encodeURIComponent(code.trim())}`, {
        nameEn: nameEn.trim(),
        nameUr: nameUr.trim(),
        active,
        ...(parents && parentCode ? { parentCode } : {}),
        ...(typeof sortOrder === 'number' ? { sortOrder } : {}),
      }),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t('usersAdmin.master.saved', { code: saved.code }) });
      onSaved();
    },
  });
  const field = (f: string) => (save.error instanceof ApiError ? save.error.fields[f]?.join(' ') : undefined);
  const general = save.error && !(save.error instanceof ApiError && Object.keys(save.error.fields).length);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = item
    ? t('usersAdmin.master.editTitle', { code: item.code })
    : t('usersAdmin.master.addTo', { list: t(`usersAdmin.list.${list}`) });
  const parentChoices = (parents ?? [])
    .filter((p) => p.active || p.code === parentCode)
    .map((p) => ({ value: p.code, label: nameOf(p) }));
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('usersAdmin.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('usersAdmin.field.code')}
            description={t('usersAdmin.master.codeHelp')}
            required
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toLowerCase())}
            disabled={!!item}
            data-testid="master-code"
          />
          <TextInput
            label={t('usersAdmin.field.nameEn')}
            required
            lang="en"
            value={nameEn}
            onChange={(e) => setNameEn(e.currentTarget.value)}
            error={field('nameEn')}
            data-testid="master-name-en"
          />
          <TextInput
            label={t('usersAdmin.field.nameUr')}
            required
            lang="ur"
            dir="rtl"
            value={nameUr}
            onChange={(e) => setNameUr(e.currentTarget.value)}
            error={field('nameUr')}
            data-testid="master-name-ur"
          />
          {parents ? (
            <Select
              label={t(`usersAdmin.parent.${list}`)}
              required
              searchable
              value={parentCode}
              onChange={setParentCode}
              data={parentChoices}
              error={field('parentCode')}
              data-testid="master-parent"
            />
          ) : null}
          <NumberInput
            label={t('usersAdmin.field.sortOrder')}
            description={t('usersAdmin.master.sortHelp')}
            min={0}
            max={100000}
            allowDecimal={false}
            value={sortOrder}
            onChange={setSortOrder}
            error={field('sortOrder')}
          />
          <Switch
            label={t('usersAdmin.field.active')}
            description={t('usersAdmin.master.activeHelp')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          {general ? (
            <Text c="red" size="sm" role="alert">
              {errorText(save.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('usersAdmin.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="master-save">
              {t('usersAdmin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
