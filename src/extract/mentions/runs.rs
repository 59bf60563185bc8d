//! Runs of capitalised tokens, and how their context types them.

use std::collections::HashMap;

use crate::text::Span;

use super::{normalise_name, Doc, Pending, CONNECTORS, PERSON_AFTER, PLACE_CUES};
use crate::extract::EntityType;

impl Doc<'_> {
    /// Finds every run of capitalised tokens and classifies it.
    pub(super) fn runs(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.run_at(i) {
                Some(end) => {
                    self.classify(i, end);
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// The end of the run starting at token `i`, if one starts there.
    fn run_at(&self, i: usize) -> Option<usize> {
        let starts =
            self.forced.contains_key(&i) || self.hits.contains_key(&i) || self.is_name_word(i);
        if !starts || self.taken[i] {
            return None;
        }
        let mut end = self.span_end(i);
        while end < self.toks.len() && self.joinable(end - 1) && !self.initial[end] {
            if self.is_name_word(end) || self.hits.contains_key(&end) {
                end = self.span_end(end);
            } else if self.joins_next(end) {
                end += 1;
            } else if self.is_lower_head(end) {
                end += 1;
                break;
            } else {
                break;
            }
        }
        Some(end)
    }

    /// The end of the token at `i`, or of the gazetteer name starting there.
    fn span_end(&self, i: usize) -> usize {
        let hit = self.hits.get(&i).map(|&(end, _)| end);
        let forced = self.forced.get(&i).map(|&(end, _)| end);
        hit.max(forced).unwrap_or(i + 1).max(i + 1)
    }

    fn is_name_word(&self, i: usize) -> bool {
        let word = self.word(i);
        // "Jan. 5": an abbreviated month is a date, though "Jan" is a name too.
        let month_abbreviation = super::capitalised_month(word).is_some()
            && self.text.as_bytes().get(self.toks[i].end) == Some(&b'.');
        self.is_capital(i)
            && capitalised_month_or_day(word).is_none()
            && !month_abbreviation
            && word != "I"
    }

    fn joins_next(&self, i: usize) -> bool {
        CONNECTORS.contains(&self.word(i)) && self.joinable(i) && self.is_name_word(i + 1)
    }

    /// "Yasukuni shrine", "Irkutsk declaration": a lower-case head after a name.
    fn is_lower_head(&self, i: usize) -> bool {
        let word = self.word(i);
        word.starts_with(|c: char| c.is_lowercase()) && self.g.head(word).is_some()
    }

    /// Types the run `a..b`, pushing mentions or pending words.
    fn classify(&mut self, a: usize, b: usize) {
        let a = self.strip_leading(a, b);
        if a >= b {
            return;
        }
        if let Some(&(end, ty)) = self.forced.get(&a) {
            if end == b {
                return self.push_toks(a, b, ty);
            }
        }
        if let Some((end, entry)) = self.hit_entry(a) {
            if end == b {
                let span = Span::new(self.toks[a].start, self.toks[b - 1].end);
                return self.push(span, entry.ty, entry.name.clone());
            }
        }
        if self.split_title(a, b) || self.split_leading(a, b) {
            return;
        }
        self.classify_plain(a, b);
    }

    /// Drops sentence-opening ordinary words and articles from a run's start.
    fn strip_leading(&self, mut a: usize, b: usize) -> usize {
        while a < b && !self.hits.contains_key(&a) && !self.forced.contains_key(&a) {
            let lower = self.lower(a);
            let article = matches!(lower.as_str(), "the" | "a" | "an");
            let opener =
                self.initial[a] && self.is_common(a) && !self.g.is_first_name(self.word(a));
            let connector = CONNECTORS.contains(&self.word(a));
            if !(article || opener || connector) {
                break;
            }
            a += 1;
        }
        a
    }

    /// "Foreign Minister Yohei Kono": a role, then a person.
    fn split_title(&mut self, a: usize, b: usize) -> bool {
        let Some(t) = (a..b).rev().find(|&t| self.is_title_at(t)) else {
            return false;
        };
        // The words of a role: only the gazetteer names in it (nationalities,
        // places) are mentions.
        self.inner_hits(a, t + 1);
        let mut name = t + 1;
        while name < b && CONNECTORS.contains(&self.word(name)) {
            name += 1;
        }
        // "Secretary of State Tony Blinken": the word after "of" completes
        // the role when a first name follows it.
        if name > t + 1 && name + 1 < b && self.g.is_first_name(self.word(name + 1)) {
            self.inner_hits(name, name + 1);
            name += 1;
        }
        if name >= b {
            return true;
        }
        let headed = self.head_of(b - 1).is_some();
        if name > t + 1 || headed || self.hit_entry(name).is_some_and(|(e, _)| e == b) {
            self.classify(name, b);
        } else {
            self.push_toks(name, b, EntityType::Person);
        }
        true
    }

    fn is_title_at(&self, t: usize) -> bool {
        !self.hits.contains_key(&t) && self.g.is_title(&self.lower(t))
    }

    /// A leading nationality or place split off the rest of the run:
    /// "Russian RTR", "Japan Alexander Losyukov" (after "ambassador to").
    fn split_leading(&mut self, a: usize, b: usize) -> bool {
        let Some((end, entry)) = self.hit_entry(a) else {
            return false;
        };
        if end >= b || self.head_of(b - 1).is_some() {
            return false;
        }
        let splits = match entry.ty {
            EntityType::Nationality => true,
            EntityType::Place => self.g.is_first_name(self.word(end)),
            _ => false,
        };
        if splits {
            let span = Span::new(self.toks[a].start, self.toks[end - 1].end);
            self.push(span, entry.ty, entry.name.clone());
            self.classify(end, b);
        }
        splits
    }

    fn head_of(&self, i: usize) -> Option<EntityType> {
        self.g.head(self.word(i))
    }

    /// A run without a title or leading gazetteer name.
    fn classify_plain(&mut self, a: usize, b: usize) {
        if let Some(ty) = self.head_type(a, b).or_else(|| self.lead_type(a, b)) {
            return self.push_toks(a, b, ty);
        }
        if b - a == 1 {
            return self.single(a);
        }
        // "in Al Huwayjah" is a place, "from John Smith" a person.
        let from_person = self.lower(a - a.min(1)) == "from" && self.g.is_first_name(self.word(a));
        if self.after_place_cue(a) && !from_person {
            return self.push_toks(a, b, EntityType::Place);
        }
        if self.person_like(a, b) {
            return self.push_toks(a, b, EntityType::Person);
        }
        self.inner_hits(a, b);
    }

    /// The type a head word gives a run of two words or more ("Foreign Ministry").
    fn head_type(&self, a: usize, b: usize) -> Option<EntityType> {
        let head = self.head_of(b - 1)?;
        let before_head = (a..b - 1).any(|i| !self.is_common(i) || self.hits.contains_key(&i));
        let two_words = b - a >= 2;
        (two_words && (before_head || head != EntityType::Person)).then_some(head)
    }

    /// The type a leading word gives a run of two words or more
    /// ("University of Leicester", "Lake Chad"), unless the rest is a
    /// gazetteer name of its own ("West Germany" is found whole earlier).
    fn lead_type(&self, a: usize, b: usize) -> Option<EntityType> {
        let lead = self.g.lead(self.word(a))?;
        let rest = self.hit_entry(a + 1).is_some_and(|(end, _)| end == b);
        (b - a >= 2 && !(rest && lead == EntityType::Place && self.is_common(a))).then_some(lead)
    }

    /// Whether a preposition of place comes just before token `a` ("in Tal Afar").
    fn after_place_cue(&self, a: usize) -> bool {
        a > 0 && PLACE_CUES.contains(&self.lower(a - 1).as_str())
    }

    /// Whether a run of two or more words reads as a person's name.
    fn person_like(&self, a: usize, b: usize) -> bool {
        let digits = (a..b).any(|i| self.word(i).contains(|c: char| c.is_ascii_digit()));
        if digits {
            return false;
        }
        if self.g.is_first_name(self.word(a)) && !self.is_common(b - 1) {
            return true;
        }
        let acronym = (a..b).any(|i| is_acronym(self.word(i)));
        let ordinary = (a..b).any(|i| self.is_common(i) && !self.g.is_first_name(self.word(i)));
        let connector = (a..b).any(|i| CONNECTORS.contains(&self.word(i)));
        !acronym && !ordinary && !connector && b - a <= 4
    }

    /// The gazetteer names inside a run that is not a name as a whole (or
    /// inside a title or role).
    fn inner_hits(&mut self, a: usize, b: usize) {
        let mut i = a;
        while i < b {
            match self.hit_entry(i) {
                Some((end, entry)) if end <= b => {
                    let span = Span::new(self.toks[i].start, self.toks[end - 1].end);
                    self.push(span, entry.ty, entry.name.clone());
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    /// One capitalised word: an acronym, a compound, or a pending name.
    fn single(&mut self, i: usize) {
        let word = self.word(i);
        if word.contains('-') && self.compound(i) {
            return;
        }
        if is_acronym(word) {
            if !self.g.is_plain_acronym(word) && !self.is_common(i) {
                self.push_toks(i, i + 1, EntityType::Organization);
            }
            return;
        }
        if self.is_common(i) && !self.g.is_last_name(word) {
            return;
        }
        let cue = self.cue(i);
        self.pending.push(Pending {
            span: self.toks[i],
            cue,
        });
    }

    /// What the words around a single name suggest it is.
    fn cue(&self, i: usize) -> Option<EntityType> {
        let before = if i > 0 {
            self.lower(i - 1)
        } else {
            String::new()
        };
        let after = self.lower(i + 1);
        if i > 0 && self.g.is_title(&before) || PERSON_AFTER.contains(&after.as_str()) {
            return Some(EntityType::Person);
        }
        if PLACE_CUES.contains(&before.as_str()) {
            return Some(EntityType::Place);
        }
        // A known first name on its own is a person too ("Stan said"),
        // though less surely than a surname: it never overrides the text.
        let word = self.word(i);
        (self.g.is_last_name(word) || self.g.is_first_name(word)).then_some(EntityType::Person)
    }

    /// "Putin-Mori", "Soviet-Japanese": the parts of a hyphenated token.
    fn compound(&mut self, i: usize) -> bool {
        let tok = self.toks[i];
        let word = tok.of(self.text);
        if !word
            .split('-')
            .all(|p| p.starts_with(|c: char| c.is_uppercase()))
        {
            return false;
        }
        let mut start = tok.start;
        for part in word.split('-') {
            let span = Span::new(start, start + part.len());
            match self.parts.get(&start).and_then(|h| self.g.entry(h.entry)) {
                Some(entry) => self.push(span, entry.ty, entry.name.clone()),
                None if !self.g.is_common(&part.to_lowercase()) => {
                    self.pending.push(Pending { span, cue: None })
                }
                None => {}
            }
            start += part.len() + 1;
        }
        true
    }

    /// Types the pending single words from the rest of the text: a surname of
    /// a full name, a name typed elsewhere, or else their own cue.
    pub(super) fn resolve_pending(&mut self) {
        let mut known: HashMap<String, EntityType> = HashMap::new();
        for m in &self.out {
            if m.ty == EntityType::Person {
                if let Some(last) = m.name.rsplit(' ').next() {
                    known.insert(last.to_string(), m.ty);
                }
            }
            if !matches!(
                m.ty,
                EntityType::Date | EntityType::Money | EntityType::Quantity
            ) {
                known.entry(m.name.clone()).or_insert(m.ty);
            }
        }
        for p in std::mem::take(&mut self.pending) {
            let word = p.span.of(self.text);
            let ty = known.get(word).copied().or(p.cue);
            if let Some(ty) = ty {
                self.push(p.span, ty, normalise_name(word));
            }
        }
    }
}

/// "NATO", "WTO", "U.S.": two or more capitals and no lower-case letter.
pub(crate) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word.chars().all(|c| !c.is_lowercase())
        && !matches!(
            word,
            "II" | "III" | "IV" | "VI" | "VII" | "VIII" | "IX" | "XI" | "XII"
        )
}

/// Months and weekdays are dates, not names.
fn capitalised_month_or_day(word: &str) -> Option<()> {
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let month = super::capitalised_month(word).is_some() && word.len() > 3;
    (month || DAYS.contains(&word)).then_some(())
}
