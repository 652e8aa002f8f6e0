//! What every HTML page knows: its language, who is signed in, its CSRF token
//! and its own address (for the language switch). Also the error page that
//! `render_errors` shows.

use std::sync::OnceLock;

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_TYPE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use ruamjai_store::accounts::StaffUser;

use crate::auth::csrf::CSRF_COOKIE;
use crate::auth::session::{CurrentSession, urlencode};
use ruamjai_app::secrets::random_token;

use crate::auth::{cookie, set_cookie};
use crate::i18n::{Locale, page_locale};
use crate::kit::flash::{FLASH_COOKIE, Flash};
use crate::kit::labels::LabelKey;
use crate::{AppError, AppState};

pub struct Page {
    pub locale: Locale,
    pub user: Option<StaffUser>,
    /// The path and query of this page, to come back to after switching language.
    pub here: String,
    cookie_secure: bool,
    session_csrf: Option<String>,
    cookie_csrf: Option<String>,
    fresh_csrf: OnceLock<String>,
    /// What the write before this page did, shown once.
    flash: Option<Flash>,
}

impl<S: Send + Sync> FromRequestParts<S> for Page
where
    AppState: axum::extract::FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = <AppState as axum::extract::FromRef<S>>::from_ref(state);
        let session = parts.extensions.get::<CurrentSession>().and_then(|s| s.0.clone());
        Ok(Self {
            locale: page_locale(&parts.headers),
            here: parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned(),
            cookie_secure: state.config.cookie_secure,
            session_csrf: session.as_ref().map(|s| s.csrf_token.clone()),
            cookie_csrf: cookie(&parts.headers, CSRF_COOKIE).map(str::to_owned),
            user: session.map(|s| s.user),
            fresh_csrf: OnceLock::new(),
            flash: cookie(&parts.headers, FLASH_COOKIE).and_then(Flash::from_code),
        })
    }
}

impl Page {
    /// A page for a request whose session is unknown (the error pages).
    pub fn anonymous(locale: Locale) -> Self {
        Self {
            locale,
            user: None,
            here: "/".into(),
            cookie_secure: true,
            session_csrf: None,
            cookie_csrf: None,
            fresh_csrf: OnceLock::new(),
            flash: None,
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// A message with a `$count` in it.
    pub fn ta_count(&self, key: &str, count: usize) -> String {
        self.locale.ta(key, &[("count", i64::try_from(count).unwrap_or(i64::MAX).into())])
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn pick<'a>(&self, th: &'a str, en: &'a str) -> &'a str {
        self.locale.pick(th, en)
    }

    /// The link of the language switch: the other language, back to this page.
    pub fn switch_href(&self) -> String {
        format!("/lang/{}?next={}", self.locale.other().code(), urlencode(&self.here))
    }

    pub fn switch_lang(&self) -> &'static str {
        self.locale.other().code()
    }

    /// The token a form on this page must carry. Reading it for a visitor
    /// without one creates it, and `render` then sets its cookie.
    pub fn csrf(&self) -> &str {
        if let Some(token) = self.session_csrf.as_deref().or(self.cookie_csrf.as_deref()) {
            return token;
        }
        self.fresh_csrf.get_or_init(random_token)
    }

    pub fn style_url(&self) -> &'static str {
        crate::assets::STYLE_URL.as_str()
    }

    /// A phone number as a `tel:` link target: its digits only.
    pub fn tel(&self, phone: &str) -> String {
        phone.chars().filter(char::is_ascii_digit).collect()
    }

    /// The label of a kind, status or channel in this page's language.
    pub fn label(&self, item: impl LabelKey) -> String {
        self.t(&item.label_key())
    }

    /// Registered, waitlisted, walk-in or cancelled, in this page's language.
    pub fn place_label(&self, place: &ruamjai_store::engagement::Place) -> String {
        self.t(&format!("place-{}", place.code()))
    }

    pub fn role_label(&self, role: &ruamjai_domain::accounts::Role) -> String {
        self.t(&format!("role-{}", role.as_str()))
    }

    pub fn role_name(&self) -> String {
        self.user.as_ref().map(|u| self.t(&format!("role-{}", u.role.as_str()))).unwrap_or_default()
    }

    /// The confirmation of the write that led here, in this page's language.
    pub fn flash(&self) -> Option<String> {
        self.flash.map(|flash| self.t(&flash.message_key()))
    }

    /// After a write: see `to`, where the page confirms it with `flash`.
    pub fn redirect(&self, to: &str, flash: Flash) -> Response {
        let mut response = Redirect::to(to).into_response();
        let value = set_cookie(FLASH_COOKIE, flash.code(), 120, self.cookie_secure);
        response.headers_mut().append(SET_COOKIE, HeaderValue::from_str(&value).expect("the code is ASCII"));
        response
    }

    /// Renders a template as this page's response, with any cookie it needs.
    pub fn render(&self, template: &impl Template) -> Result<Response, AppError> {
        self.render_with_status(StatusCode::OK, template)
    }

    pub fn render_with_status(
        &self,
        status: StatusCode,
        template: &impl Template,
    ) -> Result<Response, AppError> {
        let html = template.render()?;
        let mut response = (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
        if let Some(token) = self.fresh_csrf.get() {
            let value = set_cookie(CSRF_COOKIE, token, 60 * 60 * 24, self.cookie_secure);
            response.headers_mut().append(SET_COOKIE, HeaderValue::from_str(&value).expect("token is ASCII"));
        }
        if self.flash.is_some() {
            let value = set_cookie(FLASH_COOKIE, "", 0, self.cookie_secure);
            response.headers_mut().append(SET_COOKIE, HeaderValue::from_str(&value).expect("ASCII"));
        }
        Ok(response)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    page: &'a Page,
    status: u16,
    key: &'a str,
    detail_key: String,
}

/// The localized HTML page for an error status.
pub fn error_page(locale: Locale, status: StatusCode, key: &str) -> Response {
    let page = Page::anonymous(locale);
    let template =
        ErrorTemplate { page: &page, status: status.as_u16(), key, detail_key: format!("{key}-detail") };
    match template.render() {
        Ok(html) => (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(_) => (status, [(CONTENT_TYPE, "text/plain; charset=utf-8")], status.to_string()).into_response(),
    }
}
