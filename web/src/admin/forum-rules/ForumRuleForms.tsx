import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useMasterList } from '../../api/queries';
import { Ltr } from '../../components/Ltr';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import {
  addRule,
  dayBefore,
  endRule,
  FORM_KINDS,
  ForumRule,
  RULES_KEY,
  TieConflict,
  today,
  useForumName,
} from './forum-rules-api';

/* Adding a rule, ending one, and the words for a tie refusal (409) with the way out it suggests. */

/** As the API's DTO checks them (src/routing/dto.ts). */
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$/;
const PERCENT = /^(0|[1-9][0-9]{0,5})(\.[0-9]{1,3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PRIORITY = { min: 0, max: 100, band: 20 } as const;
const SOURCE_MAX = 2000;

const conflictsOf = (error: unknown): TieConflict[] | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const conflicts = (error.body as { conflicts?: TieConflict[] } | null)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : null;
};

/**
 * Why a rule was refused, in words: at one priority, two rules that could both match the same
 * project on the same day but name different forums would leave the choice to a tie-break.
 * Offers to end each clashing rule the day before the new one starts.
 */
export function TieExplanation({
  conflicts,
  priority,
  startsOn,
  canEdit,
}: {
  conflicts: TieConflict[];
  priority: number;
  /** The new rule's first day: the clashing rules can end the day before. */
  startsOn: string | null;
  canEdit: boolean;
}) {
  const { t, formatDate } = useI18n();
  const forumName = useForumName();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  // Ending the other rule the day before is offered when that day falls within its period.
  const endable = (c: TieConflict) =>
    startsOn !== null && startsOn > c.effectiveFrom && (c.effectiveTo === null || c.effectiveTo >= startsOn);
  const end = useMutation({
    mutationFn: (c: TieConflict) => endRule(c.id, dayBefore(startsOn!)),
    onSuccess: async (rule) => {
      const message = t('forumRulesAdmin.ended', { code: rule.code, date: formatDate(rule.effectiveTo) });
      notifications.show({ color: 'green', message });
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
    },
  });
  return (
    <Alert color="red" role="alert" title={t('forumRulesAdmin.tie.title')} data-testid="tie-explanation">
      <Stack gap="xs">
        <Text size="sm">{t('forumRulesAdmin.tie.explain', { priority })}</Text>
        <List size="sm">
          {conflicts.map((c) => (
            <List.Item key={c.id}>
              <Group gap="xs" wrap="wrap">
                <span>
                  <Ltr>{c.code}</Ltr> — {forumName(c.forum)} (
                  {t('forumRulesAdmin.fromTo', {
                    from: formatDate(c.effectiveFrom),
                    to: c.effectiveTo ? formatDate(c.effectiveTo) : t('forumRulesAdmin.open'),
                  })}
                  )
                </span>
                {canEdit && endable(c) ? (
                  <Button size="compact-xs" variant="light" loading={end.isPending} onClick={() => end.mutate(c)}>
                    {t('forumRulesAdmin.tie.endOther', { code: c.code, date: formatDate(dayBefore(startsOn!)) })}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('forumRulesAdmin.tie.wayOut')}</Text>
        {end.error ? (
          <Text size="sm" c="red">
            {errorText(end.error)}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

interface Draft {
  code: string;
  level: 'provincial' | 'federal';
  forum: string | null;
  minCost: string;
  maxCost: string;
  formKinds: string[];
  foreignFunding: 'any' | 'yes' | 'no';
  whollyProvincial: 'any' | 'yes' | 'no';
  maxIncreasePct: string;
  effectiveFrom: string;
  effectiveTo: string;
  priority: number | string;
  source: string;
  verify: boolean;
}

const empty = (): Draft => ({
  code: '',
  level: 'provincial',
  forum: null,
  minCost: '',
  maxCost: '',
  formKinds: [],
  foreignFunding: 'any',
  whollyProvincial: 'any',
  maxIncreasePct: '',
  effectiveFrom: today(),
  effectiveTo: '',
  priority: PRIORITY.band,
  source: '',
  verify: false,
});

const triState = (v: 'any' | 'yes' | 'no') => (v === 'any' ? undefined : v === 'yes');

/** Field → message key, in the chosen language (the API checks the same again). */
function problemsOf(d: Draft): Partial<Record<keyof Draft, string>> {
  const p: Partial<Record<keyof Draft, string>> = {};
  if (!CODE.test(d.code) || d.code.length > 80) p.code = 'forumRulesAdmin.err.code';
  if (!d.forum) p.forum = 'forumRulesAdmin.err.forum';
  if (d.minCost && !AMOUNT.test(d.minCost)) p.minCost = 'forumRulesAdmin.err.amount';
  if (d.maxCost && !AMOUNT.test(d.maxCost)) p.maxCost = 'forumRulesAdmin.err.amount';
  if (!p.minCost && !p.maxCost && d.minCost && d.maxCost && Number(d.maxCost) <= Number(d.minCost)) {
    p.maxCost = 'forumRulesAdmin.err.maxAboveMin';
  }
  if (d.maxIncreasePct && !PERCENT.test(d.maxIncreasePct)) p.maxIncreasePct = 'forumRulesAdmin.err.percent';
  if (!DATE.test(d.effectiveFrom)) p.effectiveFrom = 'forumRulesAdmin.err.date';
  if (d.effectiveTo && !DATE.test(d.effectiveTo)) p.effectiveTo = 'forumRulesAdmin.err.date';
  else if (d.effectiveTo && d.effectiveTo < d.effectiveFrom) p.effectiveTo = 'forumRulesAdmin.err.toBeforeFrom';
  const priority = Number(d.priority);
  if (d.priority === '' || !Number.isInteger(priority) || priority < PRIORITY.min || priority > PRIORITY.max) {
    p.priority = 'forumRulesAdmin.err.priority';
  }
  if (!d.source.trim() || d.source.length > SOURCE_MAX || /[\u0000-\u001f\u007f<>]/.test(d.source)) {
    p.source = 'forumRulesAdmin.err.source';
  }
  return p;
}

export function AddRuleModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: (rule: ForumRule) => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const forums = useMasterList('approval-forums').data ?? [];
  const [draft, setDraft] = useState<Draft>(empty);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problems = problemsOf(draft);
  const add = useMutation({
    mutationFn: () =>
      addRule({
        code: draft.code,
        level: draft.level,
        forum: draft.forum,
        minCost: draft.minCost || undefined,
        maxCost: draft.maxCost || undefined,
        formKinds: draft.formKinds.length ? draft.formKinds : undefined,
        foreignFunding: triState(draft.foreignFunding),
        whollyProvincial: triState(draft.whollyProvincial),
        maxIncreasePct: draft.maxIncreasePct || undefined,
        effectiveFrom: draft.effectiveFrom,
        effectiveTo: draft.effectiveTo || undefined,
        priority: Number(draft.priority),
        source: draft.source.trim(),
        verify: draft.verify,
      }),
    onSuccess: async (rule) => {
      notifications.show({ color: 'green', message: t('forumRulesAdmin.added', { code: rule.code }) });
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      close();
      onAdded(rule);
    },
  });
  const close = () => {
    setDraft(empty());
    setTried(false);
    add.reset();
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (Object.keys(problems).length === 0) add.mutate();
  };
  const error = (key: keyof Draft) => {
    const local = tried ? problems[key] : undefined;
    if (local) return t(local);
    const server = add.error instanceof ApiError ? add.error.fields[key] : undefined;
    return server?.join(' ');
  };
  const conflicts = conflictsOf(add.error);
  const fieldErrors = add.error instanceof ApiError ? Object.keys(add.error.fields).length > 0 : false;
  const triData = [
    { value: 'any', label: t('forumRulesAdmin.cond.either') },
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  return (
    <Modal opened={opened} onClose={close} title={t('forumRulesAdmin.addTitle')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('forumRulesAdmin.addIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('forumRulesAdmin.field.code')}
            description={t('forumRulesAdmin.field.codeHelp')}
            dir="ltr"
            required
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value.trim())}
            error={error('code')}
          />
          <Select
            label={t('forumRulesAdmin.field.forum')}
            required
            value={draft.forum}
            onChange={(v) => set('forum', v)}
            error={error('forum')}
            data={forums.map((f) => ({
              value: f.code,
              label: `${locale === 'ur' ? f.nameUr || f.nameEn : f.nameEn} (${f.code})`,
            }))}
          />
          <TextInput
            label={t('forumRulesAdmin.field.minCost')}
            description={t('forumRulesAdmin.field.minCostHelp')}
            dir="ltr"
            inputMode="decimal"
            value={draft.minCost}
            onChange={(e) => set('minCost', e.currentTarget.value.trim())}
            error={error('minCost')}
          />
          <TextInput
            label={t('forumRulesAdmin.field.maxCost')}
            description={t('forumRulesAdmin.field.maxCostHelp')}
            dir="ltr"
            inputMode="decimal"
            value={draft.maxCost}
            onChange={(e) => set('maxCost', e.currentTarget.value.trim())}
            error={error('maxCost')}
          />
          <TextInput
            label={t('forumRulesAdmin.field.effectiveFrom')}
            type="date"
            required
            dir="ltr"
            value={draft.effectiveFrom}
            onChange={(e) => set('effectiveFrom', e.currentTarget.value)}
            error={error('effectiveFrom')}
          />
          <TextInput
            label={t('forumRulesAdmin.field.effectiveTo')}
            description={t('forumRulesAdmin.field.effectiveToHelp')}
            type="date"
            dir="ltr"
            value={draft.effectiveTo}
            onChange={(e) => set('effectiveTo', e.currentTarget.value)}
            error={error('effectiveTo')}
          />
          <NumberInput
            label={t('forumRulesAdmin.field.priority')}
            description={t('forumRulesAdmin.field.priorityHelp')}
            required
            min={PRIORITY.min}
            max={PRIORITY.max}
            allowDecimal={false}
            value={draft.priority}
            onChange={(v) => set('priority', v)}
            error={error('priority')}
          />
          <Select
            label={t('forumRulesAdmin.field.level')}
            description={t('forumRulesAdmin.field.levelHelp')}
            allowDeselect={false}
            value={draft.level}
            onChange={(v) => set('level', (v ?? 'provincial') as Draft['level'])}
            data={[
              { value: 'provincial', label: t('forumRulesAdmin.level.provincial') },
              { value: 'federal', label: t('forumRulesAdmin.level.federal') },
            ]}
          />
          <MultiSelect
            label={t('forumRulesAdmin.field.formKinds')}
            description={t('forumRulesAdmin.field.formKindsHelp')}
            value={draft.formKinds}
            onChange={(v) => set('formKinds', v)}
            data={FORM_KINDS.map((k) => ({ value: k, label: t(`forumRulesAdmin.form.${k}`) }))}
          />
          <TextInput
            label={t('forumRulesAdmin.field.maxIncreasePct')}
            description={t('forumRulesAdmin.field.maxIncreasePctHelp')}
            dir="ltr"
            inputMode="decimal"
            value={draft.maxIncreasePct}
            onChange={(e) => set('maxIncreasePct', e.currentTarget.value.trim())}
            error={error('maxIncreasePct')}
          />
          <Select
            label={t('forumRulesAdmin.field.foreignFunding')}
            allowDeselect={false}
            data={triData}
            value={draft.foreignFunding}
            onChange={(v) => set('foreignFunding', (v ?? 'any') as Draft['foreignFunding'])}
          />
          <Select
            label={t('forumRulesAdmin.field.whollyProvincial')}
            allowDeselect={false}
            data={triData}
            value={draft.whollyProvincial}
            onChange={(v) => set('whollyProvincial', (v ?? 'any') as Draft['whollyProvincial'])}
          />
        </SimpleGrid>
        <Textarea
          label={t('forumRulesAdmin.field.source')}
          description={t('forumRulesAdmin.field.sourceHelp')}
          required
          autosize
          minRows={2}
          maxLength={SOURCE_MAX}
          value={draft.source}
          onChange={(e) => set('source', e.currentTarget.value)}
          error={error('source')}
        />
        <Checkbox
          label={t('forumRulesAdmin.field.verify')}
          checked={draft.verify}
          onChange={(e) => set('verify', e.currentTarget.checked)}
        />
        {conflicts ? (
          <TieExplanation
            conflicts={conflicts}
            priority={Number(draft.priority)}
            startsOn={draft.effectiveFrom}
            canEdit
          />
        ) : add.error && !fieldErrors ? (
          <Alert color="red" role="alert">
            {errorText(add.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={add.isPending}>
            {t('forumRulesAdmin.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EndRuleModal({ rule, onClose }: { rule: ForumRule; onClose: () => void }) {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(rule.effectiveTo ?? today());
  const [tried, setTried] = useState(false);
  const local = !DATE.test(date)
    ? 'forumRulesAdmin.err.date'
    : date < rule.effectiveFrom
      ? 'forumRulesAdmin.err.endBeforeStart'
      : null;
  const end = useMutation({
    mutationFn: () => endRule(rule.id, date),
    onSuccess: async (ended) => {
      const message = t('forumRulesAdmin.ended', { code: ended.code, date: formatDate(ended.effectiveTo) });
      notifications.show({ color: 'green', message });
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      onClose();
    },
  });
  const conflicts = conflictsOf(end.error);
  return (
    <Modal opened onClose={onClose} title={t('forumRulesAdmin.endTitle', { code: rule.code })}>
      <Stack gap="sm">
        <Text size="sm">{t('forumRulesAdmin.endIntro')}</Text>
        <TextInput
          label={t('forumRulesAdmin.field.lastDay')}
          type="date"
          dir="ltr"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={tried && local ? t(local, { from: formatDate(rule.effectiveFrom) }) : undefined}
        />
        {conflicts ? (
          <TieExplanation conflicts={conflicts} priority={rule.priority} startsOn={null} canEdit={false} />
        ) : end.error ? (
          <Alert color="red" role="alert">
            {errorText(end.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={end.isPending}
            onClick={() => {
              setTried(true);
              if (!local) end.mutate();
            }}
          >
            {t('forumRulesAdmin.end')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
