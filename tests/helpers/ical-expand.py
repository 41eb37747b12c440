#!/usr/bin/python3
"""What Debian's python3-icalendar + python3-recurring-ical-events see in an iCalendar feed.

Reads an .ics on stdin; prints JSON {"events": n, "calendar": {...}, "dates": [...]} where dates are the
occurrences overlapping [FROM, TO) (ISO 8601 instants, argv[1] and argv[2]; all-day dates count as
Europe/Rome days), expanded with RRULE,
RDATE, EXDATE and RECURRENCE-ID. Timed starts are UTC ISO instants, all-day starts YYYY-MM-DD.
Run with /usr/bin/python3 (the Debian interpreter that has both packages).
"""
import datetime
import json
import sys

import icalendar
import pytz
import recurring_ical_events

# All-day dates are compared with the range in this zone: they are days of the agenda's time zone.
ROME = pytz.timezone("Europe/Rome")


def value(d):
    if isinstance(d, datetime.datetime):
        return d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return d.isoformat()


def main():
    calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    start = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00")).astimezone(ROME)
    stop = datetime.datetime.fromisoformat(sys.argv[2].replace("Z", "+00:00")).astimezone(ROME)
    dates = [
        {
            "uid": str(e["UID"]),
            "start": value(e["DTSTART"].dt),
            "end": value(e["DTEND"].dt),
            "status": str(e.get("STATUS", "")) or None,
            "summary": str(e["SUMMARY"]),
        }
        for e in recurring_ical_events.of(calendar).between(start, stop)
    ]
    dates.sort(key=lambda d: (d["start"], d["uid"]))
    print(json.dumps({
        "events": len(calendar.walk("VEVENT")),
        "timezones": [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")],
        "name": str(calendar.get("X-WR-CALNAME", "")),
        "dates": dates,
    }))


if __name__ == "__main__":
    main()
