import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DateField } from '../../components/date-field';
import { Button, Form, SelectField, TextField } from '../../components/form';
import { Section } from '../../components/page';
import { Badge, ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { HolidayPolicy } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDate, formatRange, today } from '../../lib/format';
import { describeRule, fromRrule, toRrule, type RuleModel } from '../../lib/rrule-builder';
import { POLICIES } from './new-series';
import { RuleBuilder } from './rule-builder';

const SeriesQuery = graphql(`
  query PlanningSeries($groupId: ID!, $now: DateTime!, $until: DateTime!) {
    group(id: $groupId) {
      id
      name
      series {
        id
        title
        rrule
        startTime
        durationMinutes
        holidayPolicy
        startsOn
        until
        occurrences(from: $now, to: $until) {
          id
          startsAt
          endsAt
          timeZone
          status
        }
        skippedDates {
          date
          reason
        }
      }
    }
  }
`);

const Update = graphql(`
  mutation UpdateMeetingSeries($input: UpdateMeetingSeriesInput!) {
    updateMeetingSeries(input: $input) {
      id
    }
  }
`);

const End = graphql(`
  mutation EndMeetingSeries($input: EndMeetingSeriesInput!) {
    endMeetingSeries(input: $input) {
      id
      until
    }
  }
`);

const CancelOccurrence = graphql(`
  mutation CancelOccurrence($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      id
      status
    }
  }
`);

type SeriesData = NonNullable<NonNullable<ReturnType<typeof useSeries>[0]['data']>['group']>['series'][number];

function useSeries(groupId: string) {
  const variables = useMemo(() => ({ groupId, now: new Date().toISOString(), until: new Date(Date.now() + 120 * 86_400_000).toISOString() }), [groupId]);
  return useQuery({ query: SeriesQuery, variables });
}

/** The group's series: change them from a date on, end them, or cancel one occurrence. */
export function ExistingSeries({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useSeries(groupId);
  const series = data?.group?.series ?? [];
  if (error) return <ErrorAlert error={error} />;
  if (!series.length) return null;
  return (
    <Section title={t('planning.existing')} id="serien">
      {series.map((s) => (
        <OneSeries key={s.id} series={s} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      ))}
    </Section>
  );
}

function OneSeries({ series, onChanged }: { series: SeriesData; onChanged: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'edit' | 'end'>('none');
  const [cancelled, cancel] = useMutation(CancelOccurrence);
  return (
    <article className="ik-section ik-series" aria-labelledby={`serie-${series.id}`}>
      <h3 className="kern-heading-small" id={`serie-${series.id}`}>
        {series.title}
      </h3>
      <p className="kern-body ik-rule">
        {describeRule(series.rrule, series.startTime, t)} · {t('series.duration', { minutes: series.durationMinutes })}
        {series.until && ` · ${t('series.until', { date: formatDate(series.until) })}`}
      </p>
      <div className="ik-actions">
        <Button variant="secondary" onClick={() => setMode(mode === 'edit' ? 'none' : 'edit')} aria-expanded={mode === 'edit'}>
          {t('planning.editFrom')}
        </Button>
        <Button variant="tertiary" onClick={() => setMode(mode === 'end' ? 'none' : 'end')} aria-expanded={mode === 'end'}>
          {t('planning.end')}
        </Button>
      </div>
      {mode === 'edit' && <EditSeries series={series} onDone={() => (setMode('none'), onChanged())} />}
      {mode === 'end' && <EndSeries series={series} onDone={() => (setMode('none'), onChanged())} />}
      <h4 className="kern-label">{t('planning.upcomingOccurrences')}</h4>
      <ErrorAlert error={cancelled.error} />
      <ul className="ik-list">
        {series.occurrences.slice(0, 8).map((m) => (
          <li key={m.id} className="ik-list__item">
            <span>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</span>
            {m.status === 'CANCELLED' ? (
              <Badge kind="danger">{t('meeting.status.CANCELLED')}</Badge>
            ) : (
              <Button
                variant="tertiary"
                aria-label={t('planning.cancelOccurrenceLabel', { date: formatRange(m.startsAt, m.endsAt, m.timeZone) })}
                onClick={() => void cancel({ input: { meetingId: m.id, reason: t('planning.cancelledReason') } }).then((r) => !r.error && onChanged())}
              >
                {t('planning.cancelOccurrence')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

function EditSeries({ series, onDone }: { series: SeriesData; onDone: () => void }) {
  const { t } = useTranslation();
  const [effectiveFrom, setFrom] = useState(today());
  const [rule, setRule] = useState<RuleModel | null>(fromRrule(series.rrule));
  const [startTime, setStartTime] = useState(series.startTime);
  const [duration, setDuration] = useState(String(series.durationMinutes));
  const [policy, setPolicy] = useState<HolidayPolicy>(series.holidayPolicy);
  const [result, update] = useMutation(Update);
  const problem = apiProblem(result.error);
  return (
    <Form
      onSubmit={() =>
        update({
          input: {
            seriesId: series.id,
            effectiveFrom,
            startTime,
            durationMinutes: Number(duration),
            holidayPolicy: policy,
            rrule: rule ? toRrule(rule) : null,
          },
        }).then((r) => !r.error && onDone())
      }
    >
      <Notice title={t('planning.editHint')} />
      <DateField label={t('planning.effectiveFrom')} value={effectiveFrom} onChange={setFrom} error={messageFor(problem, 'effectiveFrom')} />
      {rule && <RuleBuilder value={rule} onChange={setRule} error={messageFor(problem, 'rrule')} />}
      <div className="ik-form--inline">
        <TextField
          label={t('planning.startTime')}
          type="time"
          value={startTime}
          onChange={(e) => setStartTime(e.target.value)}
          error={messageFor(problem, 'startTime')}
        />
        <TextField
          label={t('planning.duration')}
          type="number"
          min={1}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          error={messageFor(problem, 'durationMinutes')}
        />
      </div>
      <SelectField
        label={t('planning.holidays')}
        value={policy}
        onChange={(e) => setPolicy(e.target.value as HolidayPolicy)}
        options={POLICIES.map((p) => ({ value: p, label: t(`series.policy.${p}`) }))}
      />
      {isGeneral(problem, ['effectiveFrom', 'rrule', 'startTime', 'durationMinutes']) && <ErrorAlert problem={problem} />}
      <button type="submit" className="kern-btn kern-btn--primary" disabled={result.fetching}>
        <span className="kern-label">{t('planning.applyFrom')}</span>
      </button>
    </Form>
  );
}

function EndSeries({ series, onDone }: { series: SeriesData; onDone: () => void }) {
  const { t } = useTranslation();
  const [lastDate, setLastDate] = useState(today());
  const [result, end] = useMutation(End);
  const problem = apiProblem(result.error);
  return (
    <Form onSubmit={() => end({ input: { seriesId: series.id, lastDate } }).then((r) => !r.error && onDone())}>
      <DateField label={t('planning.lastDate')} value={lastDate} onChange={setLastDate} error={messageFor(problem, 'lastDate')} />
      {isGeneral(problem, ['lastDate']) && <ErrorAlert problem={problem} />}
      <button type="submit" className="kern-btn kern-btn--primary">
        <span className="kern-label">{t('planning.endSubmit')}</span>
      </button>
    </Form>
  );
}
