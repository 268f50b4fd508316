import type { ChatMessage } from './chat.port.js';

/** Everything a user wrote goes through this before it becomes HTML in a room. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const when = (iso: string | Date, zone = 'Europe/Berlin') =>
  new Intl.DateTimeFormat('de-DE', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) + ' Uhr';

/** Plain-text lines plus their HTML; user text is escaped, links only from http(s) URLs. */
class Builder {
  private readonly text: string[] = [];
  private readonly html: string[] = [];

  line(plain: string, html = escapeHtml(plain)): this {
    this.text.push(plain);
    this.html.push(html);
    return this;
  }

  heading(label: string, value: string): this {
    return this.line(`${label}: ${value}`, `<strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}`);
  }

  link(label: string, url: string | null | undefined): this {
    if (!url || !/^https?:\/\//i.test(url)) return this;
    return this.line(`${label}: ${url}`, `${escapeHtml(label)}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
  }

  /** A line only when `plain` is not empty. */
  optional(plain: string): this {
    return plain ? this.line(plain) : this;
  }

  list(items: string[]): this {
    if (!items.length) return this;
    this.text.push(...items.map((i) => `- ${i}`));
    this.html.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    return this;
  }

  build(): ChatMessage {
    return { body: this.text.join('\n'), html: this.html.join('<br>') };
  }
}

type Payload = Record<string, unknown>;
const s = (v: unknown) => (v == null ? '' : String(v));

/**
 * The video room of a meeting without a link of its own (set by the bridge at delivery when
 * JITSI_URL is configured): the room itself when links are plain, a pointer to the personal link
 * when every link carries a personal token (which a room message cannot).
 */
const videoNote = (p: Payload) => (p.videoPersonal ? 'Videoraum: Ihr persönlicher Zugangslink steht in Interkom und in Ihrem Kalender-Abo.' : '');

/** The German announcement for an outbox event, or null when the room need not hear of it. */
export function announcement(type: string, p: Payload): ChatMessage | null {
  const zone = s(p.timeZone) || 'Europe/Berlin';
  switch (type) {
    case 'MeetingScheduled':
      return new Builder().line(`📅 Neuer Termin: ${s(p.title)}`).heading('Wann', when(s(p.startsAt), zone)).heading('Wo', s(p.location) || '–').link('Online', s(p.onlineUrl))
        .link('Videoraum', s(p.videoRoomUrl)).optional(videoNote(p)).build();
    case 'MeetingRescheduled':
      return new Builder().line(`🔁 Termin verschoben: ${s(p.title)}`).heading('Neu', when(s(p.startsAt), zone)).heading('Bisher', when(s(p.previousStartsAt), zone)).link('Online', s(p.onlineUrl))
        .link('Videoraum', s(p.videoRoomUrl)).optional(videoNote(p)).build();
    case 'MeetingCancelled':
      return new Builder().line(`❌ Termin abgesagt: ${s(p.title)}`).heading('Wann', when(s(p.startsAt), zone)).heading('Grund', s(p.reason) || 'keiner angegeben').build();
    case 'MeetingReminder':
      return new Builder().line(`⏰ Erinnerung: ${s(p.title)}`).heading('Wann', when(s(p.startsAt), zone)).heading('Wo', s(p.location) || '–').link('Online', s(p.onlineUrl))
        .link('Videoraum', s(p.videoRoomUrl)).optional(videoNote(p)).build();
    case 'WebinarScheduled': {
      const speakers = (p.speakers as string[] | undefined) ?? [];
      return new Builder()
        .line(`🎤 Neues Webinar: ${s(p.title)}`)
        .heading('Reihe', s(p.seriesTitle))
        .heading('Wann', when(s(p.startsAt), zone))
        .heading('Mit', speakers.join(', ') || '–')
        .line(`Anmeldung in Interkom${p.capacity ? ` (${s(p.capacity)} Plätze)` : ''}; den Zugangslink erhalten angemeldete Teilnehmende.`)
        .build();
    }
    case 'WebinarCancelled':
      return new Builder().line(`❌ Webinar abgesagt: ${s(p.title)}`).heading('Reihe', s(p.seriesTitle)).heading('Wann', when(s(p.startsAt), zone)).heading('Grund', s(p.reason) || 'keiner angegeben').build();
    case 'AgendaChanged': {
      const verb: Record<string, string> = {
        added: 'neu auf der Tagesordnung',
        accepted: 'in die Tagesordnung aufgenommen',
        moved: 'in der Tagesordnung verschoben',
        removed: 'von der Tagesordnung genommen',
      };
      if (!verb[s(p.change)] || p.public === false) return null;
      return new Builder().line(`📝 TOP ${s(p.position)} ${verb[s(p.change)]}: ${s(p.title)}`).build();
    }
    case 'ProtocolPublished': {
      const actions = (p.actionItems as { title: string; assignee: string | null; organization: string | null; dueOn: string | null }[] | undefined) ?? [];
      return new Builder()
        .line(`📄 Protokoll veröffentlicht: ${s(p.title)}`)
        .heading('Sitzung vom', when(s(p.startsAt), zone))
        .heading('Beschlüsse', String((p.decisions as unknown[] | undefined)?.length ?? 0))
        .list((p.decisions as string[] | undefined) ?? [])
        .heading('Aufgaben', String(actions.length))
        .list(actions.map((a) => `${a.title} (${[a.assignee, a.organization].filter(Boolean).join(', ') || 'offen'}${a.dueOn ? `, bis ${a.dueOn}` : ''})`))
        .heading('Prüfsumme (SHA-256)', s(p.contentHash))
        .build();
    }
    case 'ProtocolApproved':
      return new Builder()
        .line(p.automatic === true ? `✔️ Protokoll genehmigt (Widerspruchsfrist abgelaufen, kein Einwand offen): ${s(p.title)}` : `✔️ Protokoll genehmigt (alle benannten Genehmigenden): ${s(p.title)}`)
        .heading('Sitzung vom', when(s(p.startsAt), zone))
        .build();
    case 'ProtocolRevised':
      return new Builder()
        .line(`✏️ Protokoll in der Abstimmung überarbeitet: ${s(p.title)}`)
        .heading('Sitzung vom', when(s(p.startsAt), zone))
        .heading('Widerspruchsfrist bis', p.approvalDueAt ? when(s(p.approvalDueAt), zone) : '–')
        .build();
    case 'ProtocolCorrected':
      // The text itself stays in Interkom (it may be long); the room learns that and where.
      return new Builder()
        .line(`✏️ Berichtigung Nr. ${s(p.sequence)} zum Protokoll: ${s(p.title)}`)
        .heading('Sitzung vom', when(s(p.startsAt), zone))
        .heading('Eingetragen', when(s(p.at), zone))
        .line('Das veröffentlichte Protokoll bleibt unverändert; die Berichtigung steht in Interkom darunter.')
        .heading('Prüfsumme (SHA-256)', s(p.hash))
        .build();
    case 'ActionItemAssigned': {
      const message = new Builder()
        .line(`✅ Neue Aufgabe: ${s(p.title)}`)
        .heading('Zuständig', s(p.assigneeName) || s(p.assigneeOrganizationName) || '–')
        .heading('Fällig', s(p.dueOn) || '–');
      // In the assignee's personal room (they are not in the group's): from which group it comes.
      return (p.personal ? message.heading('Aus der Gruppe', s(p.groupName)).line('Die Aufgabe steht in Interkom unter „Meine Aufgaben“.') : message).build();
    }
    case 'ChatReply':
      return new Builder().line(s(p.text)).build();
    default:
      return null;
  }
}
