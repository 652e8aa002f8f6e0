//! Where a Thai run may be cut: between Thai character clusters. A cut may
//! not fall before a vowel written above, below or after its consonant, nor
//! before a tone mark, nor after a vowel written before its consonant.

/// Marks and vowels that belong to the character before them.
fn attaches_to_previous(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}' | '\u{0E47}'..='\u{0E4E}')
}

/// Vowels written before the consonant they follow in speech (เ แ โ ใ ไ).
fn leads(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// Whether `c` is Thai script used in words (letters, vowels, marks, ๆ, ฯ),
/// not a Thai digit or sign.
pub(crate) fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E4E}')
}

/// Byte offsets in `run` where a cut is allowed, with 0 and `run.len()`.
pub(crate) fn boundaries(run: &str) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut previous: Option<char> = None;
    for (at, c) in run.char_indices() {
        if let Some(p) = previous
            && !attaches_to_previous(c)
            && !leads(p)
        {
            cuts.push(at);
        }
        previous = Some(c);
    }
    if !run.is_empty() {
        cuts.push(run.len());
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters(run: &str) -> Vec<&str> {
        boundaries(run).windows(2).map(|w| &run[w[0]..w[1]]).collect()
    }

    #[test]
    fn vowels_and_tone_marks_stay_with_their_consonant() {
        assert_eq!(clusters("ที่"), ["ที่"]);
        assert_eq!(clusters("คำ"), ["คำ"]);
        assert_eq!(clusters("กา"), ["กา"]);
    }

    #[test]
    fn a_leading_vowel_stays_with_the_consonant_after_it() {
        assert_eq!(clusters("เกม"), ["เก", "ม"]);
        assert_eq!(clusters("ไม่"), ["ไม่"]);
    }
}
