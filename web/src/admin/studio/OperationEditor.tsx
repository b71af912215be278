import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useMemo, useState } from 'react';
import type { FieldDefinition, FormDefinition } from '../../../../src/forms/definition';
import { useI18n } from '../../i18n/i18n';
import type { OverlayOperation } from './api';
import { AT_END, buildOperation, EMPTY, newFieldConstraints, Values } from './draft-operation';
import { ConstraintInputs, DefaultInput, OptionsInput } from './OperationFields';
import {
  CONSTRAINTS_BY_TYPE,
  fitsOperation,
  idFromLabel,
  NEW_FIELD_TYPES,
  OPERATION_KINDS,
  OperationKind,
  targetsOf,
} from './operations';

/*
 * Composes one overlay operation with ordinary inputs: what to do, to which item (or where to
 * add), and its values in both languages. Whether it may apply is the server's answer, shown
 * next to it in the list of changes.
 */

const VALUE_PROBLEMS = ['constraints', 'options', 'value'];

interface Props {
  definition: FormDefinition;
  onAdd(op: OverlayOperation): void;
}

export function OperationEditor({ definition, onAdd }: Props) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<OperationKind>('addField');
  const [v, setValues] = useState<Values>(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const set = (patch: Partial<Values>) => setValues((old) => ({ ...old, ...patch }));
  const name = (label: FieldDefinition['label']) => label[locale] || label.en;
  const targets = useMemo(() => targetsOf(definition), [definition]);
  const locked = ` (${t('studio.form.locked')})`;
  // Grouped by section: a section and its first field often share a label ("1. Name of the project").
  const targetData = definition.sections
    .map((s) => ({
      group: `${s.number}. ${name(s.label)}`,
      items: targets
        .filter((i) => i.address.split('.')[0] === s.id && fitsOperation(kind, i))
        .map((i) => ({
          value: i.address,
          label:
            (i.kind === 'section' ? t('studio.form.wholeSection') : name(i.label)) + (i.field?.locked ? locked : ''),
        })),
    }))
    .filter((g) => g.items.length);
  const target = targets.find((i) => i.address === v.target);
  const sectionData = definition.sections.map((s) => ({ value: s.id, label: `${s.number}. ${name(s.label)}` }));
  const section = definition.sections.find((s) => s.id === v.section);
  const afterData = (items: { id: string; label: FieldDefinition['label']; number?: string }[]) => [
    { value: AT_END, label: t('studio.form.atEnd') },
    ...items.map((i) => ({
      value: i.id,
      label: t('studio.form.afterItem', { item: `${i.number ? `${i.number}. ` : ''}${name(i.label)}` }),
    })),
  ];
  const labels = kind === 'addField' || kind === 'addSection' || kind === 'relabel';
  const choice = (kind === 'addField' && (v.type === 'select' || v.type === 'multiselect')) || kind === 'setOptions';
  const valueProblem = missing.find((m) => VALUE_PROBLEMS.includes(m));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { op, missing: gaps } = buildOperation(kind, v, target?.field);
    setMissing(gaps);
    if (!op) return;
    onAdd(v.note.trim() ? { ...op, note: v.note.trim() } : op);
    setValues({ ...EMPTY, section: v.section, constraints: kind === 'addField' ? EMPTY.constraints : {} });
  };
  const error = (field: string) => (missing.includes(field) ? t('studio.form.fill') : undefined);
  const text = (field: 'id' | 'number' | 'labelEn' | 'labelUr' | 'helpEn' | 'helpUr') => ({
    value: v[field],
    error: error(field),
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
  });
  const idInput = (
    <TextInput
      label={t('studio.form.id')}
      description={t('studio.form.idHelp')}
      dir="ltr"
      {...text('id')}
      onChange={(e) => set({ id: e.currentTarget.value, idEdited: true })}
    />
  );
  const position = (items: Parameters<typeof afterData>[0]) => (
    <NativeSelect
      label={t('studio.form.position')}
      value={v.after}
      onChange={(e) => set({ after: e.currentTarget.value })}
      data={afterData(items)}
    />
  );

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-labelledby="studio-editor-title"
      data-testid="studio-editor"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="studio-editor-title">
          {t('studio.editor.title')}
        </Title>
        <NativeSelect
          label={t('studio.form.kind')}
          value={kind}
          onChange={(e) => {
            const next = e.currentTarget.value as OperationKind;
            setKind(next);
            setMissing([]);
            const constraints = next === 'addField' ? newFieldConstraints(v.type) : {};
            set({ target: null, constraints, value: undefined });
          }}
          data={OPERATION_KINDS.map((k) => ({ value: k, label: t(`studio.op.${k}`) }))}
        />
        {kind === 'addField' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('studio.form.section')}
              data={sectionData}
              value={v.section}
              onChange={(s) => set({ section: s, after: AT_END })}
              searchable
              error={error('section')}
            />
            {position(section?.fields ?? [])}
            <NativeSelect
              label={t('studio.form.type')}
              value={v.type}
              onChange={(e) => {
                const type = e.currentTarget.value as Values['type'];
                set({ type, constraints: newFieldConstraints(type) });
              }}
              data={NEW_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`studio.type.${ty}`) }))}
            />
            {idInput}
          </SimpleGrid>
        ) : null}
        {kind === 'addSection' ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {position(definition.sections)}
            <TextInput label={t('studio.form.number')} dir="ltr" {...text('number')} />
            {idInput}
          </SimpleGrid>
        ) : null}
        {kind !== 'addField' && kind !== 'addSection' ? (
          <Select
            label={t('studio.form.target')}
            data={targetData}
            value={v.target}
            onChange={(s) => set({ target: s, value: undefined, constraints: {} })}
            searchable
            limit={200}
            error={error('target')}
          />
        ) : null}
        {labels ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('studio.form.labelEn')}
              lang="en"
              dir="ltr"
              {...text('labelEn')}
              onChange={(e) => {
                const label = e.currentTarget.value;
                // The data key follows the English label until it is edited by hand.
                set({ labelEn: label, ...(v.idEdited || kind === 'relabel' ? {} : { id: idFromLabel(label) }) });
              }}
            />
            <TextInput label={t('studio.form.labelUr')} lang="ur" dir="rtl" {...text('labelUr')} />
            <Textarea label={t('studio.form.helpEn')} lang="en" dir="ltr" autosize minRows={1} {...text('helpEn')} />
            <Textarea label={t('studio.form.helpUr')} lang="ur" dir="rtl" autosize minRows={1} {...text('helpUr')} />
          </SimpleGrid>
        ) : null}
        {kind === 'addField' ? (
          <Checkbox
            label={t('studio.form.required')}
            checked={v.required}
            onChange={(e) => set({ required: e.currentTarget.checked })}
          />
        ) : null}
        {choice ? <OptionsInput value={v.options} onChange={(options) => set({ options })} /> : null}
        {kind === 'addField' && CONSTRAINTS_BY_TYPE[v.type] ? (
          <ConstraintInputs
            field={{ id: v.id, type: v.type, label: { en: v.labelEn, ur: v.labelUr } }}
            value={v.constraints}
            onChange={(constraints) => set({ constraints })}
          />
        ) : null}
        {kind === 'constrain' && target?.field ? (
          <ConstraintInputs
            field={target.field}
            value={v.constraints}
            onChange={(constraints) => set({ constraints })}
          />
        ) : null}
        {kind === 'setDefault' && target?.field ? (
          <DefaultInput field={target.field} value={v.value} onChange={(value) => set({ value })} />
        ) : null}
        <TextInput
          label={t('studio.form.note')}
          description={t('studio.form.noteHelp')}
          value={v.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
        />
        {valueProblem ? (
          <Alert color="red" role="alert">
            {t(`studio.form.missing.${valueProblem}`)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" data-testid="studio-add-operation">
            {t('studio.form.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
