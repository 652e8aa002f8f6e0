//! Thai first, English second: every string a user sees comes from the
//! Fluent files in `locales/`, never from code. Pages, API answers, mail and
//! printed documents all read their words here, so this crate knows nothing
//! of HTTP: which language a request gets is the web layer's question.

use std::borrow::Cow;
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::calendar::{DateStyle, format_date, format_datetime};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::participation::consultation::{Phase, Subject};
use ruamjai_domain::participation::{Channel, Kind, Status};
use time::OffsetDateTime;
use unic_langid::LanguageIdentifier;

mod kpi;

/// The languages of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Th,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Self::Th => "th",
            Self::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim() {
            "th" => Some(Self::Th),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The other language, offered by the switch on every page.
    pub fn other(self) -> Self {
        match self {
            Self::Th => Self::En,
            Self::En => Self::Th,
        }
    }

    /// Picks the Thai or English form of a name stored in both.
    pub fn pick<'a>(self, th: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Th => th,
            Self::En => en,
        }
    }

    pub fn t(self, key: &str) -> String {
        bundle(self).message(key, None)
    }

    /// A message with arguments, e.g. `tr.ta("retry-in", &[("minutes", 5.into())])`.
    pub fn ta(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        bundle(self).message(key, Some(&fluent_args))
    }

    /// A date in the Buddhist Era, in this language.
    pub fn date(self, instant: OffsetDateTime) -> String {
        format_date(instant, DateStyle::Long, self == Self::Th)
    }

    /// A calendar day (a date without a time, as Bangkok keeps it), in the
    /// Buddhist Era, in this language.
    pub fn day(self, date: &time::Date) -> String {
        self.date(ruamjai_domain::calendar::bangkok_midnight(*date))
    }

    pub fn datetime(self, instant: OffsetDateTime) -> String {
        format_datetime(instant, self == Self::Th)
    }
}

struct Bundle(FluentBundle<FluentResource>);

impl Bundle {
    fn load(lang: &str, source: &'static str) -> Self {
        let id: LanguageIdentifier = lang.parse().expect("valid language id");
        let resource = FluentResource::try_new(source.to_owned()).expect("the locale files parse");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Unicode isolation marks would show up inside HTML attributes and JSON.
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no duplicate message ids");
        Self(bundle)
    }

    fn message(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.0.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, "missing translation");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text: Cow<'_, str> = self.0.format_pattern(pattern, args, &mut errors);
        text.into_owned()
    }
}

/// The Thai messages, as written.
pub const TH_FTL: &str = include_str!("../locales/th.ftl");
/// The English messages, as written.
pub const EN_FTL: &str = include_str!("../locales/en.ftl");

static TH: LazyLock<Bundle> = LazyLock::new(|| Bundle::load("th", TH_FTL));
static EN: LazyLock<Bundle> = LazyLock::new(|| Bundle::load("en", EN_FTL));

fn bundle(locale: Locale) -> &'static Bundle {
    match locale {
        Locale::Th => &TH,
        Locale::En => &EN,
    }
}

/// Names of catalog entries in a reader's language.
pub struct Names<'a> {
    pub locale: Locale,
    pub catalog: &'a Catalog,
}

impl Names<'_> {
    pub fn group(&self, code: &str) -> String {
        self.catalog
            .groups
            .iter()
            .find(|g| g.code == code)
            .map_or_else(|| code.to_owned(), |g| self.locale.pick(&g.name_th, &g.name_en).to_owned())
    }

    pub fn service(&self, code: &str) -> String {
        self.catalog
            .services
            .iter()
            .find(|s| s.code == code)
            .map_or_else(|| code.to_owned(), |s| self.locale.pick(&s.name_th, &s.name_en).to_owned())
    }

    /// What a submission is about: its service, or "general" for none.
    pub fn subject_service(&self, code: Option<&str>) -> String {
        match code.and_then(|c| self.catalog.service(c)) {
            Some(s) => self.locale.pick(&s.name_th, &s.name_en).to_owned(),
            None => self.locale.t("participate-general"),
        }
    }

    /// A service with its number in the charter ("3. งานบริการ…"), or
    /// "general" for none: how lists and reports order them.
    pub fn numbered_service(&self, code: Option<&str>) -> String {
        match code.and_then(|c| self.catalog.service(c)) {
            Some(s) => format!("{}. {}", s.number, self.locale.pick(&s.name_th, &s.name_en)),
            None => self.locale.t("participate-general"),
        }
    }

    pub fn division(&self, code: &str) -> String {
        self.catalog
            .division(code)
            .map_or_else(|| code.to_owned(), |d| self.locale.pick(&d.name_th, &d.name_en).to_owned())
    }
}

/// The message of a refused field, in this language: the reason of the
/// domain's one `FieldError`, as every form and API problem says it.
pub fn field_message(locale: Locale, error: &FieldError) -> String {
    match error {
        FieldError::TooLong { max } => locale.ta("field-too-long", &[("max", (*max).into())]),
        FieldError::TooShort { min } => locale.ta("field-too-short", &[("min", (*min).into())]),
        FieldError::Required => locale.t("field-required"),
        FieldError::ControlCharacters => locale.t("field-control-characters"),
        FieldError::InvalidEmail => locale.t("field-invalid-email"),
        FieldError::InvalidCode => locale.t("field-invalid-code"),
        FieldError::InvalidPhone => locale.t("field-invalid-phone"),
        FieldError::UnknownRole => locale.t("field-unknown-role"),
        FieldError::UnknownField => locale.t("field-unknown-field"),
        FieldError::WrongType => locale.t("field-wrong-type"),
        FieldError::DivisionRequired => locale.t("field-division-required"),
        FieldError::UnknownDivision => locale.t("field-unknown-division"),
        FieldError::UnknownChoice => locale.t("field-unknown-choice"),
        FieldError::InvalidTrackingCode => locale.t("field-invalid-tracking-code"),
        FieldError::FileTooLarge { max_mib } => {
            locale.ta("field-file-too-large", &[("max", (*max_mib).into())])
        }
        FieldError::FileType => locale.t("field-file-type"),
        FieldError::TooManyFiles { max } => locale.ta("field-too-many-files", &[("max", (*max).into())]),
        FieldError::KeyReused => locale.t("field-key-reused"),
        FieldError::MergeTarget => locale.t("field-merge-target"),
        FieldError::InvalidDate => locale.t("field-invalid-date"),
        FieldError::ClosesBeforeOpening => locale.t("field-closes-before-opening"),
        FieldError::NotOpen => locale.t("field-not-open"),
        FieldError::NotANumber => locale.t("field-not-a-number"),
        FieldError::OutOfRange { min, max } => {
            locale.ta("field-out-of-range", &[("min", (*min).into()), ("max", (*max).into())])
        }
        FieldError::UnknownRegistration => locale.t("field-unknown-registration"),
        FieldError::NotAnImage => locale.t("field-not-an-image"),
        FieldError::AlreadyRegistered => locale.t("error-already-registered"),
        FieldError::AlreadyExists => locale.t("field-already-exists"),
        FieldError::TooManyRows { max } => locale.ta("field-too-many-rows", &[("max", (*max).into())]),
        FieldError::DiffersFromEarlierRow { row } => {
            locale.ta("field-differs-from-earlier-row", &[("row", (*row).into())])
        }
        FieldError::SelfReference => locale.t("field-self-reference"),
        FieldError::StepLoop => locale.t("field-step-loop"),
        FieldError::Unreachable => locale.t("field-unreachable"),
        FieldError::TooFewChoices { min } => locale.ta("field-too-few-choices", &[("min", (*min).into())]),
        FieldError::MixedSection => locale.t("field-mixed-section"),
        FieldError::NeedsScaleItem => locale.t("field-needs-scale-item"),
        FieldError::InvalidDocumentCode => locale.t("field-invalid-document-code"),
        FieldError::BeforeToday => locale.t("field-before-today"),
        FieldError::NothingPublished => locale.t("field-nothing-published"),
        FieldError::NotADecimal => locale.t("field-not-a-decimal"),
        FieldError::TooManyPlaces { max } => locale.ta("field-too-many-places", &[("max", (*max).into())]),
        FieldError::NotMonotonic => locale.t("field-not-monotonic"),
    }
}

/// Things shown by a translated label (`kind-complaint`, `status-in-progress` …).
pub trait LabelKey {
    fn label_key(&self) -> String;
}

impl LabelKey for Kind {
    fn label_key(&self) -> String {
        format!("kind-{}", self.code())
    }
}

impl LabelKey for Status {
    fn label_key(&self) -> String {
        format!("status-{}", self.code().replace('_', "-"))
    }
}

impl LabelKey for Channel {
    fn label_key(&self) -> String {
        format!("channel-{}", self.code().replace('_', "-"))
    }
}

impl LabelKey for Phase {
    fn label_key(&self) -> String {
        format!("consult-phase-{}", self.code())
    }
}

impl LabelKey for Subject {
    fn label_key(&self) -> String {
        format!("consult-subject-{}", self.code())
    }
}

impl LabelKey for ruamjai_domain::engagement::activity::Kind {
    fn label_key(&self) -> String {
        format!("activity-kind-{}", self.code())
    }
}

impl LabelKey for ruamjai_domain::engagement::activity::Status {
    fn label_key(&self) -> String {
        format!("activity-status-{}", self.code())
    }
}

impl LabelKey for ruamjai_domain::engagement::activity::Registration {
    fn label_key(&self) -> String {
        format!("activity-registration-{}", self.code())
    }
}

/// Templates hand over references to references; any depth will do.
impl<T: LabelKey + ?Sized> LabelKey for &T {
    fn label_key(&self) -> String {
        (**self).label_key()
    }
}
