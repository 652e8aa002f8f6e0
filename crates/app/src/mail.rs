//! The mail the web layer queues: Thai first, English after, in one message,
//! because a citizen's mail client tells us nothing about their language.

use ruamjai_domain::accounts::Email;
use ruamjai_domain::engagement::registration::RegistrationCode;
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_domain::participation::TrackingCode;
use ruamjai_store::engagement::{Activity, Invited, Place, Promoted};
use ruamjai_store::participation::Overdue;
use ruamjai_store::satisfaction::Survey;
use ruamjai_store::work_manuals::{Revision, WorkManualRecord};

use ruamjai_i18n::Locale;

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

/// "This submission passed its reply target": to a division's collectors.
pub fn escalation(public_url: &str, overdue: &Overdue, to: Email) -> NewMail {
    let code = overdue.code.to_string();
    let link = format!("{}/staff/submissions/{code}", public_url.trim_end_matches('/'));
    let due_th = Locale::Th.datetime(overdue.reply_due_at);
    let due_en = Locale::En.datetime(overdue.reply_due_at);
    let args = |due: &str| {
        [
            ("code", code.as_str().into()),
            ("link", link.as_str().into()),
            ("subject", overdue.subject.as_str().into()),
            ("due", due.to_owned().into()),
        ]
    };
    let (th, en) = (args(&due_th), args(&due_en));
    NewMail {
        to,
        subject: format!(
            "{} / {}",
            Locale::Th.ta("mail-overdue-subject", &th),
            Locale::En.ta("mail-overdue-subject", &en)
        ),
        body: format!(
            "{}\n\n----------\n\n{}\n",
            Locale::Th.ta("mail-overdue-body", &th),
            Locale::En.ta("mail-overdue-body", &en)
        ),
        purpose: Purpose::Escalation,
    }
}

/// The address that shows a registration and cancels it.
pub fn registration_url(public_url: &str, token: &str) -> String {
    format!("{}/registration?t={token}", public_url.trim_end_matches('/'))
}

/// "You are registered" (or waitlisted): the code to show at the door and
/// the link to see or cancel the registration.
pub fn registration_confirmation(
    public_url: &str,
    activity: &Activity,
    code: &RegistrationCode,
    token: &str,
    place: Place,
    to: Email,
) -> NewMail {
    let link = registration_url(public_url, token);
    let code = code.to_string();
    let compose = |locale: Locale, key: &str| {
        let when = locale.datetime(activity.starts_at);
        let place_label = locale.t(&format!("place-{}", place.code()));
        locale.ta(
            key,
            &[
                ("title", activity.title.as_str().into()),
                ("code", code.as_str().into()),
                ("link", link.as_str().into()),
                ("when", when.into()),
                ("venue", activity.venue.as_str().into()),
                ("place", place_label.into()),
            ],
        )
    };
    NewMail {
        to,
        subject: both(&compose, "mail-registration-subject", " / "),
        body: both(&compose, "mail-registration-body", "\n\n----------\n\n") + "\n",
        purpose: Purpose::RegistrationConfirmation,
    }
}

/// "You are invited": the activity, when and where, and the page to register on.
pub fn invitation(public_url: &str, activity: &Activity, invited: &Invited) -> NewMail {
    let link = format!("{}/activities/{}", public_url.trim_end_matches('/'), activity.id);
    let compose = |locale: Locale, key: &str| {
        locale.ta(
            key,
            &[
                ("title", activity.title.as_str().into()),
                ("name", invited.name.as_str().into()),
                ("organisation", invited.organisation.as_str().into()),
                ("when", locale.datetime(activity.starts_at).into()),
                ("venue", activity.venue.as_str().into()),
                ("closes", locale.datetime(activity.registration_closes_at).into()),
                ("link", link.as_str().into()),
            ],
        )
    };
    NewMail {
        to: invited.email.clone(),
        subject: both(&compose, "mail-invitation-subject", " / "),
        body: both(&compose, "mail-invitation-body", "\n\n----------\n\n") + "\n",
        purpose: Purpose::ActivityInvitation,
    }
}

/// A fresh single-use link to a survey for `to`: the secret's hash to
/// store, and the mail that carries the secret.
pub fn survey_link(public_url: &str, survey: &Survey, to: Email) -> (String, NewMail) {
    let token = crate::secrets::random_token();
    (crate::secrets::token_hash(&token), survey_invitation(public_url, survey, &token, to))
}

/// A survey's single-use link: the token is in the link, never stored.
pub fn survey_invitation(public_url: &str, survey: &Survey, token: &str, to: Email) -> NewMail {
    let link = format!("{}/surveys/{}?t={token}", public_url.trim_end_matches('/'), survey.id);
    let compose = |locale: Locale, key: &str| {
        locale.ta(
            key,
            &[
                ("title", survey.name.as_str().into()),
                ("link", link.as_str().into()),
                ("closes", locale.datetime(survey.closes_at).into()),
            ],
        )
    };
    NewMail {
        to,
        subject: both(&compose, "mail-survey-subject", " / "),
        body: both(&compose, "mail-survey-body", "\n\n----------\n\n") + "\n",
        purpose: Purpose::SurveyInvitation,
    }
}

/// "A place became free and it is yours": to the first on the waitlist.
pub fn promotion(promoted: &Promoted) -> Option<NewMail> {
    let to = Email::parse(promoted.email.as_deref()?).ok()?;
    let code = promoted.code.to_string();
    let compose = |locale: Locale, key: &str| {
        locale.ta(key, &[("title", promoted.activity_title.as_str().into()), ("code", code.as_str().into())])
    };
    Some(NewMail {
        to,
        subject: both(&compose, "mail-promotion-subject", " / "),
        body: both(&compose, "mail-promotion-body", "\n\n----------\n\n") + "\n",
        purpose: Purpose::WaitlistPromotion,
    })
}

/// A message in Thai, then in English.
fn both(compose: &dyn Fn(Locale, &str) -> String, key: &str, separator: &str) -> String {
    format!("{}{separator}{}", compose(Locale::Th, key), compose(Locale::En, key))
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

/// "A work manual you must read has taken effect": to each account it is addressed to.
pub fn work_manual_reading(
    public_url: &str,
    record: &WorkManualRecord,
    revision: &Revision,
    to: Email,
) -> NewMail {
    let link = format!("{}/staff/work-manuals/{}", public_url.trim_end_matches('/'), record.id);
    let label = revision.number.label();
    let args = |locale: Locale| {
        let title = if locale == Locale::En && !record.title_en.is_empty() {
            &record.title_en
        } else {
            &record.title_th
        };
        let effective = revision.effective_on.map(|d| locale.day(&d)).unwrap_or_default();
        [
            ("code", record.code.as_str().into()),
            ("title", title.as_str().into()),
            ("revision", label.as_str().into()),
            ("effective", effective.into()),
            ("link", link.as_str().into()),
        ]
    };
    let (th, en) = (args(Locale::Th), args(Locale::En));
    NewMail {
        to,
        subject: format!(
            "{} / {}",
            Locale::Th.ta("mail-work-manual-subject", &th),
            Locale::En.ta("mail-work-manual-subject", &en)
        ),
        body: format!(
            "{}\n\n----------\n\n{}\n",
            Locale::Th.ta("mail-work-manual-body", &th),
            Locale::En.ta("mail-work-manual-body", &en)
        ),
        purpose: Purpose::WorkManualReading,
    }
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

    #[test]
    fn the_escalation_links_to_the_staff_page_and_says_when_it_fell_due() {
        let overdue = Overdue {
            code: TrackingCode::parse("RJ-2570-000007").unwrap(),
            subject: "อินเทอร์เน็ตล่ม".into(),
            division_code: "infrastructure".into(),
            reply_due_at: time::macros::datetime!(2026-11-17 09:00 +7),
        };
        let mail = escalation("https://ruamjai.moi.go.th", &overdue, Email::parse("d@ict.go.th").unwrap());
        assert!(mail.body.contains("https://ruamjai.moi.go.th/staff/submissions/RJ-2570-000007"));
        assert!(mail.body.contains("อินเทอร์เน็ตล่ม") && mail.body.contains("2569"), "{}", mail.body);
        assert_eq!(mail.purpose, Purpose::Escalation);
    }
}
