//! Administrators define the indicators of a year: a new one whole, an
//! existing one by a JSON merge patch of the fields that change (RFC 7396:
//! what is given replaces, `null` in `settings` puts a default back).

use ruamjai_domain::accounts::FieldError;
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Decimal, Indicator};
use serde_json::{Map, Value};

use crate::{App, Caller, Error, Result};

/// The fields a definition holds (`code` names it and is not patched).
const FIELDS: &[&str] = &[
    "code",
    "name_th",
    "name_en",
    "description_th",
    "description_en",
    "weight",
    "kind",
    "steps",
    "settings",
    "targets",
    "direction",
    "short_of_first",
    "measured",
    "supervisor",
    "collectors",
    "source_th",
    "source_en",
    "thai_digits",
    "unit_th",
    "unit_en",
];

/// One indicator's definition.
pub async fn definition(app: &App, caller: &Caller, year: FiscalYear, code: &str) -> Result<Indicator> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    super::find(app, year, code).await
}

/// Adds an indicator to the year's scorecard.
#[tracing::instrument(skip(app, caller, definition))]
pub async fn create(app: &App, caller: &Caller, year: FiscalYear, definition: Value) -> Result<Indicator> {
    let actor = caller.may(Subject::Indicator, Action::Write, Owner::Center)?;
    let indicator = parse(definition)?;
    let card = app.store().scorecard(year).await?;
    if card.indicators.iter().any(|i| i.code == indicator.code) {
        return Err(Error::ConflictOn {
            key: "indicator-exists",
            field: "code",
            reason: FieldError::AlreadyExists,
        });
    }
    indicator.check(card.scale).map_err(Error::InvalidItems)?;
    app.store().save_indicator(&actor, year, &indicator, app.now()).await?;
    Ok(indicator)
}

/// Changes the fields `patch` gives of the indicator `code`.
#[tracing::instrument(skip(app, caller, patch))]
pub async fn amend(
    app: &App,
    caller: &Caller,
    year: FiscalYear,
    code: &str,
    patch: Value,
) -> Result<Indicator> {
    let actor = caller.may(Subject::Indicator, Action::Write, Owner::Center)?;
    let card = app.store().scorecard(year).await?;
    let current = card.indicators.iter().find(|i| i.code == code).ok_or(Error::NotFound)?;
    let Value::Object(patch) = patch else { return Err(Error::field("definition", FieldError::WrongType)) };
    if patch.get("code").is_some_and(|c| c.as_str() != Some(code)) {
        return Err(Error::field("code", FieldError::UnknownField));
    }
    let mut merged = serde_json::to_value(current).map_err(|e| Error::Internal(e.to_string()))?;
    merge(&mut merged, patch);
    let indicator = parse(merged)?;
    indicator.check(card.scale).map_err(Error::InvalidItems)?;
    app.store().save_indicator(&actor, year, &indicator, app.now()).await?;
    Ok(indicator)
}

/// Starts year `to` with the indicators of year `from`.
#[tracing::instrument(skip(app, caller))]
pub async fn copy_year(app: &App, caller: &Caller, from: FiscalYear, to: FiscalYear) -> Result<usize> {
    let actor = caller.may(Subject::Indicator, Action::Write, Owner::Center)?;
    Ok(app.store().copy_scorecard(&actor, from, to, app.now()).await?)
}

/// A definition read from JSON, each refused field named: unknown fields,
/// figures that are not numbers, and then whatever else does not read.
fn parse(definition: Value) -> Result<Indicator> {
    let Value::Object(fields) = &definition else {
        return Err(Error::field("definition", FieldError::WrongType));
    };
    let mut errors = Vec::new();
    for (name, value) in fields {
        if !FIELDS.contains(&name.as_str()) {
            errors.push((name.clone(), FieldError::UnknownField));
            continue;
        }
        let figures: Vec<(String, &Value)> = match (name.as_str(), value) {
            ("weight" | "short_of_first", v) => vec![(name.clone(), v)],
            ("targets", Value::Array(targets)) => {
                targets.iter().enumerate().map(|(i, v)| (format!("targets.{}", i + 1), v)).collect()
            }
            ("settings", Value::Object(settings)) => {
                settings.iter().map(|(k, v)| (format!("settings.{k}"), v)).collect()
            }
            _ => Vec::new(),
        };
        for (field, value) in figures {
            if let Err(error) = figure(value) {
                errors.push((field, error));
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::InvalidItems(errors));
    }
    serde_json::from_value(definition)
        .map_err(|e| Error::InvalidItems(vec![(field_of(&e), FieldError::WrongType)]))
}

fn figure(value: &Value) -> std::result::Result<Decimal, FieldError> {
    match value {
        Value::Number(n) => Decimal::parse(&n.to_string()),
        Value::String(s) => Decimal::parse(s),
        Value::Null => Err(FieldError::Required),
        _ => Err(FieldError::NotADecimal),
    }
}

/// The field serde names in its message (``missing field `name_th` ``), or the whole definition.
fn field_of(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let named = message.split('`').nth(1).filter(|name| FIELDS.contains(name));
    named.unwrap_or("definition").to_owned()
}

/// RFC 7396 merge: objects merge key by key, `null` removes, anything else replaces.
fn merge(target: &mut Value, patch: Map<String, Value>) {
    let Value::Object(target) = target else { return };
    for (key, value) in patch {
        match (target.get_mut(&key), value) {
            (_, Value::Null) => {
                target.remove(&key);
            }
            (Some(Value::Object(_)), Value::Object(inner)) if key == "settings" => {
                if let Some(existing) = target.get_mut(&key) {
                    merge(existing, inner);
                }
            }
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_merge_patch_replaces_what_it_gives_and_keeps_the_rest() {
        let mut target =
            json!({ "weight": 25, "name_th": "ก", "settings": { "s2_min_groups": 4, "s1_min_channels": 2 } });
        let patch = json!({ "weight": 30, "settings": { "s2_min_groups": 5, "s1_min_channels": null } });
        let Value::Object(patch) = patch else { unreachable!() };
        merge(&mut target, patch);
        assert_eq!(target, json!({ "weight": 30, "name_th": "ก", "settings": { "s2_min_groups": 5 } }));
    }

    #[test]
    fn refused_fields_are_named() {
        let refused = |definition: Value| match parse(definition) {
            Err(Error::InvalidItems(errors)) => errors,
            other => panic!("{other:?}"),
        };
        let mut four = serde_json::to_value(ruamjai_domain::kpi::indicator4::definition()).unwrap();
        four["weight"] = json!("a quarter");
        four["settings"] = json!({ "s2_min_groups": true });
        four["colour"] = json!("red");
        assert_eq!(
            refused(four.clone()),
            [
                ("colour".to_owned(), FieldError::UnknownField),
                ("settings.s2_min_groups".to_owned(), FieldError::NotADecimal),
                ("weight".to_owned(), FieldError::NotADecimal),
            ]
        );
        let mut unnamed = serde_json::to_value(ruamjai_domain::kpi::indicator4::definition()).unwrap();
        unnamed.as_object_mut().unwrap().remove("name_th");
        assert_eq!(refused(unnamed), [("name_th".to_owned(), FieldError::WrongType)]);
    }
}
