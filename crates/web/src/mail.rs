//! The mail the web layer queues: Thai first, English after, in one message,
//! because a citizen's mail client tells us nothing about their language.

use ruamjai_domain::accounts::Email;
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_domain::participation::TrackingCode;

use crate::i18n::Locale;

/// The tracking page of a submission, absolute, for mail and API clients.
pub fn tracking_url(public_url: &str, code: TrackingCode, token: &str) -> String {
    format!("{}/track?code={code}&t={token}", public_url.trim_end_matches('/'))
}

/// "We received your submission": the code and the link to follow it.
pub fn acknowledgement(public_url: &str, code: TrackingCode, token: &str, to: Email) -> NewMail {
    bilingual(to, Purpose::Acknowledgement, "mail-ack-subject", "mail-ack-body", code, public_url, token)
}

/// A fresh tracking link, asked for with the code and this address.
pub fn tracking_link(public_url: &str, code: TrackingCode, token: &str, to: Email) -> NewMail {
    bilingual(to, Purpose::TrackingLink, "mail-link-subject", "mail-link-body", code, public_url, token)
}

fn bilingual(
    to: Email,
    purpose: Purpose,
    subject_key: &str,
    body_key: &str,
    code: TrackingCode,
    public_url: &str,
    token: &str,
) -> NewMail {
    let code_text = code.to_string();
    let link = tracking_url(public_url, code, token);
    let args = [("code", code_text.as_str().into()), ("link", link.as_str().into())];
    let subject = format!("{} / {}", Locale::Th.ta(subject_key, &args), Locale::En.ta(subject_key, &args));
    let body =
        format!("{}\n\n----------\n\n{}\n", Locale::Th.ta(body_key, &args), Locale::En.ta(body_key, &args));
    NewMail { to, subject, body, purpose }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acknowledgement_carries_the_code_and_a_working_link_in_both_languages() {
        let code = TrackingCode::parse("RJ-2570-000123").unwrap();
        let to = Email::parse("citizen@example.com").unwrap();
        let mail = acknowledgement("https://ruamjai.moi.go.th/", code, "tok", to);
        assert!(mail.subject.contains("RJ-2570-000123"));
        let link = "https://ruamjai.moi.go.th/track?code=RJ-2570-000123&t=tok";
        assert_eq!(mail.body.matches(link).count(), 2, "{}", mail.body);
        assert!(mail.body.find("ได้รับ").unwrap() < mail.body.find("received").unwrap(), "Thai first");
    }
}
