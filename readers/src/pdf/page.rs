//! A page's text layer as lines: the text-showing operators of its content
//! stream (and of the forms it draws) in the order they are drawn, with a
//! line break where the text moves to another baseline and a space where
//! it jumps ahead on the same one.
//!
//! Positions are followed in device space (the text matrix times the
//! current transformation matrix), so that a generator placing each line
//! with `Td`, with `Tm` or with `cm` reads the same. Glyph advances come
//! from the font's widths, which tell where a string ends and so whether
//! the next one starts after a gap (a space) or right after it (the next
//! letters of a word placed one by one).

use std::collections::{BTreeMap, HashSet};

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// The most bytes one page's content (or one form's) may decompress to.
/// Text pages are a few hundred KB at most; the bound stops a small stream
/// from inflating to gigabytes and exhausting the module's memory.
pub(super) const MAX_CONTENT: usize = 32 * 1024 * 1024;

/// How deep forms drawn inside forms are followed.
const MAX_FORM_DEPTH: usize = 8;

/// A gap on the same baseline wider than this share of the font size is a
/// space. A word space is a quarter to a third of an em; kerning and
/// letter spacing stay well under a tenth.
const SPACE_GAP: f32 = 0.15;

/// A move across baselines of more than this share of the font size starts
/// a new line; sub- and superscripts move less.
const LINE_MOVE: f32 = 0.5;

/// The width of a glyph whose font gives none, in thousandths of an em.
const DEFAULT_WIDTH: f32 = 500.0;

/// The text of one page.
#[derive(Debug, Default)]
pub(super) struct PageText {
    /// Its lines, in the order they were drawn, trimmed, none empty.
    pub lines: Vec<String>,
    /// What went wrong while reading it (a damaged content stream, a font
    /// that could not be read), for warnings.
    pub problems: Vec<String>,
}

/// Reads the text of the page `page_id` of `doc`.
///
/// # Errors
/// The page's content cannot be had at all (it would decompress past
/// [`MAX_CONTENT`], or its resources form a cycle).
pub(super) fn page_text(doc: &Document, page_id: ObjectId) -> Result<PageText, lopdf::Error> {
    // A page missing from a truncated file would otherwise read as empty.
    doc.get_dictionary(page_id)?;
    let content = doc.get_page_content_with_limit(page_id, MAX_CONTENT)?;
    let fonts = doc.get_page_fonts(page_id)?;
    let mut walker = Walker::new(doc);
    for id in doc.get_page_contents(page_id) {
        if doc.get_object(id).and_then(Object::as_stream).is_err() {
            walker
                .problems
                .push(format!("its content (object {} {}) is missing", id.0, id.1));
        }
    }
    let fonts = walker.fonts(fonts);
    let xobjects = page_xobjects(doc, page_id);
    walker.walk(&content, &fonts, &xobjects, 0);
    walker.end_line();
    Ok(PageText {
        lines: walker.lines,
        problems: walker.problems,
    })
}

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes them.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: the product `m × n` in PDF's row-vector convention.
fn multiply(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translation(x: f32, y: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

/// What is needed of a font to read its strings and measure them.
struct Font<'a> {
    encoding: Encoding<'a>,
    /// Composite (Type0) fonts take two bytes a glyph, as with the
    /// Identity-H encoding nearly all of them use; simple fonts one.
    two_byte: bool,
    /// Glyph widths by character code, in thousandths of an em.
    widths: BTreeMap<u32, f32>,
    default_width: f32,
}

impl Font<'_> {
    /// The advance of the string `bytes`, in text-space units before the
    /// font size: the widths of its glyphs, plus the character and word
    /// spacing (already divided by the font size).
    fn advance(&self, bytes: &[u8], state: &TextState) -> f32 {
        let size = if state.size == 0.0 { 1.0 } else { state.size };
        let codes: Vec<u32> = if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| c.iter().fold(0, |code, &b| code * 256 + u32::from(b)))
                .collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        };
        codes
            .iter()
            .map(|code| {
                let width = self.widths.get(code).copied();
                let mut advance = width.unwrap_or(self.default_width) / 1000.0;
                advance += state.char_spacing / size;
                if !self.two_byte && *code == 32 {
                    advance += state.word_spacing / size;
                }
                advance
            })
            .sum()
    }
}

/// The text state parameters (PDF 32000-1, 9.3) this reading needs.
#[derive(Clone, Copy)]
struct TextState {
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    scaling: f32,
    leading: f32,
}

struct Walker<'a> {
    doc: &'a Document,
    lines: Vec<String>,
    line: String,
    problems: Vec<String>,
    state: TextState,
    text_matrix: Matrix,
    line_matrix: Matrix,
    ctm: Matrix,
    saved: Vec<Matrix>,
    /// Where the last string shown ended, in device space, and its font
    /// size there.
    last_end: Option<(f32, f32, f32)>,
    /// The forms being drawn, to refuse one that draws itself.
    forms: HashSet<ObjectId>,
}

impl<'a> Walker<'a> {
    fn new(doc: &'a Document) -> Self {
        Walker {
            doc,
            lines: Vec::new(),
            line: String::new(),
            problems: Vec::new(),
            state: TextState {
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scaling: 1.0,
                leading: 0.0,
            },
            text_matrix: IDENTITY,
            line_matrix: IDENTITY,
            ctm: IDENTITY,
            saved: Vec::new(),
            last_end: None,
            forms: HashSet::new(),
        }
    }

    /// The fonts of a resource dictionary, by resource name; a font whose
    /// encoding cannot be read is noted and left out.
    fn fonts(&mut self, dicts: BTreeMap<Vec<u8>, &'a Dictionary>) -> BTreeMap<Vec<u8>, Font<'a>> {
        let mut fonts = BTreeMap::new();
        for (name, dict) in dicts {
            match dict.get_font_encoding_with_limit(self.doc, MAX_CONTENT) {
                Ok(encoding) => {
                    fonts.insert(name, font(self.doc, dict, encoding));
                }
                Err(error) => self.problems.push(format!(
                    "the font {} could not be read ({error})",
                    String::from_utf8_lossy(&name)
                )),
            }
        }
        fonts
    }

    /// Follows the operators of `content`, drawing with `fonts` and the
    /// forms in `xobjects`.
    fn walk(
        &mut self,
        content: &[u8],
        fonts: &BTreeMap<Vec<u8>, Font<'a>>,
        xobjects: &BTreeMap<Vec<u8>, ObjectId>,
        depth: usize,
    ) {
        let mut font = None;
        // The lenient parser stops quietly where the content is damaged;
        // the strict one says whether it read to the end.
        if Content::decode_strict(content).is_err() {
            self.problems
                .push("its content could not be read to the end".to_string());
        }
        for operation in Content::decode_iter(content) {
            match operation {
                Ok(operation) => {
                    if operation.operator == "Tf" {
                        font = operand_name(&operation, 0).and_then(|name| fonts.get(name));
                    }
                    self.operate(&operation, font, xobjects, depth);
                }
                Err(error) => {
                    self.problems
                        .push(format!("its content stops being readable ({error})"));
                    break;
                }
            }
        }
    }

    fn operate(
        &mut self,
        operation: &Operation,
        font: Option<&Font<'a>>,
        xobjects: &BTreeMap<Vec<u8>, ObjectId>,
        depth: usize,
    ) {
        let number = |i: usize| operand_number(operation, i);
        match operation.operator.as_str() {
            "q" => self.saved.push(self.ctm),
            "Q" => self.ctm = self.saved.pop().unwrap_or(IDENTITY),
            "cm" => {
                if let Some(m) = matrix_operands(operation) {
                    self.ctm = multiply(m, self.ctm);
                }
            }
            "BT" => {
                self.text_matrix = IDENTITY;
                self.line_matrix = IDENTITY;
            }
            "Tf" => self.state.size = number(1).unwrap_or(self.state.size),
            "Tc" => self.state.char_spacing = number(0).unwrap_or(0.0),
            "Tw" => self.state.word_spacing = number(0).unwrap_or(0.0),
            "Tz" => self.state.scaling = number(0).unwrap_or(100.0) / 100.0,
            "TL" => self.state.leading = number(0).unwrap_or(0.0),
            "Td" => self.move_line(number(0).unwrap_or(0.0), number(1).unwrap_or(0.0)),
            "TD" => {
                let ty = number(1).unwrap_or(0.0);
                self.state.leading = -ty;
                self.move_line(number(0).unwrap_or(0.0), ty);
            }
            "Tm" => {
                if let Some(m) = matrix_operands(operation) {
                    self.text_matrix = m;
                    self.line_matrix = m;
                }
            }
            "T*" => self.move_line(0.0, -self.state.leading),
            "Tj" | "TJ" | "'" | "\"" => self.show_operation(operation, font),
            "Do" => {
                let form = operand_name(operation, 0).and_then(|name| xobjects.get(name));
                if let Some(&id) = form {
                    self.draw_form(id, depth);
                }
            }
            _ => {}
        }
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.line_matrix = multiply(translation(tx, ty), self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn show_operation(&mut self, operation: &Operation, font: Option<&Font<'a>>) {
        let operator = operation.operator.as_str();
        if operator == "\"" {
            self.state.word_spacing = operand_number(operation, 0).unwrap_or(0.0);
            self.state.char_spacing = operand_number(operation, 1).unwrap_or(0.0);
        }
        if operator == "'" || operator == "\"" {
            self.move_line(0.0, -self.state.leading);
        }
        let Some(font) = font else {
            return;
        };
        let shown = if operator == "\"" {
            operation.operands.get(2)
        } else {
            operation.operands.first()
        };
        match shown {
            Some(Object::String(bytes, _)) => self.show(bytes, font),
            Some(Object::Array(items)) => {
                for item in items {
                    match item {
                        Object::String(bytes, _) => self.show(bytes, font),
                        // A number in a TJ array moves the next glyph back
                        // by thousandths of an em: negative ones move it on.
                        Object::Integer(_) | Object::Real(_) => {
                            let shift = item.as_float().unwrap_or(0.0);
                            let tx = -shift / 1000.0 * self.state.size * self.state.scaling;
                            self.text_matrix = multiply(translation(tx, 0.0), self.text_matrix);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Shows the string `bytes` in `font`: a line break or a space first
    /// if it starts away from where the last one ended, then its text.
    fn show(&mut self, bytes: &[u8], font: &Font<'a>) {
        let (x, y, size) = self.position();
        if let Some((last_x, last_y, last_size)) = self.last_end {
            let em = size.max(last_size);
            if (y - last_y).abs() > LINE_MOVE * em {
                self.end_line();
            } else if (x - last_x).abs() > SPACE_GAP * em && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
        }
        match Document::decode_text(&font.encoding, bytes) {
            Ok(text) => push_text(&mut self.line, &text),
            Err(error) => {
                self.problems
                    .push(format!("a string could not be decoded ({error})"));
            }
        }
        let advance = font.advance(bytes, &self.state) * self.state.size * self.state.scaling;
        self.text_matrix = multiply(translation(advance, 0.0), self.text_matrix);
        let (x, y, _) = self.position();
        self.last_end = Some((x, y, size));
    }

    /// Where the next glyph goes in device space, and the font's size there.
    fn position(&self) -> (f32, f32, f32) {
        let m = multiply(self.text_matrix, self.ctm);
        let size = (self.state.size * m[2].hypot(m[3])).abs();
        (m[4], m[5], size)
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
    }

    /// Draws the form XObject `id`, if it is a form: its content with its
    /// own fonts and forms, through its matrix.
    fn draw_form(&mut self, id: ObjectId, depth: usize) {
        let doc = self.doc;
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        let is_form = matches!(
            stream.dict.get(b"Subtype").and_then(Object::as_name),
            Ok(b"Form")
        );
        if !is_form || depth >= MAX_FORM_DEPTH || !self.forms.insert(id) {
            return;
        }
        let content = match stream.decompressed_content_with_limit(MAX_CONTENT) {
            Ok(content) => content,
            Err(error) => {
                self.problems.push(format!(
                    "the form {} {} could not be read ({error})",
                    id.0, id.1
                ));
                return;
            }
        };
        let resources = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok();
        let fonts = resources
            .map(|r| resource_fonts(doc, r))
            .unwrap_or_default();
        let fonts = self.fonts(fonts);
        let xobjects = resources
            .map(|r| resource_xobjects(doc, r))
            .unwrap_or_default();
        let saved = self.ctm;
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| matrix_of(m.as_array().ok()?))
        {
            self.ctm = multiply(m, self.ctm);
        }
        let (text_matrix, line_matrix) = (self.text_matrix, self.line_matrix);
        self.walk(&content, &fonts, &xobjects, depth + 1);
        (self.ctm, self.text_matrix, self.line_matrix) = (saved, text_matrix, line_matrix);
        self.forms.remove(&id);
    }
}

/// Appends decoded `text`, leaving out control characters (a font's
/// unmapped codes often decode to them) other than a tab, read as a space,
/// and spelling out the Latin ligatures typesetters use (ﬁ, ﬂ, …), so that
/// "speciﬁcation" is found by a search for "specification".
fn push_text(line: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{FB00}' => line.push_str("ff"),
            '\u{FB01}' => line.push_str("fi"),
            '\u{FB02}' => line.push_str("fl"),
            '\u{FB03}' => line.push_str("ffi"),
            '\u{FB04}' => line.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => line.push_str("st"),
            '\t' | '\n' | '\r' => {
                if !line.ends_with(' ') {
                    line.push(' ');
                }
            }
            c if c.is_control() => {}
            c => line.push(c),
        }
    }
}

/// The encoding and widths of the font `dict`.
fn font<'a>(doc: &'a Document, dict: &'a Dictionary, encoding: Encoding<'a>) -> Font<'a> {
    let deref = |key: &[u8], dict: &'a Dictionary| dict.get_deref(key, doc).ok();
    let two_byte = matches!(dict.get(b"Subtype").and_then(Object::as_name), Ok(b"Type0"));
    let mut widths = BTreeMap::new();
    let mut default_width = DEFAULT_WIDTH;
    if two_byte {
        let descendant = deref(b"DescendantFonts", dict)
            .and_then(|d| d.as_array().ok())
            .and_then(|fonts| fonts.first())
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok());
        if let Some(descendant) = descendant {
            if let Some(dw) = deref(b"DW", descendant).and_then(|w| w.as_float().ok()) {
                default_width = dw;
            } else {
                default_width = 1000.0;
            }
            if let Some(w) = deref(b"W", descendant).and_then(|w| w.as_array().ok()) {
                cid_widths(doc, w, &mut widths);
            }
        }
    } else {
        let first = deref(b"FirstChar", dict)
            .and_then(|f| f.as_i64().ok())
            .unwrap_or(0);
        let array = deref(b"Widths", dict).and_then(|w| w.as_array().ok());
        for (i, width) in array.into_iter().flatten().enumerate() {
            let width = doc
                .dereference(width)
                .ok()
                .and_then(|(_, w)| w.as_float().ok());
            let code = u32::try_from(first.saturating_add(i as i64)).ok();
            if let (Some(code), Some(width)) = (code, width) {
                widths.insert(code, width);
            }
        }
    }
    Font {
        encoding,
        two_byte,
        widths,
        default_width,
    }
}

/// The most glyph widths read from a composite font's `W` array: a range
/// `0 65535 500` would otherwise fill the map with every code.
const MAX_CID_WIDTHS: u32 = 65_536;

/// Reads a composite font's `W` array: `c [w1 w2 …]` gives the widths of
/// `c`, `c+1`, …; `first last w` one width for a range.
fn cid_widths(doc: &Document, w: &[Object], widths: &mut BTreeMap<u32, f32>) {
    let value = |o| resolve(doc, o);
    let mut items = w.iter().filter_map(value);
    while let Some(first) = items.next() {
        let Some(first) = first.as_i64().ok().and_then(|f| u32::try_from(f).ok()) else {
            continue;
        };
        match items.next() {
            Some(Object::Array(list)) => {
                for (code, width) in (first..).zip(list.iter().filter_map(value)) {
                    if let Ok(width) = width.as_float() {
                        widths.insert(code, width);
                    }
                }
            }
            Some(last) => {
                let last = last.as_i64().ok().and_then(|l| u32::try_from(l).ok());
                let width = items.next().and_then(|w| w.as_float().ok());
                if let (Some(last), Some(width)) = (last, width) {
                    let last = last.min(first.saturating_add(MAX_CID_WIDTHS));
                    for code in first..=last {
                        widths.insert(code, width);
                    }
                }
            }
            None => {}
        }
        if widths.len() > MAX_CID_WIDTHS as usize {
            return;
        }
    }
}

/// The object `o` is, or refers to.
fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// The page's forms and images by resource name (only forms are drawn).
fn page_xobjects(doc: &Document, page_id: ObjectId) -> BTreeMap<Vec<u8>, ObjectId> {
    let mut xobjects = BTreeMap::new();
    let Ok((direct, ids)) = doc.get_page_resources(page_id) else {
        return xobjects;
    };
    let referred = ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok());
    for resources in direct.into_iter().chain(referred) {
        for (name, id) in resource_xobjects(doc, resources) {
            xobjects.entry(name).or_insert(id);
        }
    }
    xobjects
}

fn resource_xobjects(doc: &Document, resources: &Dictionary) -> BTreeMap<Vec<u8>, ObjectId> {
    let Ok(dict) = resources
        .get_deref(b"XObject", doc)
        .and_then(Object::as_dict)
    else {
        return BTreeMap::new();
    };
    dict.iter()
        .filter_map(|(name, value)| Some((name.clone(), value.as_reference().ok()?)))
        .collect()
}

fn resource_fonts<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
) -> BTreeMap<Vec<u8>, &'a Dictionary> {
    let Ok(dict) = resources.get_deref(b"Font", doc).and_then(Object::as_dict) else {
        return BTreeMap::new();
    };
    dict.iter()
        .filter_map(|(name, value)| {
            let (_, font) = doc.dereference(value).ok()?;
            Some((name.clone(), font.as_dict().ok()?))
        })
        .collect()
}

fn operand_name(operation: &Operation, i: usize) -> Option<&[u8]> {
    operation.operands.get(i)?.as_name().ok()
}

/// The operand `i` as a number, if it is a finite one.
fn operand_number(operation: &Operation, i: usize) -> Option<f32> {
    let n = operation.operands.get(i)?.as_float().ok()?;
    n.is_finite().then_some(n)
}

fn matrix_operands(operation: &Operation) -> Option<Matrix> {
    matrix_of(&operation.operands)
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    let mut m = [0.0; 6];
    if operands.len() != 6 {
        return None;
    }
    for (slot, operand) in m.iter_mut().zip(operands) {
        let n = operand.as_float().ok()?;
        *slot = if n.is_finite() { n } else { return None };
    }
    Some(m)
}
