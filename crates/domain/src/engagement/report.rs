//! The fiscal year's relationship activities for the KPI evidence: activities
//! held by kind, division and target group; registrations against attendance
//! per group; follow-up completion.

use std::collections::BTreeMap;

use super::activity::{Kind, Status};

/// One activity of the year, as the store reads it.
#[derive(Debug, Clone)]
pub struct ActivityLine {
    pub kind: Kind,
    pub status: Status,
    pub division_code: Option<String>,
    pub target_groups: Vec<String>,
    /// `(group code, registered or walked in, attended)`.
    pub by_group: Vec<(String, i64, i64)>,
    pub follow_ups: i64,
    pub follow_ups_done: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    pub registered: i64,
    pub attended: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EngagementReport {
    pub planned: i64,
    pub held: i64,
    pub cancelled_or_postponed: i64,
    /// Held activities only, below.
    pub held_by_kind: BTreeMap<&'static str, i64>,
    /// `None` when no division was named.
    pub held_by_division: BTreeMap<Option<String>, i64>,
    pub held_by_target_group: BTreeMap<String, i64>,
    pub attendance_by_group: BTreeMap<String, Attendance>,
    pub follow_ups: i64,
    pub follow_ups_done: i64,
}

impl EngagementReport {
    pub fn build(lines: &[ActivityLine]) -> Self {
        let mut report = Self::default();
        for line in lines {
            match line.status {
                Status::Planned => report.planned += 1,
                Status::Cancelled | Status::Postponed => report.cancelled_or_postponed += 1,
                Status::Held => {
                    report.held += 1;
                    *report.held_by_kind.entry(line.kind.code()).or_default() += 1;
                    *report.held_by_division.entry(line.division_code.clone()).or_default() += 1;
                    for group in &line.target_groups {
                        *report.held_by_target_group.entry(group.clone()).or_default() += 1;
                    }
                    for (group, registered, attended) in &line.by_group {
                        let entry = report.attendance_by_group.entry(group.clone()).or_default();
                        entry.registered += registered;
                        entry.attended += attended;
                    }
                }
            }
            report.follow_ups += line.follow_ups;
            report.follow_ups_done += line.follow_ups_done;
        }
        report
    }

    /// Follow-ups done as a share of all, `None` with none recorded.
    pub fn follow_up_completion(&self) -> Option<f64> {
        (self.follow_ups > 0).then(|| self.follow_ups_done as f64 / self.follow_ups as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: Kind, status: Status, groups: &[(&str, i64, i64)]) -> ActivityLine {
        ActivityLine {
            kind,
            status,
            division_code: Some("strategy".into()),
            target_groups: groups.iter().map(|(g, _, _)| (*g).to_owned()).collect(),
            by_group: groups.iter().map(|(g, r, a)| ((*g).to_owned(), *r, *a)).collect(),
            follow_ups: 2,
            follow_ups_done: 1,
        }
    }

    #[test]
    fn only_held_activities_count_as_held_and_attendance_sums_per_group() {
        let report = EngagementReport::build(&[
            line(Kind::Seminar, Status::Held, &[("provinces", 40, 35), ("private-sector", 10, 6)]),
            line(Kind::Training, Status::Held, &[("provinces", 20, 20)]),
            line(Kind::Meeting, Status::Cancelled, &[("provinces", 5, 0)]),
            line(Kind::Meeting, Status::Planned, &[]),
        ]);
        assert_eq!((report.held, report.planned, report.cancelled_or_postponed), (2, 1, 1));
        assert_eq!(report.held_by_kind.get("seminar"), Some(&1));
        assert_eq!(report.held_by_target_group.get("provinces"), Some(&2));
        assert_eq!(report.attendance_by_group["provinces"], Attendance { registered: 60, attended: 55 });
        assert_eq!(report.follow_up_completion(), Some(0.5));
        assert_eq!(EngagementReport::build(&[]).follow_up_completion(), None);
    }
}
