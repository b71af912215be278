import { Alert, Group, Paper, Stack } from '@mantine/core';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { FormDefinition } from '../../../src/forms/definition';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ActionsPanel } from './ActionsPanel';
import { ATTACHMENTS_ANCHOR, AttachmentsPanel } from './AttachmentsPanel';
import { ConflictModal } from './ConflictModal';
import { DocumentHeader, SaveBar } from './DocumentHeader';
import { ReadOnlyNote, RoutingNote } from './DocumentNotes';
import { groupBySection, sectionErrors, sectionOf } from './errors';
import { fieldIndex } from './labels';
import { LeaveGuard } from './LeaveGuard';
import { validatorFor } from './live-check';
import { useProgressiveCount } from './useProgressiveCount';
import { share } from './pointer';
import { markRecomputed } from './perf';
import { ErrorSummary, SubmitProblems } from './ProblemList';
import { PendingSection, SectionBlock } from './SectionBlock';
import { SectionNav } from './SectionNav';
import { HISTORY_ANCHOR, LastStepNote, TransitionsTimeline } from './TransitionsTimeline';
import type { DocumentDetail, FormError, FormVersionView } from './types';
import { useDocumentActions } from './useDocumentActions';
import { useDocumentDraft } from './useDocumentDraft';
import { useShownWarnings, WarningsPanel } from './WarningsPanel';
import { useDecisionContext } from '../approvals/useDecisionContext';

/*
 * A document of any form of the catalogue, in edit mode (a preparer on an editable state) or read
 * mode (everyone else: values as text, no inputs, no save). The form is drawn from the version's
 * UI schema; the server's FormValidator runs here on every change (live-check.ts).
 */
export function DocumentEditor({ doc, version }: { doc: DocumentDetail; version: FormVersionView }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const editing = doc.editable && session.can('projects.prepare');
  const validator = useMemo(() => (editing ? validatorFor(version) : null), [editing, version]);
  const draft = useDocumentDraft({ doc, version, validator, editable: editing, locale });
  const { state, errors } = draft;
  const sections = version.ui.sections;
  const progressive = useProgressiveCount(sections.length);
  // A refetched document (after each save) keeps the same lists when they did not change, so the
  // memoised sections and panels that show them are not all drawn again.
  const listsRef = useRef({ attachments: doc.attachments, actions: doc.actions });
  listsRef.current = share(listsRef.current, { attachments: doc.attachments, actions: doc.actions });
  const { attachments, actions } = listsRef.current;

  // Errors per section; unchanged groups keep their identity so their sections stay memoised.
  const groupsRef = useRef<Map<string, FormError[]>>(undefined);
  const groups = useMemo(() => (groupsRef.current = groupBySection(errors, groupsRef.current)), [errors]);
  const hidden = useMemo(() => joinBySection(state.conditions.hidden), [state.conditions.hidden]);
  const required = useMemo(() => joinBySection(state.conditions.required), [state.conditions.required]);
  const rowLimits = useMemo(() => tableRowLimits(version.definition), [version.definition]);
  const fields = useMemo(() => fieldIndex(version), [version]);

  // The recompute of one keystroke is committed: close the measure the cell input opened.
  useLayoutEffect(() => markRecomputed(), [state.data]);

  // Warnings of the data on screen while editing with live checks, else the saved document's.
  const warnings = useShownWarnings(draft.live ? state.liveWarnings : null, doc.warnings);
  const { busy, problem, onAct, closeProblem } = useDocumentActions(doc.id, editing, draft);
  // Before the forum, its decisions ask for their facts (date, meeting, approved cost …).
  const decision = useDecisionContext(doc.id, doc.state, doc.totalCost, attachments);
  const problemGroups = useMemo(() => groupBySection(problem?.errors ?? []), [problem]);
  const { save } = draft;
  const onSave = useCallback(() => void save(), [save]);
  // The navigator lists the attachments before the sections and the history after, as on the page.
  const before = useMemo(() => [{ id: ATTACHMENTS_ANCHOR, label: t('editor.attachments') }], [t]);
  const after = useMemo(() => [{ id: HISTORY_ANCHOR, label: t('editor.workflowHistory') }], [t]);

  const goToAttachments = useCallback(() => {
    const target = document.getElementById(ATTACHMENTS_ANCHOR);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  }, []);

  const saveError = state.saveError ? state.saveError.message || t('error.network') : null;

  return (
    <div data-testid="document" data-mode={editing ? 'edit' : 'read'} className="document-editor">
      <Stack gap="sm">
        <DocumentHeader doc={doc} version={version} totalCost={state.totalCost} />
        <Paper withBorder p="xs" radius="md" className="editor-toolbar">
          <Group justify="space-between" gap="sm" wrap="wrap">
            {editing ? (
              <SaveBar status={state.status} error={saveError} onSave={onSave} />
            ) : (
              <ReadOnlyNote editable={doc.editable} />
            )}
            <ActionsPanel actions={actions} busy={busy} onAct={onAct} decision={decision} />
          </Group>
        </Paper>
        {problem ? (
          <SubmitProblems
            problem={problem}
            sections={sections}
            groups={problemGroups}
            onClose={closeProblem}
            onAttach={goToAttachments}
          />
        ) : null}
        {editing && !draft.live ? (
          <Alert color="yellow" role="status" data-testid="live-unavailable">
            {t('editor.liveUnavailable')}
          </Alert>
        ) : null}
        <LastStepNote documentId={doc.id} />
        <RoutingNote doc={doc} revision={state.revision} />
        <div className="editor-grid">
          <aside className="editor-aside">
            <SectionNav sections={sections} groups={groups} before={before} after={after} />
          </aside>
          <div className="editor-main">
            <Stack gap="md">
              {editing ? <ErrorSummary sections={sections} groups={groups} count={errors.length} /> : null}
              <WarningsPanel documentId={doc.id} warnings={warnings} canAnswer={editing} beforeAnswer={save} />
              {/* Before the form: the form's attachment fields choose among these files. */}
              <AttachmentsPanel documentId={doc.id} attachments={attachments} canUpload={editing} />
              {sections.map((s, index) =>
                index >= progressive.count ? (
                  <PendingSection key={s.id} section={s} />
                ) : (
                  <SectionBlock
                    key={s.id}
                    section={s}
                    value={state.data[s.id]}
                    errors={sectionErrors(groups, s.id)}
                    hidden={hidden.get(s.id) ?? ''}
                    required={required.get(s.id) ?? ''}
                    attachments={attachments}
                    rowLimits={rowLimits}
                    editing={editing}
                    onChange={draft.change}
                    onRowOp={draft.rowOp}
                    keysFor={draft.keysFor}
                  />
                ),
              )}
              <TransitionsTimeline documentId={doc.id} />
            </Stack>
          </div>
        </div>
      </Stack>
      {editing ? (
        <>
          <ConflictModal
            conflict={state.conflict}
            version={version}
            fields={fields}
            attachments={attachments}
            onResolve={draft.resolveConflict}
          />
          <LeaveGuard unsaved={state.status !== 'saved'} save={draft.save} />
        </>
      ) : null}
    </div>
  );
}

/** "\n"-joined pointers per section, so sections compare them as strings. */
function joinBySection(pointers: Set<string>): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const p of [...pointers].sort()) {
    const key = sectionOf(p);
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

/** The largest number of rows each table accepts (its maxItems). */
function tableRowLimits(definition: FormDefinition): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of definition.sections)
    for (const f of s.fields)
      if (f.type === 'table' && f.constraints?.maxItems !== undefined)
        out.set(`/${s.id}/${f.id}`, f.constraints.maxItems);
  return out;
}
