//! Labels of codes — services, stakeholder groups, divisions — in the page's
//! language, read from the cached catalog; every page shows codes this way.

use ruamjai_domain::catalog::Catalog;

use crate::page::Page;

/// Names of catalog entries in the page's language.
pub struct Names<'a> {
    pub page: &'a Page,
    pub catalog: &'a Catalog,
}

impl Names<'_> {
    pub fn group(&self, code: &str) -> String {
        self.catalog
            .groups
            .iter()
            .find(|g| g.code == code)
            .map_or_else(|| code.to_owned(), |g| self.page.pick(&g.name_th, &g.name_en).to_owned())
    }

    pub fn service(&self, code: &str) -> String {
        self.catalog
            .services
            .iter()
            .find(|s| s.code == code)
            .map_or_else(|| code.to_owned(), |s| self.page.pick(&s.name_th, &s.name_en).to_owned())
    }

    pub fn division(&self, code: &str) -> String {
        self.catalog
            .division(code)
            .map_or_else(|| code.to_owned(), |d| self.page.pick(&d.name_th, &d.name_en).to_owned())
    }
}
