import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import listPlugin from '@fullcalendar/react/list';
import deLocale from '@fullcalendar/react/locales/de';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { navigate } from 'wouter/use-browser-location';
import { Page } from '../components/page';
import { ErrorAlert } from '../components/status';
import { graphql } from '../gql';
import { localDate } from '../lib/format';

const CalendarQuery = graphql(`
  query CalendarMeetings($from: DateTime!, $to: DateTime!) {
    upcomingMeetings(from: $from, to: $to) {
      id
      title
      startsAt
      endsAt
      status
      group {
        id
        name
      }
    }
  }
`);

const HolidaysQuery = graphql(`
  query CalendarHolidays($from: Date!, $to: Date!) {
    publicHolidays(from: $from, to: $to) {
      date
      name
    }
  }
`);

/** Kalender: the caller's meetings across all groups, by month, week or as a list (German). */
export function CalendarPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  // ?datum=YYYY-MM-DD opens the calendar on that day's month (links from elsewhere).
  const [initialDate] = useState(() => {
    const d = new URLSearchParams(location.search).get('datum');
    return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
  });
  const [{ data, error }] = useQuery({ query: CalendarQuery, variables: range ?? { from: '', to: '' }, pause: !range });
  // The public holidays of one's Land, as labelled all-day entries (not links).
  const days = range ? { from: localDate(range.from), to: localDate(new Date(Date.parse(range.to) - 1).toISOString()) } : { from: '', to: '' };
  const [holidays] = useQuery({ query: HolidaysQuery, variables: days, pause: !range });
  const holidayEvents = (holidays.data?.publicHolidays ?? []).map((h) => ({
    id: `feiertag-${h.date}`,
    title: t('calendar.holiday', { name: h.name }),
    start: h.date,
    allDay: true,
    // Grey, apart from the meetings' blue: a dot beside the name in the month view, white on grey (7.5:1) as a block in the week view.
    display: 'list-item',
    color: '#4b5563',
    contrastColor: '#ffffff',
    classNames: ['ik-event--holiday'],
    extendedProps: { holiday: true },
  }));
  const meetingEvents = (data?.upcomingMeetings ?? []).map((m) => ({
    id: m.id,
    title: `${m.group.name}: ${m.title}${m.status === 'CANCELLED' ? ` (${t('meeting.status.CANCELLED')})` : ''}`,
    start: m.startsAt,
    end: m.endsAt,
    url: `/sitzungen/${m.id}`,
    classNames: m.status === 'CANCELLED' ? ['ik-event--cancelled'] : [],
  }));
  return (
    <Page title={t('calendar.title')}>
      <ErrorAlert error={error} />
      <div className="ik-calendar-view">
        <FullCalendar
          plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin]}
          locale={deLocale}
          timeZone="Europe/Berlin"
          initialView="listMonth"
          initialDate={initialDate}
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listMonth' }}
          height="auto"
          // KERN's action blue behind white text (FullCalendar's own #3788d8 gives 3.7:1, axe wants 4.5:1).
          eventColor="#1a3da5"
          eventContrastColor="#ffffff"
          events={[...holidayEvents, ...meetingEvents]}
          datesSet={(arg) => {
            const next = { from: arg.start.toISOString(), to: arg.end.toISOString() };
            setRange((cur) => (cur && cur.from === next.from && cur.to === next.to ? cur : next));
          }}
          eventClick={(info) => {
            info.jsEvent.preventDefault();
            if (!info.event.extendedProps.holiday) navigate(`/sitzungen/${info.event.id}`);
          }}
          noEventsText={t('calendar.none')}
          // Accessible names that contain the visible text (WCAG 2.5.3): the locale's hints say "Monatsansicht" on a "Monat" button.
          viewHint={(text: string) => text}
          todayHint={() => t('calendar.today')}
        />
      </div>
    </Page>
  );
}
