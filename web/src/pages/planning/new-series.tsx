import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { DateField } from '../../components/date-field';
import { Form, FormActions, SelectField, TextField } from '../../components/form';
import { Section } from '../../components/page';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { HolidayPolicy } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { today } from '../../lib/format';
import { describe, toRrule, type RuleModel } from '../../lib/rrule-builder';
import { Preview } from './preview';
import { RuleBuilder } from './rule-builder';

const Schedule = graphql(`
  mutation ScheduleMeetingSeries($input: ScheduleMeetingSeriesInput!) {
    scheduleMeetingSeries(input: $input) {
      id
      title
    }
  }
`);

const PreviewQuery = graphql(`
  query PreviewMeetingSeries($input: PreviewMeetingSeriesInput!) {
    previewMeetingSeries(input: $input) {
      holidayRegions
      occurrences {
        date
        startsAt
        endsAt
        movedBecause
      }
      skippedDates {
        date
        reason
      }
    }
  }
`);

export const POLICIES: HolidayPolicy[] = ['SKIP', 'NEXT_WORKING_DAY', 'IGNORE'];

/** Schedule a series with the rule builder, seeing its next dates and skipped holidays before saving. */
export function NewSeries({ groupId, onScheduled }: { groupId: string; onScheduled: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(t('planning.defaultTitle'));
  const [rule, setRule] = useState<RuleModel>({ freq: 'WEEKLY', interval: 2, weekdays: ['TH'] });
  const [startsOn, setStartsOn] = useState(today());
  const [startTime, setStartTime] = useState('10:00');
  const [duration, setDuration] = useState('60');
  const [until, setUntil] = useState('');
  const [holidayPolicy, setPolicy] = useState<HolidayPolicy>('SKIP');
  const [location, setLocation] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [result, schedule] = useMutation(Schedule);
  const [scheduled, setScheduled] = useState<string | null>(null);
  const rrule = toRrule(rule);
  const ruleComplete = rule.freq === 'MONTHLY' || rule.weekdays.length > 0;

  // The preview follows the form, a moment after the last change.
  const [previewInput, setPreviewInput] = useState<null | Record<string, unknown>>(null);
  useEffect(() => {
    const handle = setTimeout(() => {
      setPreviewInput(
        ruleComplete && startsOn && /^\d\d:\d\d$/.test(startTime) && Number(duration) > 0
          ? { groupId, rrule, startsOn, startTime, durationMinutes: Number(duration), holidayPolicy, until: until || null, count: 8 }
          : null,
      );
    }, 250);
    return () => clearTimeout(handle);
  }, [groupId, rrule, ruleComplete, startsOn, startTime, duration, holidayPolicy, until]);
  const [preview] = useQuery({ query: PreviewQuery, variables: { input: previewInput as never }, pause: !previewInput, requestPolicy: 'network-only' });

  const problem = apiProblem(result.error);
  const previewProblem = apiProblem(preview.error);
  const submit = async () => {
    setScheduled(null);
    const res = await schedule({
      input: {
        groupId,
        title,
        rrule,
        startsOn,
        startTime,
        durationMinutes: Number(duration),
        holidayPolicy,
        until: until || null,
        location: location.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
      },
    });
    if (res.data) {
      // A fresh form (nothing to send twice by accident), and the success said where the form was.
      setTitle(t('planning.defaultTitle'));
      setRule({ freq: 'WEEKLY', interval: 2, weekdays: ['TH'] });
      setStartsOn(today());
      setStartTime('10:00');
      setDuration('60');
      setUntil('');
      setPolicy('SKIP');
      setLocation('');
      setOnlineUrl('');
      setScheduled(res.data.scheduleMeetingSeries.title);
      onScheduled();
    }
  };
  const fields = ['title', 'rrule', 'startsOn', 'startTime', 'durationMinutes', 'until', 'location', 'onlineUrl', 'holidayRegions'];
  return (
    <Section title={t('planning.newSeries')} id="neue-serie">
      <Form onSubmit={submit}>
        <TextField label={t('planning.seriesTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={messageFor(problem, 'title')} />
        <RuleBuilder value={rule} onChange={setRule} error={messageFor(problem, 'rrule') ?? (ruleComplete ? null : t('planning.pickWeekday'))} />
        <div className="ik-form--inline">
          <DateField label={t('planning.startsOn')} value={startsOn} onChange={setStartsOn} error={messageFor(problem, 'startsOn')} />
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
            max={1440}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            error={messageFor(problem, 'durationMinutes')}
          />
        </div>
        <p className="kern-body ik-rule" aria-live="polite" data-testid="rule-sentence">
          {ruleComplete ? describe(rule, startTime, t) : t('planning.pickWeekday')}
        </p>
        <DateField label={t('planning.until')} optional value={until} onChange={setUntil} error={messageFor(problem, 'until')} />
        <SelectField
          label={t('planning.holidays')}
          value={holidayPolicy}
          onChange={(e) => setPolicy(e.target.value as HolidayPolicy)}
          options={POLICIES.map((p) => ({ value: p, label: t(`series.policy.${p}`) }))}
        />
        <TextField
          label={t('meeting.location')}
          optional
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={messageFor(problem, 'location')}
        />
        <TextField
          label={t('meeting.onlineUrl')}
          optional
          type="url"
          value={onlineUrl}
          onChange={(e) => setOnlineUrl(e.target.value)}
          error={messageFor(problem, 'onlineUrl')}
        />
        <Preview data={preview.data?.previewMeetingSeries ?? null} problem={previewProblem} fetching={preview.fetching} />
        {isGeneral(problem, fields) && <ErrorAlert problem={problem} />}
        <div aria-live="polite">
          {scheduled && (
            <Notice kind="success" title={t('planning.scheduled', { title: scheduled })}>
              <p className="kern-body">
                <Link href={`/gruppen/${groupId}`} className="kern-link">
                  {t('planning.toGroup')}
                </Link>
              </p>
            </Notice>
          )}
        </div>
        <FormActions submitLabel={t('planning.schedule')} busy={result.fetching} disabled={!ruleComplete} />
      </Form>
    </Section>
  );
}
