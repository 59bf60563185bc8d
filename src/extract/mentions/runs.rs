//! Runs of capitalised tokens, and how their context types them.

use std::collections::HashMap;

use crate::text::Span;

use super::{normalise_name, Doc, Pending, CONNECTORS, PERSON_AFTER, PLACE_CUES};
use crate::extract::gazetteer::{FUNCTION_WORDS, GENERIC_BODIES, GENERIC_PLURALS};
use crate::extract::EntityType;

impl Doc<'_> {
    /// Finds every run of capitalised tokens and classifies it.
    pub(super) fn runs(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.run_at(i) {
                Some(end) => {
                    let end = self.legal_case(i, end).unwrap_or_else(|| {
                        self.classify(i, end);
                        end
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// The end of the run starting at token `i`, if one starts there.
    fn run_at(&self, i: usize) -> Option<usize> {
        let starts = self.forced.contains_key(&i)
            || self.hits.contains_key(&i)
            || self.is_name_word(i)
            || self.is_patronymic(i);
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

    /// "Roe v. Wade", "Brown vs. Board of Education": a court case, one
    /// event, when the run `a..b` is followed by "v." or "vs." and another
    /// run. Its end, once pushed.
    fn legal_case(&mut self, a: usize, b: usize) -> Option<usize> {
        let versus = self.toks.get(b)?;
        let after = &self.text[versus.end..];
        let is_versus = match versus.of(self.text) {
            "v" => after.starts_with('.'),
            "vs" => true,
            _ => false,
        };
        if !is_versus || self.initial.get(b + 1).copied().unwrap_or(true) {
            return None;
        }
        let end = self.run_at(b + 1)?;
        let a = self.strip_leading(a, b);
        (a < b).then(|| {
            self.push_toks(a, end, EntityType::Event);
            end
        })
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

    /// "bin Laden", "ibn Saud": a particle that makes a person's name of
    /// the capitalised word after it.
    fn is_patronymic(&self, i: usize) -> bool {
        matches!(self.word(i), "bin" | "ibn" | "Bin" | "Ibn")
            && self.joinable(i)
            && self.is_name_word(i + 1)
            && !self.taken.get(i).copied().unwrap_or(true)
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
            // "May God", "Had Paredes", "My Administration": a function word
            // opening a sentence is no name, though it is a first name too.
            let function = FUNCTION_WORDS.contains(&lower.as_str());
            let opener = self.initial[a]
                && !self.is_title_at(a)
                && (function || self.is_common(a) && !self.g.is_first_name(self.word(a)));
            let connector = CONNECTORS.contains(&self.word(a)) && !self.is_patronymic(a);
            if !(article || opener || connector) {
                break;
            }
            a += 1;
        }
        a
    }

    /// "Foreign Minister Yohei Kono": a role, then a person.
    fn split_title(&mut self, a: usize, b: usize) -> bool {
        // "(Reverend) Martin Luther King": a title ending a run, after a
        // first name, is a surname.
        let surname = |t: usize| {
            t + 1 == b && (a..t).any(|j| !self.is_title_at(j) && self.g.is_first_name(self.word(j)))
        };
        let Some(t) = (a..b).rev().find(|&t| self.is_title_at(t) && !surname(t)) else {
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
        // "President Washington", "Queen Victoria": a personal name that is
        // also a place's, right after a title, is the person.
        if name == t + 1 && b == name + 1 && self.place_named_like_a_person(name) {
            self.push_toks(name, b, EntityType::Person);
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

    /// Whether token `t` is a title or role, or its plural ("Presidents
    /// Cleveland and Harrison").
    fn is_title_at(&self, t: usize) -> bool {
        let lower = self.lower(t);
        let title = |word: &str| {
            let singular = word.strip_suffix('s').filter(|s| s.len() > 2);
            self.g.is_title(word) || singular.is_some_and(|s| self.g.is_title(s))
        };
        // "Major-General", "Vice-Admiral": a hyphenated rank ending in a title.
        !self.hits.contains_key(&t)
            && (title(&lower) || lower.rsplit('-').next().is_some_and(title))
    }

    /// "Washington" in a sentence that names George (or President)
    /// Washington is the person, unless a preposition of place or a place
    /// noun ("the city of") comes before it.
    fn people_named_like_places(&mut self) {
        for k in 0..self.out.len() {
            let m = &self.out[k];
            let Some(i) = self.tok_at(m.span.start) else {
                continue;
            };
            if m.ty != EntityType::Place
                || !self.place_named_like_a_person(i)
                || self.place_context(i)
            {
                continue;
            }
            let word = self.word(i);
            let sentence = self.sentence_of(i);
            let named = self.out.iter().any(|p| {
                p.ty == EntityType::Person
                    && sentence.start <= p.span.start
                    && p.span.end <= sentence.end
                    && p.name.rsplit(' ').next() == Some(word)
            });
            if named {
                self.out[k].ty = EntityType::Person;
                self.out[k].name = word.to_string();
            }
        }
    }

    /// Whether the words before token `i` make it a place: "in", "at"…,
    /// or "the city of", "the State of", "the treaty of".
    fn place_context(&self, i: usize) -> bool {
        const PLACE_NOUNS: &[&str] = &[
            "city",
            "state",
            "territory",
            "district",
            "county",
            "port",
            "treaty",
            "convention",
            "conference",
        ];
        let before = |k: usize| i.checked_sub(k).map(|j| self.lower(j)).unwrap_or_default();
        PLACE_CUES.contains(&before(1).as_str())
            || before(1) == "of" && PLACE_NOUNS.contains(&before(2).as_str())
    }

    /// The byte span of the sentence holding token `i`.
    fn sentence_of(&self, i: usize) -> Span {
        let first = (0..=i).rev().find(|&j| self.initial[j]).unwrap_or(0);
        let end = (i + 1..self.toks.len())
            .find(|&j| self.initial[j])
            .unwrap_or(self.toks.len());
        Span::new(self.toks[first].start, self.toks[end - 1].end)
    }

    /// Whether token `i` is found as a one-word place whose name is also a
    /// first name or a surname ("Washington", "Cleveland", "Victoria").
    fn place_named_like_a_person(&self, i: usize) -> bool {
        let word = self.word(i);
        self.hit_entry(i)
            .is_some_and(|(end, e)| end == i + 1 && e.ty == EntityType::Place)
            && (self.g.is_first_name(word) || self.g.is_last_name(word))
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
        // A place, then a first name and more: "Japan Alexander Losyukov";
        // a place and one first name is one name ("Porto Rico").
        let splits = match entry.ty {
            EntityType::Nationality => true,
            EntityType::Place => self.g.is_first_name(self.word(end)) && b - end >= 2,
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
        // "in Al Huwayjah", "the treaty of Guadalupe Hidalgo" are places,
        // "from John Smith" a person.
        let from_person = self.lower(a - a.min(1)) == "from" && self.g.is_first_name(self.word(a));
        if self.place_context(a) && !from_person {
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
        // "the Executive Departments", "the several State Governments": kinds
        // of body, not the name of one.
        if !before_head && GENERIC_PLURALS.contains(&self.word(b - 1)) {
            return None;
        }
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

    /// Whether a run of two or more words reads as a person's name.
    fn person_like(&self, a: usize, b: usize) -> bool {
        let digits = (a..b).any(|i| self.word(i).contains(|c: char| c.is_ascii_digit()));
        if digits {
            return false;
        }
        let last = !self.is_common(b - 1) || self.is_title_at(b - 1);
        if self.g.is_first_name(self.word(a)) && last {
            return true;
        }
        if (a..b).any(|i| self.is_patronymic(i)) {
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
        if let Some(state) = self.state_code(i) {
            let span = self.toks[i];
            return self.push(span, EntityType::Place, state.to_string());
        }
        if self.g.lead(word) == Some(EntityType::Place) {
            // "the West", "the South": a region, never a person.
            if i > 0 && self.lower(i - 1) == "the" {
                self.push_toks(i, i + 1, EntityType::Place);
            }
            return;
        }
        if GENERIC_BODIES.contains(&word) {
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

    /// The state a postal code stands for where it follows a place and a
    /// comma ("Hampton, VA") or another code ("MD and VA").
    fn state_code(&self, i: usize) -> Option<&'static str> {
        let state = self.g.state_of_code(self.word(i))?;
        let prev = self.toks.get(i.checked_sub(1)?)?;
        let after_place = self.text[prev.end..self.toks[i].start].trim() == ","
            && prev.of(self.text).starts_with(|c: char| c.is_uppercase());
        let after_code = matches!(self.word(i - 1), "and" | "or")
            && i >= 2
            && self.g.state_of_code(self.word(i - 2)).is_some();
        (after_place || after_code).then_some(state)
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
        // After "the" it names something else ("the Sabine", a river; "the
        // Clayton and Bulwer treaty").
        let word = self.word(i);
        let known = self.g.is_last_name(word) || self.g.is_first_name(word);
        (known && before != "the").then_some(EntityType::Person)
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
        self.people_named_like_places();
        let mut known: HashMap<String, EntityType> = HashMap::new();
        for m in &self.out {
            if m.ty == EntityType::Person {
                if let Some(last) = m.name.rsplit(' ').next() {
                    known.insert(last.to_string(), m.ty);
                }
            }
            // "Saddam" after "Saddam Hussein": the first word of a full name.
            if let Some((first, _)) = m
                .name
                .split_once(' ')
                .filter(|_| m.ty == EntityType::Person)
            {
                known.entry(first.to_string()).or_insert(m.ty);
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
