//! The one-line confirmation a staff page shows after a write that
//! redirected (post-redirect-get): "บันทึกแล้ว". It rides a short-lived
//! cookie holding only its code, so nothing a visitor sends can choose the
//! words, and the page that shows it clears it.

/// What was just done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flash {
    Saved,
    Created,
    Sent,
}

pub const FLASH_COOKIE: &str = "flash";

impl Flash {
    pub fn code(self) -> &'static str {
        match self {
            Self::Saved => "saved",
            Self::Created => "created",
            Self::Sent => "sent",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Saved, Self::Created, Self::Sent].into_iter().find(|f| f.code() == code)
    }

    pub fn message_key(self) -> String {
        format!("flash-{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_codes_come_back() {
        for flash in [Flash::Saved, Flash::Created, Flash::Sent] {
            assert_eq!(Flash::from_code(flash.code()), Some(flash));
        }
        assert_eq!(Flash::from_code("<script>"), None);
    }
}
