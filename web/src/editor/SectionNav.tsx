import { Badge, UnstyledButton } from '@mantine/core';
import { memo, MouseEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { focusPointer, sectionAnchor } from './focus';
import type { FormError, SectionView } from './types';

/*
 * The proforma's sections with their numbers and how many problems each has. A side column on
 * wide screens; on a phone the same list folds under one button (CSS), so there is one set of links.
 */

export interface NavExtra {
  id: string;
  label: string;
}

export const SectionNav = memo(function SectionNav({
  sections,
  groups,
  before,
  after,
}: {
  sections: SectionView[];
  groups: ReadonlyMap<string, FormError[]>;
  before: NavExtra[];
  after: NavExtra[];
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const total = sections.reduce((n, s) => n + (groups.get(s.id)?.length ?? 0), 0);

  const go = (event: MouseEvent<HTMLAnchorElement>, sectionId: string) => {
    event.preventDefault();
    setOpen(false);
    focusPointer(`/${sectionId}`);
  };
  const goTo = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    setOpen(false);
    const target = document.getElementById(id);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.focus({ preventScroll: true });
  };

  return (
    <nav className="section-nav" aria-label={t('editor.sections')}>
      <UnstyledButton
        className="section-nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span>{t('editor.sectionsToggle', { n: sections.length })}</span>
        {total ? (
          <Badge color="red" variant="light" size="sm" tt="none">
            {t('editor.problemCount', { n: total })}
          </Badge>
        ) : null}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </UnstyledButton>
      <ol id={listId} className={open ? 'section-nav-list open' : 'section-nav-list'}>
        {before.map((x) => (
          <NavExtraLink key={x.id} extra={x} onGo={goTo} />
        ))}
        {sections.map((s) => {
          const count = groups.get(s.id)?.length ?? 0;
          return (
            <li key={s.id}>
              <a href={`#${sectionAnchor(s.id)}`} data-section={s.id} onClick={(e) => go(e, s.id)}>
                <span className="section-nav-number">
                  <bdi dir="ltr">{s.number}</bdi>
                </span>
                <span className="section-nav-label">{s.label}</span>
                <span className="section-nav-count" data-errors={count}>
                  {count ? (
                    <>
                      {count}
                      <span className="visually-hidden"> {t('editor.toFix')}</span>
                    </>
                  ) : null}
                </span>
              </a>
            </li>
          );
        })}
        {after.map((x) => (
          <NavExtraLink key={x.id} extra={x} onGo={goTo} />
        ))}
      </ol>
    </nav>
  );
});

/** A link to a part of the page that is not a section of the form (attachments, history). */
function NavExtraLink({
  extra,
  onGo,
}: {
  extra: NavExtra;
  onGo(event: MouseEvent<HTMLAnchorElement>, id: string): void;
}) {
  return (
    <li>
      <a href={`#${extra.id}`} onClick={(e) => onGo(e, extra.id)}>
        <span className="section-nav-number" />
        <span className="section-nav-label">{extra.label}</span>
      </a>
    </li>
  );
}
