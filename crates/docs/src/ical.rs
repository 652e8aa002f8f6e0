//! iCalendar (RFC 5545) feeds that Google Calendar, Outlook and phones
//! subscribe to: one event per activity, times in UTC, text escaped and
//! long lines folded without splitting a Thai character.

use std::fmt::Write;

use time::OffsetDateTime;
use time::macros::format_description;

/// One event of a feed.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Stable across edits, so that calendars update the event in place.
    pub uid: String,
    pub title: &'a str,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
    pub location: &'a str,
    pub url: String,
    pub description: String,
    pub cancelled: bool,
    /// When the feed was made.
    pub stamp: OffsetDateTime,
}

/// A whole calendar with its events.
pub fn calendar(name: &str, events: &[Event<'_>]) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ruamjai//activities//TH", "CALSCALE:GREGORIAN"]
    {
        push(&mut out, line);
    }
    push(&mut out, "METHOD:PUBLISH");
    push(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    push(&mut out, "X-WR-TIMEZONE:Asia/Bangkok");
    for event in events {
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}", escape(&event.uid)));
        push(&mut out, &format!("DTSTAMP:{}", utc(event.stamp)));
        push(&mut out, &format!("DTSTART:{}", utc(event.starts_at)));
        push(&mut out, &format!("DTEND:{}", utc(event.ends_at)));
        push(&mut out, &format!("SUMMARY:{}", escape(event.title)));
        push(&mut out, &format!("LOCATION:{}", escape(event.location)));
        push(&mut out, &format!("DESCRIPTION:{}", escape(&event.description)));
        push(&mut out, &format!("URL:{}", event.url));
        push(&mut out, if event.cancelled { "STATUS:CANCELLED" } else { "STATUS:CONFIRMED" });
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn utc(instant: OffsetDateTime) -> String {
    let utc = instant.to_offset(time::UtcOffset::UTC);
    utc.format(format_description!("[year][month][day]T[hour][minute][second]Z")).unwrap_or_default()
}

/// TEXT values escape backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends a content line, folded at 75 octets (a Thai character is three
/// octets and is never split), each line ending in CRLF.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn seminar(title: &str) -> Event<'_> {
        Event {
            uid: "activity-7@ruamjai".into(),
            title,
            starts_at: datetime!(2027-01-20 09:00 +7),
            ends_at: datetime!(2027-01-20 16:00 +7),
            location: "ห้องประชุม 1, ชั้น 5; ศาลาว่าการ",
            url: "https://ruamjai.example/activities/7".into(),
            description: "บรรทัดแรก\nบรรทัดสอง".into(),
            cancelled: false,
            stamp: datetime!(2026-11-24 10:00 UTC),
        }
    }

    #[test]
    fn events_are_in_utc_with_escaped_text() {
        let feed = calendar("กิจกรรม", &[seminar("สัมมนา")]).replace("\r\n ", "");
        assert!(feed.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(feed.contains("DTSTART:20270120T020000Z\r\n"), "{feed}");
        assert!(feed.contains("DTEND:20270120T090000Z\r\n"));
        assert!(feed.contains("LOCATION:ห้องประชุม 1\\, ชั้น 5\\; ศาลาว่าการ\r\n"));
        assert!(feed.contains("DESCRIPTION:บรรทัดแรก\\nบรรทัดสอง\r\n"));
        assert!(feed.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn long_thai_lines_fold_at_75_octets_between_characters() {
        let title = "สัมมนาเชิงปฏิบัติการความร่วมมือด้านเทคโนโลยีสารสนเทศกับจังหวัดและภาคเอกชน";
        let feed = calendar("x", &[seminar(title)]);
        for line in feed.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = feed.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{title}\r\n")));
    }
}
