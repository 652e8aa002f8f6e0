//! Labels of codes in the page's language, from one place: services,
//! stakeholder groups and divisions from the cached catalog (`Names`, the
//! i18n crate's, so that documents composed in `app` name them alike), and
//! kinds, statuses, channels and phases from their message keys
//! (`LabelKey`, read by `Page::label`).

use ruamjai_domain::participation::consultation::{Phase, Subject};
use ruamjai_domain::participation::{Channel, Kind, Status};
pub use ruamjai_i18n::Names;

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

impl LabelKey for ruamjai_store::engagement::Place {
    fn label_key(&self) -> String {
        format!("place-{}", self.code())
    }
}

/// Templates hand over references to references; any depth will do.
impl<T: LabelKey + ?Sized> LabelKey for &T {
    fn label_key(&self) -> String {
        (**self).label_key()
    }
}
