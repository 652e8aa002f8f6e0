//! A revision's content as a page reads it, on a phone first: the sections
//! in print order and the procedure as a numbered list of steps, each with
//! its time, who does it, its control point and its forms. Staff read the
//! revision in force here before they acknowledge it; the public reads a
//! published one.

use askama::Template;
use ruamjai_domain::manual::{Flow, Target};
use ruamjai_domain::work_manual::{WorkManualContent, WorkStep};

use crate::manuals::{duration_text, total_text};
use crate::page::Page;

#[derive(Template)]
#[template(path = "manuals/work_content.html")]
pub(crate) struct WorkContent<'a> {
    pub page: &'a Page,
    pub content: &'a WorkManualContent,
    /// The level of the sections' headings in the page around them.
    pub level: u8,
}

impl WorkContent<'_> {
    fn total(&self) -> String {
        self.page.locale.ta(
            "wm-pdf-total",
            &[("total", total_text(self.page.locale, self.content.total_duration()).into())],
        )
    }

    fn duration(&self, step: &WorkStep) -> String {
        duration_text(self.page.locale, step.duration)
    }

    fn kind(&self, step: &WorkStep) -> String {
        self.page.t(&format!("wm-kind-{}", step.kind.code()))
    }

    /// Where step `i` (from 0) leads when that is not simply the next one.
    fn next(&self, i: usize) -> Option<String> {
        let step = &self.content.steps[i];
        let to = |target: Target| match target {
            Target::Step(n) => self.page.locale.ta("manual-to-step", &[("n", n.into())]),
            Target::End => self.page.t("wm-kind-end"),
        };
        match step.next {
            Flow::Decision { yes, no } => Some(format!(
                "{}: {} · {}: {}",
                self.page.t("flowchart-yes"),
                to(yes),
                self.page.t("flowchart-no"),
                to(no)
            )),
            Flow::Task { then: Target::Step(n) } if n as usize != i + 2 => Some(to(Target::Step(n))),
            Flow::Task { .. } => None,
        }
    }

    fn closing(&self) -> Vec<(&'static str, &str)> {
        let c = self.content;
        [
            ("wm-section-standards", c.standards.as_str()),
            ("wm-section-monitoring", c.monitoring.as_str()),
            ("wm-section-references", c.references.as_str()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .collect()
    }

    /// The content as HTML, to place inside another page.
    pub fn html(&self) -> Result<String, crate::AppError> {
        self.render().map_err(|e| crate::AppError::Internal(e.to_string()))
    }
}
