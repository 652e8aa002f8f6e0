//! Who may do what, for every area, written once as a table.
//!
//! The rule follows the roles: officers and collectors work their own
//! division's things, a collector also approves for it; the director works
//! and approves center-wide; administrators run the platform (accounts, the
//! catalog, settings) and read everything; evaluators read evidence and
//! change nothing, and never see the public's personal data.
//!
//! Things that every division shares (the stakeholder directory, a
//! questionnaire) are worked by every working role: see `Owner`.

use super::Role;

/// What is acted on: one entry per kind of thing the product keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A submission in the inbox, owned by its service's division.
    Submission,
    Consultation,
    /// An activity with its invitations, registrations, check-ins and outcomes.
    Activity,
    /// The stakeholder directory, shared by every division.
    Directory,
    Questionnaire,
    Survey,
    ImprovementAction,
    ServiceStandard,
    CitizenManual,
    WorkManual,
    /// Services, divisions, stakeholder groups, service targets and holidays.
    Catalog,
    Accounts,
    Audit,
    Outbox,
    /// An indicator's definition; its step sign-offs are the director's approvals.
    Indicator,
    /// What the data collectors report per round: a range indicator's
    /// value with its evidence, and the round's written report.
    IndicatorValue,
    /// The evaluating committee's score of an indicator: the evaluators'
    /// one write, beside the Center's own assessment.
    CommitteeAssessment,
    /// A remark on a step of a sealed round: the evaluators ask, the
    /// director and the data collectors answer.
    RoundComment,
}

impl Subject {
    pub const ALL: [Subject; 18] = [
        Self::Submission,
        Self::Consultation,
        Self::Activity,
        Self::Directory,
        Self::Questionnaire,
        Self::Survey,
        Self::ImprovementAction,
        Self::ServiceStandard,
        Self::CitizenManual,
        Self::WorkManual,
        Self::Catalog,
        Self::Accounts,
        Self::Audit,
        Self::Outbox,
        Self::Indicator,
        Self::IndicatorValue,
        Self::CommitteeAssessment,
        Self::RoundComment,
    ];

    /// Where the work of an area is done, as opposed to the platform around it.
    fn is_work(self) -> bool {
        !matches!(self, Self::Catalog | Self::Accounts | Self::Audit | Self::Outbox)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    /// Create, edit, change status, invite, check in, import …
    Write,
    /// Review, approve and publish what others wrote.
    Approve,
}

/// How far a permission goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reach {
    Nothing,
    /// The things of the account's own division.
    Division,
    /// Everything of the Center.
    Center,
}

/// The table itself.
pub fn reach(role: Role, subject: Subject, action: Action) -> Reach {
    use {Action::*, Reach::*, Role::*};
    if !subject.is_work() {
        return match (role, subject, action) {
            (Administrator, _, Read | Write) => Center,
            (Director | Evaluator, Subject::Audit, Read) => Center,
            _ => Nothing,
        };
    }
    match (role, action) {
        // The committee scores the Center; nobody else writes its column,
        // and the committee writes nothing else.
        (Evaluator, Write) if subject == Subject::CommitteeAssessment => Center,
        (_, Write | Approve) if subject == Subject::CommitteeAssessment => Nothing,
        // A sealed round is discussed between the committee and those who
        // answer for the evidence; nobody approves a remark.
        (Evaluator | Director | Collector, Write) if subject == Subject::RoundComment => Center,
        (_, Write | Approve) if subject == Subject::RoundComment => Nothing,
        (Evaluator, Read) if subject == Subject::Directory => Nothing,
        (Evaluator | Administrator, Read) => Center,
        // Indicator definitions are the administrators'; the others work
        // towards them (values and sign-offs are actions of their own).
        (Administrator, Write) if subject == Subject::Indicator => Center,
        (_, Write) if subject == Subject::Indicator => Nothing,
        // Signing off a step is the director's alone.
        (Collector, Approve) if subject == Subject::Indicator => Nothing,
        // The sheet's data collectors are the divisions' directors, and
        // they report for the Center's indicators, not their division's.
        (Collector | Director, Write) if subject == Subject::IndicatorValue => Center,
        (_, Write | Approve) if subject == Subject::IndicatorValue => Nothing,
        (Director, _) => Center,
        // What the public brought holds their personal data: each division
        // reads its own. Everything else is read across the Center.
        (Collector | Officer, Read) if subject == Subject::Submission => Division,
        (Collector | Officer, Read) => Center,
        (Collector | Officer, Write) | (Collector, Approve) => Division,
        _ => Nothing,
    }
}

/// Who a thing belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    /// One division's: its officers and collectors reach it.
    Division(&'a str),
    /// The Center's as a whole (an activity of no division): only a
    /// center-wide reach gets there.
    Center,
    /// Every division's alike (the directory, a questionnaire).
    Shared,
}

/// Whether an account of `role` in `division` may act on a thing of `owner`.
pub fn permits(
    role: Role,
    division: Option<&str>,
    subject: Subject,
    action: Action,
    owner: Owner<'_>,
) -> bool {
    match (reach(role, subject, action), owner) {
        (Reach::Nothing, _) => false,
        (Reach::Center, _) => true,
        (Reach::Division, Owner::Division(owner)) => division == Some(owner),
        (Reach::Division, Owner::Shared) => true,
        (Reach::Division, Owner::Center) => false,
    }
}

/// Names, e-mail addresses and phones of the public: staff see them to do
/// the work; evaluators see evidence without them.
pub fn sees_personal_data(role: Role) -> bool {
    role != Role::Evaluator
}

#[cfg(test)]
mod tests {
    use super::Action::*;
    use super::Reach::*;
    use super::Subject::*;
    use super::*;

    /// The whole table for the areas whose rule the issue tracker asked to
    /// decide, row by row: (subject, action, [administrator, director,
    /// collector, officer, evaluator]).
    const TABLE: &[(Subject, Action, [Reach; 5])] = &[
        (Activity, Read, [Center, Center, Center, Center, Center]),
        (Activity, Write, [Nothing, Center, Division, Division, Nothing]),
        (Directory, Read, [Center, Center, Center, Center, Nothing]),
        (Directory, Write, [Nothing, Center, Division, Division, Nothing]),
        (Submission, Read, [Center, Center, Division, Division, Center]),
        (Submission, Write, [Nothing, Center, Division, Division, Nothing]),
        (Survey, Write, [Nothing, Center, Division, Division, Nothing]),
        (CitizenManual, Write, [Nothing, Center, Division, Division, Nothing]),
        (CitizenManual, Approve, [Nothing, Center, Division, Nothing, Nothing]),
        (WorkManual, Approve, [Nothing, Center, Division, Nothing, Nothing]),
        (Catalog, Write, [Center, Nothing, Nothing, Nothing, Nothing]),
        (Accounts, Read, [Center, Nothing, Nothing, Nothing, Nothing]),
        (Audit, Read, [Center, Center, Nothing, Nothing, Center]),
        (Outbox, Read, [Center, Nothing, Nothing, Nothing, Nothing]),
        (Indicator, Write, [Center, Nothing, Nothing, Nothing, Nothing]),
        (Indicator, Read, [Center, Center, Center, Center, Center]),
        (Indicator, Approve, [Nothing, Center, Nothing, Nothing, Nothing]),
        (IndicatorValue, Write, [Nothing, Center, Center, Nothing, Nothing]),
        (IndicatorValue, Approve, [Nothing, Nothing, Nothing, Nothing, Nothing]),
        (CommitteeAssessment, Write, [Nothing, Nothing, Nothing, Nothing, Center]),
        (CommitteeAssessment, Read, [Center, Center, Center, Center, Center]),
        (RoundComment, Write, [Nothing, Center, Center, Nothing, Center]),
        (RoundComment, Approve, [Nothing, Nothing, Nothing, Nothing, Nothing]),
        (RoundComment, Read, [Center, Center, Center, Center, Center]),
    ];

    #[test]
    fn the_table_holds_for_every_role() {
        for (subject, action, expected) in TABLE {
            let actual = Role::ALL.map(|role| reach(role, *subject, *action));
            assert_eq!(&actual, expected, "{subject:?} {action:?}");
        }
    }

    #[test]
    fn evaluators_change_nothing_but_their_own_assessment_and_remarks() {
        for subject in Subject::ALL.into_iter().filter(|s| !matches!(s, CommitteeAssessment | RoundComment)) {
            for action in [Write, Approve] {
                assert_eq!(reach(Role::Evaluator, subject, action), Nothing, "{subject:?}");
            }
        }
        assert!(!sees_personal_data(Role::Evaluator) && sees_personal_data(Role::Officer));
    }

    #[test]
    fn division_reach_stops_at_the_division() {
        let infra = Some("infrastructure");
        let (ours, theirs) = (Owner::Division("infrastructure"), Owner::Division("strategy"));
        assert!(permits(Role::Officer, infra, Activity, Write, ours));
        assert!(!permits(Role::Officer, infra, Activity, Write, theirs));
        assert!(!permits(Role::Officer, infra, Activity, Write, Owner::Center), "the director's");
        assert!(permits(Role::Director, None, Activity, Write, theirs));
        assert!(permits(Role::Officer, infra, Directory, Write, Owner::Shared));
        assert!(permits(Role::Collector, infra, Activity, Read, theirs));
    }
}
