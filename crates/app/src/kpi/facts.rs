//! The facts of one evaluation, read from the store once per rule however
//! many indicators use the rule.

use ruamjai_domain::kpi::rules::{
    ChannelFacts, CitizenManualFacts, RelationshipFacts, SatisfactionFacts, WorkManualFacts,
};
use ruamjai_domain::kpi::{Decimal, Indicator, Rule, Verdict};
use ruamjai_store::Store;
use ruamjai_store::kpi::facts::AsOf;

use crate::{Error, Result};

pub(super) struct Facts<'a> {
    store: &'a Store,
    at: AsOf,
    channels: Option<ChannelFacts>,
    relationships: Option<RelationshipFacts>,
    satisfaction: Option<SatisfactionFacts>,
    citizen_manuals: Option<CitizenManualFacts>,
    work_manuals: Option<WorkManualFacts>,
}

impl<'a> Facts<'a> {
    pub(super) fn new(store: &'a Store, at: AsOf) -> Self {
        Self {
            store,
            at,
            channels: None,
            relationships: None,
            satisfaction: None,
            citizen_manuals: None,
            work_manuals: None,
        }
    }

    /// `rule` judged with `indicator`'s settings.
    pub(super) async fn judge(&mut self, rule: Rule, indicator: &Indicator) -> Result<Verdict> {
        let (store, at) = (self.store, self.at);
        Ok(match rule {
            Rule::Channels => cached(&mut self.channels, store.channel_facts(at)).await?.judge(indicator),
            Rule::Relationships => {
                cached(&mut self.relationships, store.relationship_facts(at)).await?.judge(indicator)
            }
            Rule::Satisfaction => {
                cached(&mut self.satisfaction, store.satisfaction_facts(at)).await?.judge(indicator)
            }
            Rule::CitizenManuals => {
                cached(&mut self.citizen_manuals, store.citizen_manual_facts(at)).await?.judge()
            }
            Rule::WorkManuals => {
                cached(&mut self.work_manuals, store.work_manual_facts(at)).await?.judge(indicator)
            }
        })
    }

    /// Share of the year's answered submissions answered in time.
    pub(super) async fn answered_in_time_pct(&mut self) -> Result<Option<Decimal>> {
        let channels = cached(&mut self.channels, self.store.channel_facts(self.at)).await?;
        Ok(Decimal::percent(channels.answered_in_time, channels.answered))
    }

    /// Share of the year's five-point answers that are 4 or 5.
    pub(super) async fn satisfied_pct(&mut self) -> Result<Option<Decimal>> {
        let counts = self.store.scale_counts(self.at).await?;
        let [c1, c2, c3, c4, c5] = counts.dist;
        Ok(Decimal::percent(c4 + c5, c1 + c2 + c3 + c4 + c5))
    }
}

/// What `slot` holds, read by `fetch` the first time.
async fn cached<T>(
    slot: &mut Option<T>,
    fetch: impl Future<Output = ruamjai_store::Result<T>>,
) -> Result<&T> {
    if slot.is_none() {
        *slot = Some(fetch.await?);
    }
    slot.as_ref().ok_or_else(|| Error::Internal("a fact read was not kept".into()))
}
