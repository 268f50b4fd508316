import ICAL from 'ical.js';
import type { TestHub } from './test-hub.js';

export interface FeedEvent { uid: string; summary: string; description: string; status: string; url: string | null; start: Date }

/** The events of a person's ICS feed, read with Mozilla's ical.js (independent of the generator). */
export async function feedEvents(hub: TestHub, token: string): Promise<FeedEvent[]> {
  const { calendarFeedUrl } = await hub.ok(token, '{ calendarFeedUrl }');
  const res = await hub.http.get(new URL(calendarFeedUrl).pathname);
  if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
  const cal = new ICAL.Component(ICAL.parse(res.text));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, summary: e.summary, description: e.description, status: String(v.getFirstPropertyValue('status')),
      url: (v.getFirstPropertyValue('url') as string | null) ?? null, start: e.startDate.toJSDate(),
    };
  });
}
