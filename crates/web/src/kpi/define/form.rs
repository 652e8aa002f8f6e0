//! The definition form's fields and the definition JSON, both ways: what a
//! definition shows as, and the JSON (whole, or a merge patch of an existing
//! indicator) that what was typed says.

use ruamjai_domain::kpi::{Contact, Indicator, Kind, Measured, Step};
use serde_json::{Map, Value, json};

/// Criteria a new milestone indicator may have: one per level of the scale.
pub(super) const NEW_STEPS: usize = 5;

/// The form's fields by name, as typed or as read from a definition.
pub(super) type Fields = Vec<(String, String)>;

pub(super) fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.trim())
}

/// A definition's fields as the form shows them.
pub(super) fn fields_of(indicator: &Indicator) -> Fields {
    let mut fields: Fields = [
        ("name_th", indicator.name_th.clone()),
        ("name_en", indicator.name_en.clone()),
        ("description_th", indicator.description_th.clone()),
        ("description_en", indicator.description_en.clone()),
        ("weight", indicator.weight.trimmed()),
        ("source_th", indicator.source_th.clone()),
        ("source_en", indicator.source_en.clone()),
        ("supervisor_th", indicator.supervisor.position_th.clone()),
        ("supervisor_en", indicator.supervisor.position_en.clone()),
        ("supervisor_phone", indicator.supervisor.phone.clone()),
        ("collectors", indicator.collectors.iter().map(collector_line).collect::<Vec<_>>().join("\n")),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value))
    .collect();
    if indicator.thai_digits {
        fields.push(("thai_digits".into(), "on".into()));
    }
    match &indicator.kind {
        Kind::Milestone { steps, settings } => {
            for (number, step) in (1..).zip(steps) {
                fields.push((format!("step.{number}.criterion_th"), step.criterion_th.clone()));
                fields.push((format!("step.{number}.criterion_en"), step.criterion_en.clone()));
            }
            // Only what differs from a default is stored, and only that is shown.
            fields.extend(settings.iter().map(|(name, v)| (format!("settings.{name}"), v.trimmed())));
        }
        Kind::Range { targets, direction, short_of_first, measured, unit_th, unit_en } => {
            fields.extend((1..).zip(targets).map(|(level, t)| (format!("targets.{level}"), t.trimmed())));
            let direction = serde_json::to_value(direction).ok().and_then(|d| d.as_str().map(str::to_owned));
            fields.push(("direction".into(), direction.unwrap_or_default()));
            fields.push(("measured".into(), measured_code(*measured).into()));
            fields.push(("short_of_first".into(), short_of_first.trimmed()));
            fields.push(("unit_th".into(), unit_th.clone()));
            fields.push(("unit_en".into(), unit_en.clone()));
        }
    }
    fields
}

fn measured_code(measured: Measured) -> &'static str {
    match measured {
        Measured::Entered => "entered",
        Measured::AnsweredInTimePct => "answered_in_time_pct",
        Measured::SatisfiedPct => "satisfied_pct",
    }
}

/// "ตำแหน่ง | Position | 0 2222 0000": one collector per line.
fn collector_line(c: &Contact) -> String {
    format!("{} | {} | {}", c.position_th, c.position_en, c.phone)
}

fn collectors(text: &str) -> Vec<Value> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut parts = line.split('|').map(str::trim);
            let (th, en, phone) = (parts.next(), parts.next(), parts.next());
            json!({ "position_th": th.unwrap_or(""), "position_en": en.unwrap_or(""), "phone": phone.unwrap_or("") })
        })
        .collect()
}

/// The definition JSON the form says: whole for a new indicator, the
/// fields it holds for `current` (whose code, kind and step rules stay).
pub(super) fn definition_of(fields: &Fields, current: Option<&Indicator>) -> Value {
    let text = |name: &str| Value::String(value(fields, name).to_owned());
    let mut definition = Map::new();
    for name in ["name_th", "name_en", "description_th", "description_en", "weight", "source_th", "source_en"]
    {
        definition.insert(name.into(), text(name));
    }
    definition.insert("thai_digits".into(), Value::Bool(!value(fields, "thai_digits").is_empty()));
    definition.insert(
        "supervisor".into(),
        json!({ "position_th": text("supervisor_th"), "position_en": text("supervisor_en"),
                "phone": text("supervisor_phone") }),
    );
    definition.insert("collectors".into(), Value::Array(collectors(value(fields, "collectors"))));
    let kind = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { .. }) => "milestone",
        Some(Kind::Range { .. }) => "range",
        None if value(fields, "kind") == "milestone" => "milestone",
        None => "range",
    };
    if current.is_none() {
        definition.insert("code".into(), text("code"));
        definition.insert("kind".into(), kind.into());
    }
    if kind == "milestone" {
        milestone_fields(fields, current, &mut definition);
    } else {
        range_fields(fields, &mut definition);
    }
    Value::Object(definition)
}

fn milestone_fields(fields: &Fields, current: Option<&Indicator>, definition: &mut Map<String, Value>) {
    let criterion =
        |number: usize, language: &str| value(fields, &format!("step.{number}.criterion_{language}"));
    let steps: Vec<Step> = match current.map(|i| &i.kind) {
        Some(Kind::Milestone { steps, .. }) => (1..)
            .zip(steps)
            .map(|(n, s)| Step {
                criterion_th: criterion(n, "th").into(),
                criterion_en: criterion(n, "en").into(),
                rule: s.rule,
            })
            .collect(),
        // A new milestone indicator's steps are signed off; empty criteria at the end are left out.
        _ => {
            let typed: Vec<Step> = (1..=NEW_STEPS)
                .map(|n| Step {
                    criterion_th: criterion(n, "th").into(),
                    criterion_en: criterion(n, "en").into(),
                    rule: None,
                })
                .collect();
            let used = typed.iter().rposition(|s| !s.criterion_th.is_empty() || !s.criterion_en.is_empty());
            typed.into_iter().take(used.map_or(0, |last| last + 1)).collect()
        }
    };
    let mut settings = Map::new();
    for name in steps.iter().filter_map(|s| s.rule).flat_map(|r| r.settings().into_iter().map(|(n, _)| n)) {
        // Empty puts the default back (`null` in a merge patch).
        let typed = value(fields, &format!("settings.{name}"));
        settings.insert(name.into(), if typed.is_empty() { Value::Null } else { typed.into() });
    }
    definition.insert("steps".into(), serde_json::to_value(steps).unwrap_or_default());
    if current.is_some() || !settings.is_empty() {
        definition.insert("settings".into(), Value::Object(settings));
    }
}

fn range_fields(fields: &Fields, definition: &mut Map<String, Value>) {
    let mut targets = Vec::new();
    for level in 1.. {
        let name = format!("targets.{level}");
        if !fields.iter().any(|(n, _)| *n == name) {
            break;
        }
        targets.push(Value::String(value(fields, &name).to_owned()));
    }
    definition.insert("targets".into(), Value::Array(targets));
    for name in ["direction", "measured", "unit_th", "unit_en"] {
        definition.insert(name.into(), value(fields, name).into());
    }
    let short = value(fields, "short_of_first");
    definition.insert("short_of_first".into(), if short.is_empty() { "0".into() } else { short.into() });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruamjai_domain::kpi::indicator4;

    #[test]
    fn indicator_4_read_into_the_form_and_back_is_unchanged() {
        let four = indicator4::definition();
        let patch = definition_of(&fields_of(&four), Some(&four));
        let mut merged = serde_json::to_value(&four).unwrap();
        for (key, value) in patch.as_object().unwrap() {
            if key != "settings" {
                merged[key] = value.clone();
            }
        }
        assert_eq!(serde_json::from_value::<Indicator>(merged).unwrap(), four);
    }

    #[test]
    fn a_new_milestone_indicator_keeps_its_criteria_up_to_the_last_one_typed() {
        let typed: Fields = [
            ("kind", "milestone"),
            ("code", "2.1"),
            ("step.1.criterion_th", "มีแผน"),
            ("step.3.criterion_th", "ประเมินผล"),
        ]
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .into();
        let definition = definition_of(&typed, None);
        let steps = definition["steps"].as_array().unwrap();
        assert_eq!(steps.len(), 3, "step 2 is left empty and is refused by name, not dropped");
        assert_eq!(steps[2]["criterion_th"], "ประเมินผล");
        assert!(steps.iter().all(|s| s.get("rule").is_none()), "signed off by the director");
    }
}
