//! The draft's shape as the OpenAPI document describes it. The handler
//! reads `ruamjai_domain::work_manual::WorkManualInput` itself (lenient
//! numbers, one parser for the form and the API); these types only
//! document it.

use utoipa::ToSchema;

/// The draft's sections and what the revision changes, as
/// `ruamjai_domain::work_manual::WorkManualInput` reads them (documented here).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualDraftRequest {
    objective: Option<String>,
    scope: Option<String>,
    definitions: Option<Vec<WorkManualDefinitionSchema>>,
    responsibilities: Option<Vec<WorkManualResponsibilitySchema>>,
    steps: Option<Vec<WorkManualStepSchema>>,
    standards: Option<String>,
    monitoring: Option<String>,
    references: Option<String>,
    /// The forms the work uses, by title and address (an attached file's
    /// `/work-manuals/{id}/forms/{file}`, or a web address).
    forms: Option<Vec<WorkManualFormSchema>>,
    change_summary: Option<String>,
    /// Whether the staff addressed must read it again (default true).
    requires_reading: Option<bool>,
    /// major (the default) or minor (a correction that keeps acknowledgements).
    #[schema(example = "major")]
    change: Option<String>,
    /// Why a minor change is minor; required for one.
    change_reason: Option<String>,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualFormSchema {
    title: String,
    url: String,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualDefinitionSchema {
    term: String,
    meaning: String,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualResponsibilitySchema {
    role: String,
    duties: String,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualStepSchema {
    title: String,
    detail: Option<String>,
    /// start, process (the default), decision, document or end.
    #[schema(example = "process")]
    kind: Option<String>,
    responsible: Option<String>,
    duration: Option<WorkManualDurationSchema>,
    standard: Option<String>,
    forms: Option<String>,
    /// Where a step other than a decision leads, when not to the following one: a step number or "end".
    #[schema(value_type = Option<String>)]
    then: Option<String>,
    /// A decision's next step on "yes" and "no": a step number or "end".
    #[schema(value_type = Option<String>)]
    yes: Option<String>,
    #[schema(value_type = Option<String>)]
    no: Option<String>,
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WorkManualDurationSchema {
    value: u32,
    /// minutes, hours, working_days or days.
    #[schema(example = "working_days")]
    unit: String,
}
