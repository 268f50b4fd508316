import { localToInstant } from '../../../libs/recurrence/index.js';
import { Visibility } from '../../knowledge/knowledge.enums.js';
import { JoinRequestEntity } from '../../networks/entities/join-request.entity.js';
import { JoinRequestsService } from '../../networks/join-requests.service.js';
import { EventSeriesEntity } from '../../webinars/entities/event-series.entity.js';
import { EventSeriesService } from '../../webinars/event-series.service.js';
import { RegistrationsService } from '../../webinars/registrations.service.js';
import { WebinarsService } from '../../webinars/webinars.service.js';
import { WorkshopEntity } from '../../workshops/entities/workshop.entity.js';
import { IdeasService } from '../../workshops/ideas.service.js';
import { WorkshopsService } from '../../workshops/workshops.service.js';
import type { DemoContext } from './demo-activity.js';

const WEBINAR_SERIES = 'Digitale Verwaltung im Gespräch (Demo)';
export const WEBINAR = 'E-Rechnung in der Praxis (Demo)';
export const WORKSHOP = 'Digital-Werkstatt Ettlingen und Rheinstetten (Demo)';

/** The join request, the webinar and the workshop of the demo. */
export async function seedDemoEvents(ctx: DemoContext): Promise<{ joinRequests: number; webinars: number; workshops: number }> {
  await joinRequest(ctx);
  await webinar(ctx);
  await workshop(ctx);
  return { joinRequests: 1, webinars: 1, workshops: 1 };
}

/** Stadt Waghäusel (not yet a member) asks to join re@di; alice, its admin, decides. */
async function joinRequest(ctx: DemoContext): Promise<void> {
  const readi = await ctx.network('readi');
  const organizationId = await ctx.organizationId('Waghäusel');
  if (await ctx.db.getRepository(JoinRequestEntity).existsBy({ networkId: readi.id, organizationId })) return;
  await ctx.service(JoinRequestsService).request(await ctx.viewer('nina'), {
    networkId: readi.id, organizationId,
    message: 'Waghäusel möchte beim gemeinsamen LoRaWAN-Netz und bei der E-Rechnung mitmachen. Ansprechperson ist Nina Neumann, Digitalisierungsbeauftragte.',
  });
}

/** A webinar of the moderation, open to the whole hub: full, with one person on the waitlist. */
async function webinar(ctx: DemoContext): Promise<void> {
  if (await ctx.db.getRepository(EventSeriesEntity).existsBy({ title: WEBINAR_SERIES })) return;
  const mara = await ctx.viewer('mara');
  const series = await ctx.service(EventSeriesService).create(mara, {
    title: WEBINAR_SERIES, organizerId: await ctx.organizationId('agentur'), networkId: (await ctx.network('readi')).id, visibility: Visibility.HUB,
    description: 'Kurze Webinare, in denen Städte einander zeigen, wie sie ein Vorhaben umgesetzt haben.',
  });
  const startsAt = localToInstant(ctx.workday(9), '11:00', 'Europe/Berlin');
  const webinar = await ctx.service(WebinarsService).schedule(mara, {
    seriesId: series.id, title: WEBINAR, startsAt, endsAt: new Date(startsAt.getTime() + 60 * 60_000), capacity: 3,
    description: 'Ettlingen zeigt, wie Rechnungen elektronisch ankommen, geprüft und gebucht werden – und was dabei anfangs schiefging.',
    speakers: [{ name: 'Alice Admin (Demo)', role: 'Digitalisierungsbeauftragte', organizationId: await ctx.organizationId('Ettlingen') }],
  });
  const registrations = ctx.service(RegistrationsService);
  for (const [username, city] of [['ben', 'Rheinstetten'], ['ida', 'Trier'], ['alice', 'Ettlingen'], ['nina', 'Waghäusel']]) {
    await registrations.register(await ctx.viewer(username), { webinarId: webinar.id, organizationId: await ctx.organizationId(city) });
  }
}

/** A Digital-Werkstatt of two cities, half way through: fields chosen, ideas with dots, first steps. */
async function workshop(ctx: DemoContext): Promise<void> {
  if (await ctx.db.getRepository(WorkshopEntity).existsBy({ title: WORKSHOP })) return;
  const [mara, alice, ben] = [await ctx.viewer('mara'), await ctx.viewer('alice'), await ctx.viewer('ben')];
  const [ettlingen, rheinstetten] = [await ctx.organizationId('Ettlingen'), await ctx.organizationId('Rheinstetten')];
  const workshops = ctx.service(WorkshopsService);
  const { id: workshopId } = await workshops.create(mara, {
    title: WORKSHOP, date: ctx.today, location: 'Rathaus Ettlingen, Sitzungssaal', networkId: (await ctx.network('readi')).id, municipalityIds: [ettlingen, rheinstetten],
  });
  await workshops.addParticipant(mara, { workshopId, personId: alice.personId, organizationId: ettlingen });
  await workshops.addParticipant(mara, { workshopId, personId: ben.personId, organizationId: rheinstetten });
  for (const [priority, key] of ['kommunale-verwaltung', 'digitale-infrastruktur'].entries()) {
    await workshops.selectField(alice, { workshopId, organizationId: ettlingen, fieldOfActionKey: key, priority: priority + 1 });
  }
  for (const [priority, key] of ['digitale-infrastruktur', 'dorf-und-stadtentwicklung'].entries()) {
    await workshops.selectField(ben, { workshopId, organizationId: rheinstetten, fieldOfActionKey: key, priority: priority + 1 });
  }
  const ideas = ctx.service(IdeasService);
  const idea = (viewer: typeof alice, organizationId: string, fieldOfActionKey: string, title: string, description: string) =>
    ideas.add(viewer, { workshopId, organizationId, fieldOfActionKey, title, description });
  const antrag = await idea(alice, ettlingen, 'kommunale-verwaltung', 'Anträge für Vereinsfeste online stellen', 'Ein Formular statt drei Papieranträgen; die Ämter sehen den Stand gemeinsam.');
  const wlan = await idea(alice, ettlingen, 'digitale-infrastruktur', 'Freies WLAN in der Altstadt', 'Hotspots am Marktplatz und an der Stadthalle.');
  const parken = await idea(ben, rheinstetten, 'digitale-infrastruktur', 'Parkplatzsensoren am Bahnhof', 'LoRaWAN-Sensoren zeigen freie Plätze in einer App an.');
  await idea(ben, rheinstetten, 'dorf-und-stadtentwicklung', 'Digitale Ortsteilkarte', 'Baustellen, Veranstaltungen und Ansprechpersonen je Ortsteil auf einer Karte.');
  for (const [viewer, ideaId] of [[alice, antrag.id], [alice, parken.id], [ben, parken.id], [ben, wlan.id]] as const) await ideas.vote(viewer, ideaId, true);
  await ideas.addStep(alice, { ideaId: antrag.id, title: 'Heutige Anträge sammeln', responsible: 'Ordnungsamt Ettlingen', dueOn: ctx.day(14) });
  await ideas.addStep(alice, { ideaId: antrag.id, title: 'Formular mit zwei Vereinen testen', responsible: 'Digitalisierung Ettlingen', dueOn: ctx.day(42) });
  await ideas.addStep(ben, { ideaId: parken.id, title: 'Stellplätze am Bahnhof zählen', responsible: 'Bauhof Rheinstetten', dueOn: ctx.day(21) });
}
