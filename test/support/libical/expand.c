/*
 * An independent reader for the tests: libical expands the recurring VEVENTs of an iCalendar file
 * (stdin) over a window and prints one line per instance: "UID<TAB>start<TAB>end" (Unix seconds,
 * UTC), with RECURRENCE-ID overrides applied (same UID; the override's own start and end) and
 * cancelled instances (STATUS:CANCELLED) left out. Usage: expand FROM TO (Unix seconds).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libical/ical.h>

typedef struct { icalcomponent *root; const char *uid; icalcomponent **all; int count; } Ctx;

/* A DTSTART, DTEND or RECURRENCE-ID as Unix seconds, its TZID resolved in the file's VTIMEZONEs. */
static time_t instant(icalcomponent *root, icalcomponent *c, icalproperty_kind kind) {
  icalproperty *p = icalcomponent_get_first_property(c, kind);
  if (!p) return (time_t)-1;
  struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
  icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  icaltimezone *zone = icaltimezone_get_utc_timezone();
  if (tzid && !icaltime_is_utc(t)) {
    zone = icalcomponent_get_timezone(root, icalparameter_get_tzid(tzid));
    if (!zone) { fprintf(stderr, "unknown TZID %s\n", icalparameter_get_tzid(tzid)); exit(3); }
  }
  return icaltime_as_timet_with_zone(t, zone);
}

static int cancelled(icalcomponent *c) { return icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED; }

static void instance(icalcomponent *master, struct icaltime_span *span, void *data) {
  Ctx *ctx = data;
  (void)master;
  /* An override with this RECURRENCE-ID replaces the instance. */
  for (int i = 0; i < ctx->count; i++) {
    icalcomponent *o = ctx->all[i];
    if (!icalcomponent_get_first_property(o, ICAL_RECURRENCEID_PROPERTY) || strcmp(icalcomponent_get_uid(o), ctx->uid) != 0) continue;
    if (instant(ctx->root, o, ICAL_RECURRENCEID_PROPERTY) != span->start) continue;
    if (!cancelled(o)) printf("%s\t%ld\t%ld\n", ctx->uid, (long)instant(ctx->root, o, ICAL_DTSTART_PROPERTY), (long)instant(ctx->root, o, ICAL_DTEND_PROPERTY));
    return;
  }
  if (!cancelled(master)) printf("%s\t%ld\t%ld\n", ctx->uid, (long)span->start, (long)span->end);
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: expand FROM TO\n"); return 2; }
  size_t cap = 1 << 16, len = 0, n;
  char *text = malloc(cap);
  while ((n = fread(text + len, 1, cap - len - 1, stdin)) > 0) { len += n; if (cap - len < 2) text = realloc(text, cap *= 2); }
  text[len] = 0;
  icalcomponent *root = icalparser_parse_string(text);
  if (!root) { fprintf(stderr, "libical: %s\n", icalerror_strerror(icalerrno)); return 1; }
  /* The VEVENTs first: the component iterator is shared, and the callback looks for overrides. */
  int count = icalcomponent_count_components(root, ICAL_VEVENT_COMPONENT);
  icalcomponent **all = calloc(count + 1, sizeof *all);
  int i = 0;
  for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) all[i++] = c;
  Ctx ctx = { root, NULL, all, count };
  icaltimezone *utc = icaltimezone_get_utc_timezone();
  struct icaltimetype from = icaltime_from_timet_with_zone(atol(argv[1]), 0, utc), to = icaltime_from_timet_with_zone(atol(argv[2]), 0, utc);
  for (i = 0; i < count; i++) {
    icalcomponent *c = all[i];
    if (icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) continue;
    ctx.uid = icalcomponent_get_uid(c);
    icalcomponent_foreach_recurrence(c, from, to, instance, &ctx);
  }
  return 0;
}
