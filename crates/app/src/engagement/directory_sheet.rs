//! The stakeholder directory as the sheet staff keep in Excel: its column
//! headings and words in either language, and the directory written back
//! under them, so that an export imports back as it was.

use ruamjai_domain::catalog::{Catalog, Code};
use ruamjai_domain::engagement::directory::PdpaBasis;
use ruamjai_domain::engagement::directory_import::{Column, Vocabulary};
use ruamjai_i18n::Locale;
use ruamjai_store::engagement::Organisation;

/// A column's heading in `locale`.
pub fn column_heading(locale: Locale, column: Column) -> String {
    locale.t(&format!("directory-col-{}", column.code().replace('_', "-")))
}

/// The words a sheet may use: each column heading, group name and PDPA
/// basis as either language writes it, so an export in Thai or English
/// imports back as it was.
pub fn vocabulary(catalog: &Catalog) -> Vocabulary {
    let both = |key: &str| [Locale::Th.t(key), Locale::En.t(key)];
    Vocabulary {
        headers: Column::ALL
            .into_iter()
            .flat_map(|c| both(&format!("directory-col-{}", c.code().replace('_', "-"))).map(|w| (w, c)))
            .collect(),
        groups: catalog
            .groups
            .iter()
            .filter_map(|g| Code::parse(&g.code).ok().map(|code| (g, code)))
            .flat_map(|(g, code)| [(g.name_th.clone(), code.clone()), (g.name_en.clone(), code)])
            .collect(),
        bases: PdpaBasis::ALL
            .into_iter()
            .flat_map(|b| both(&format!("pdpa-basis-{}", b.code())).map(|w| (w, b)))
            .collect(),
    }
}

/// The directory as rows under the import's own headings, in `locale`:
/// what the export writes and the import reads back.
pub fn export_rows(
    locale: Locale,
    catalog: &Catalog,
    organisations: &[Organisation],
) -> (Vec<String>, Vec<Vec<String>>) {
    let headings = Column::ALL.into_iter().map(|c| column_heading(locale, c)).collect();
    let group = |code: &str| -> String {
        let group = catalog.groups.iter().find(|g| g.code == code);
        group.map_or_else(|| code.to_owned(), |g| locale.pick(&g.name_th, &g.name_en).to_owned())
    };
    let mut rows = Vec::new();
    for o in organisations {
        let organisation = [
            o.name.clone(),
            group(&o.group_code),
            o.province.clone().unwrap_or_default(),
            o.org_type.clone().unwrap_or_default(),
        ];
        let live: Vec<_> = o.contacts.iter().filter(|c| c.erased_at.is_none()).collect();
        if live.is_empty() {
            rows.push(organisation.iter().cloned().chain(std::iter::repeat_n(String::new(), 6)).collect());
        }
        for c in live {
            let contact = [
                c.name.clone().unwrap_or_default(),
                c.position.clone().unwrap_or_default(),
                c.email.clone().unwrap_or_default(),
                c.phone.clone().unwrap_or_default(),
                locale.t(&format!("pdpa-basis-{}", c.pdpa_basis.code())),
                c.given_on.to_string(),
            ];
            rows.push(organisation.iter().cloned().chain(contact).collect());
        }
    }
    (headings, rows)
}
