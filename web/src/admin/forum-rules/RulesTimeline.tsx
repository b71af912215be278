import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { KeyboardEvent, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ForumRule, today, useForumName, useRuleWords } from './forum-rules-api';

/*
 * The rules on a time line: one row per forum (cheapest forums at the top), time left to right,
 * each rule a bar from its first to its last day (open-ended rules run to the edge) labelled with
 * its cost band. Rules of one forum that overlap in time (different bands or conditions) stack
 * in lanes. Drawn left to right in Urdu too, like a printed chart; the table below is its text.
 */

const WIDTH = 1000;
const LABEL_WIDTH = 200;
const LANE_HEIGHT = 26;
const ROW_PADDING = 6;
const AXIS_HEIGHT = 24;
/** Years shown when not showing all (recent rules are what an administrator works on). */
const RECENT_YEARS = 12;
/** Open-ended rules are drawn this far past today. */
const FUTURE_YEARS = 2;
/** Roughly how wide one character is (Nastaliq runs wider), to shorten or leave out labels that would not fit. */
const CHAR_WIDTH = { en: 6.2, ur: 7.5 } as const;

/** Row labels are bold and larger than bar labels. */
const ROW_LABEL_SCALE = 1.2;

/** A label cut to a width, with an ellipsis (the full text is in the bar's or row's title). */
function fitted(text: string, width: number, charWidth: number): string {
  const room = Math.floor(width / charWidth);
  return text.length <= room ? text : `${text.slice(0, Math.max(room - 1, 1))}…`;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const yearStart = (year: number) => dayNumber(`${year}-01-01`);

/** Special rules (above the province's bands), the province's bands, federal bands. */
export function ruleColour(rule: ForumRule): string {
  if (rule.level === 'federal') return 'var(--mantine-color-gray-5)';
  return rule.priority > 20 ? 'var(--mantine-color-orange-4)' : 'var(--mantine-color-blue-4)';
}

export function RulesTimeline({
  rules,
  selected,
  highlighted,
  onSelect,
}: {
  rules: ForumRule[];
  selected: string | null;
  /** The rule the simulator found. */
  highlighted: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, formatDate, locale } = useI18n();
  const charWidth = CHAR_WIDTH[locale];
  const forumName = useForumName();
  const { band, conditions } = useRuleWords();
  const [span, setSpan] = useState<'recent' | 'all'>('recent');
  const now = today();
  const endYear = Number(now.slice(0, 4)) + FUTURE_YEARS;
  const firstYear = useMemo(() => {
    const recent = endYear - RECENT_YEARS;
    return span === 'all' ? Math.min(...rules.map((r) => Number(r.effectiveFrom.slice(0, 4))), recent) : recent;
  }, [rules, span, endYear]);
  const from = yearStart(firstYear);
  const to = yearStart(endYear + 1);
  const x = (day: number) =>
    LABEL_WIDTH + ((Math.min(Math.max(day, from), to) - from) / (to - from)) * (WIDTH - LABEL_WIDTH);

  const rows = useMemo(() => {
    const visible = rules.filter(
      (r) => (r.effectiveTo === null || dayNumber(r.effectiveTo) >= from) && dayNumber(r.effectiveFrom) < to,
    );
    const byForum = new Map<string, ForumRule[]>();
    for (const r of visible) byForum.set(r.forum, [...(byForum.get(r.forum) ?? []), r]);
    const lowest = (list: ForumRule[]) => Math.min(...list.map((r) => Number(r.minCost ?? 0)));
    return [...byForum.entries()]
      .sort(([a, la], [b, lb]) => lowest(la) - lowest(lb) || a.localeCompare(b))
      .map(([forum, list]) => {
        // Greedy lanes: a rule goes in the first lane whose last rule ended before it starts.
        const laneEnds: number[] = [];
        const placed = [...list]
          .sort(
            (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || Number(a.minCost ?? 0) - Number(b.minCost ?? 0),
          )
          .map((rule) => {
            const start = dayNumber(rule.effectiveFrom);
            const end = rule.effectiveTo === null ? Infinity : dayNumber(rule.effectiveTo);
            let lane = laneEnds.findIndex((e) => e < start);
            if (lane < 0) lane = laneEnds.push(end) - 1;
            else laneEnds[lane] = end;
            return { rule, lane };
          });
        return { forum, placed, lanes: laneEnds.length };
      });
  }, [rules, from, to]);

  let top = AXIS_HEIGHT;
  const laidOut = rows.map((row) => {
    const y = top;
    top += row.lanes * LANE_HEIGHT + ROW_PADDING * 2;
    return { ...row, y };
  });
  const height = top + 4;
  const step = endYear + 1 - firstYear > 20 ? 5 : 1;
  const years: number[] = [];
  for (let year = firstYear; year <= endYear; year++) if ((year - firstYear) % step === 0) years.push(year);
  const describe = (r: ForumRule) =>
    [
      r.code,
      forumName(r.forum),
      band(r),
      ...conditions(r),
      `${formatDate(r.effectiveFrom)} – ${r.effectiveTo ? formatDate(r.effectiveTo) : t('forumRulesAdmin.open')}`,
    ].join(' · ');
  const keySelect = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Group gap="md">
          <Legend colour="var(--mantine-color-blue-4)" label={t('forumRulesAdmin.legend.band')} />
          <Legend colour="var(--mantine-color-orange-4)" label={t('forumRulesAdmin.legend.special')} />
          <Legend colour="var(--mantine-color-gray-5)" label={t('forumRulesAdmin.legend.federal')} />
          <Legend colour="white" dashed label={t('forumRulesAdmin.legend.verify')} />
        </Group>
        <SegmentedControl
          size="xs"
          value={span}
          onChange={(v) => setSpan(v as 'recent' | 'all')}
          data={[
            { value: 'recent', label: t('forumRulesAdmin.span.recent', { years: RECENT_YEARS }) },
            { value: 'all', label: t('forumRulesAdmin.span.all') },
          ]}
          aria-label={t('forumRulesAdmin.span.label')}
        />
      </Group>
      <div dir="ltr" style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          style={{ minWidth: 760, display: 'block' }}
          role="group"
          aria-label={t('forumRulesAdmin.timelineLabel')}
          data-testid="rules-timeline"
        >
          {years.map((year) => (
            <g key={year}>
              <line
                x1={x(yearStart(year))}
                x2={x(yearStart(year))}
                y1={AXIS_HEIGHT - 4}
                y2={height}
                stroke="var(--mantine-color-gray-3)"
              />
              <text x={x(yearStart(year)) + 2} y={14} fontSize={11} fill="var(--mantine-color-gray-7)">
                {year}
              </text>
            </g>
          ))}
          <line
            x1={x(dayNumber(now))}
            x2={x(dayNumber(now))}
            y1={AXIS_HEIGHT - 6}
            y2={height}
            stroke="var(--mantine-color-red-6)"
            strokeDasharray="4 3"
          />
          <text
            x={x(dayNumber(now)) - 3}
            y={AXIS_HEIGHT - 8}
            fontSize={10}
            textAnchor="end"
            fill="var(--mantine-color-red-7)"
          >
            {t('forumRulesAdmin.today')}
          </text>
          {laidOut.map((row, i) => (
            <g key={row.forum}>
              {i > 0 ? <line x1={0} x2={WIDTH} y1={row.y} y2={row.y} stroke="var(--mantine-color-gray-4)" /> : null}
              <text
                x={6}
                y={row.y + ROW_PADDING + LANE_HEIGHT / 2 + 4}
                fontSize={12}
                fontWeight={600}
                fill="var(--mantine-color-dark-7)"
              >
                <title>{forumName(row.forum)}</title>
                {fitted(forumName(row.forum), LABEL_WIDTH - 12, charWidth * ROW_LABEL_SCALE)}
              </text>
              {row.placed.map(({ rule, lane }) => {
                const left = x(dayNumber(rule.effectiveFrom));
                const right = rule.effectiveTo === null ? WIDTH - 2 : x(dayNumber(rule.effectiveTo) + 1);
                const width = Math.max(right - left, 3);
                const y = row.y + ROW_PADDING + lane * LANE_HEIGHT + 2;
                const label = [band(rule), ...conditions(rule)].join(' · ');
                const fits = label.length * charWidth < width - 8;
                const isSelected = selected === rule.id;
                const isHighlighted = highlighted === rule.id;
                return (
                  <g
                    key={rule.id}
                    role="button"
                    tabIndex={0}
                    aria-label={describe(rule)}
                    aria-pressed={isSelected}
                    data-rule={rule.code}
                    onClick={() => onSelect(rule.id)}
                    onKeyDown={keySelect(rule.id)}
                    style={{ cursor: 'pointer', outline: 'none' }}
                  >
                    <title>{describe(rule)}</title>
                    <rect
                      x={left}
                      y={y}
                      width={width}
                      height={LANE_HEIGHT - 4}
                      rx={4}
                      fill={ruleColour(rule)}
                      fillOpacity={isSelected || isHighlighted ? 1 : 0.75}
                      stroke={`var(--mantine-color-${isHighlighted ? 'green-8' : isSelected ? 'dark-7' : 'dark-2'})`}
                      strokeWidth={isSelected || isHighlighted ? 2.5 : 1}
                      strokeDasharray={rule.verify ? '4 2' : undefined}
                    />
                    {fits ? (
                      <text
                        x={left + 4}
                        y={y + LANE_HEIGHT / 2 + 2}
                        fontSize={11}
                        fill="var(--mantine-color-dark-9)"
                        pointerEvents="none"
                      >
                        {label}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <Text size="xs" c="dimmed">
        {t('forumRulesAdmin.timelineHint')}
      </Text>
    </Stack>
  );
}

function Legend({ colour, label, dashed }: { colour: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={22} height={12} aria-hidden>
        <rect
          x={1}
          y={1}
          width={20}
          height={10}
          rx={2}
          fill={colour}
          stroke="var(--mantine-color-dark-3)"
          strokeDasharray={dashed ? '3 2' : undefined}
        />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}
