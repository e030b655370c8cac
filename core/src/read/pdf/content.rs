//! A page's content stream, interpreted as far as reading needs: where each glyph is drawn
//! (text state, text and graphics matrices, fonts) and which thin lines and rectangles rule
//! its tables. Colours, images, clipping and shading are passed over.
//!
//! Work is bounded by the page: every operator is visited once, form XObjects are entered at
//! most [`MAX_DEPTH`] deep and [`MAX_FORMS`] times per page, and a page keeps at most
//! [`MAX_GLYPHS`] glyphs and [`MAX_SEGMENTS`] ruling segments (a report page has a few
//! thousand and a few hundred).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;

/// Form XObjects nested deeper than this are not entered.
pub const MAX_DEPTH: usize = 4;
/// Form XObjects entered per page.
pub const MAX_FORMS: usize = 1_000;
/// Glyphs kept per page.
pub const MAX_GLYPHS: usize = 200_000;
/// Ruling segments kept per page.
pub const MAX_SEGMENTS: usize = 20_000;
/// The thickest line (in points) taken as a table's rule: a filled rectangle thinner than this
/// is a line; a thicker one is a shaded area.
const RULE: f64 = 2.5;

/// An affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn then(self, next: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = next.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
}

/// A glyph as drawn: its text and its box on the page (points, y upwards).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// What it stands for.
    pub text: String,
    /// Left, bottom, right, top.
    pub bounds: [f64; 4],
    /// Its size on the page (the height of an em).
    pub size: f64,
    /// Written top to bottom.
    pub vertical: bool,
}

impl Glyph {
    /// Its centre.
    pub fn centre(&self) -> (f64, f64) {
        (
            (self.bounds[0] + self.bounds[2]) / 2.0,
            (self.bounds[1] + self.bounds[3]) / 2.0,
        )
    }
}

/// A ruling line: horizontal (`y` fixed, `x` from `from` to `to`) or vertical.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// True for a horizontal line.
    pub horizontal: bool,
    /// Its y (horizontal) or x (vertical).
    pub at: f64,
    /// Where it starts along its length.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
}

/// What a page draws that reading uses.
#[derive(Debug, Default)]
pub struct Drawn {
    /// Its glyphs, in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Its ruling lines.
    pub segments: Vec<Segment>,
    /// Whether it paints images (a scan is a page of images and no glyphs).
    pub images: usize,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<(Vec<u8>, f64)>,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

/// The fonts of a document read so far, by object: each is read once, whatever the pages that
/// use it.
pub type Fonts = HashMap<ObjectId, Font>;

struct Interpreter<'a> {
    document: &'a Document,
    fonts: &'a mut Fonts,
    drawn: Drawn,
    forms: usize,
}

/// What page `page` draws.
pub fn page(document: &Document, page: ObjectId, fonts: &mut Fonts) -> Drawn {
    let mut interpreter = Interpreter {
        document,
        fonts,
        drawn: Drawn::default(),
        forms: 0,
    };
    let content = document.get_page_content(page).unwrap_or_default();
    let resources = page_resources(document, page);
    let state = State {
        ctm: Matrix::IDENTITY,
        font: None,
        char_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    interpreter.run(&content, &resources, state, 0);
    interpreter.drawn
}

/// A page's resources, its own over those it inherits.
fn page_resources(document: &Document, page: ObjectId) -> Dictionary {
    let mut merged = Dictionary::new();
    if let Ok((own, inherited)) = document.get_page_resources(page) {
        for id in inherited.iter().rev() {
            if let Ok(d) = document.get_dictionary(*id) {
                for (k, v) in d.iter() {
                    merged.set(k.clone(), v.clone());
                }
            }
        }
        if let Some(d) = own {
            for (k, v) in d.iter() {
                merged.set(k.clone(), v.clone());
            }
        }
    }
    merged
}

fn numbers<const N: usize>(operands: &[Object]) -> Option<[f64; N]> {
    if operands.len() < N {
        return None;
    }
    let mut out = [0.0; N];
    for (o, operand) in out.iter_mut().zip(&operands[operands.len() - N..]) {
        *o = match operand {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => f64::from(*r),
            _ => return None,
        };
        if !o.is_finite() {
            return None;
        }
    }
    Some(out)
}

/// A dictionary a dictionary holds (directly or by reference).
fn dictionary<'d>(
    document: &'d Document,
    holder: &'d Dictionary,
    key: &[u8],
) -> Option<&'d Dictionary> {
    let object = holder.get(key).ok()?;
    document.dereference(object).ok()?.1.as_dict().ok()
}

/// A stream's bytes, inflated where it is compressed.
pub(super) fn stream_bytes(stream: &lopdf::Stream) -> Option<Vec<u8>> {
    if stream.dict.has(b"Filter") {
        stream.decompressed_content().ok()
    } else {
        Some(stream.content.clone())
    }
}

impl Interpreter<'_> {
    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Option<ObjectId> {
        let fonts = dictionary(self.document, resources, b"Font")?;
        let reference = fonts.get(name).ok()?.as_reference().ok()?;
        if !self.fonts.contains_key(&reference) {
            let dictionary = self.document.get_dictionary(reference).ok()?;
            let font = Font::from_dictionary(self.document, dictionary);
            self.fonts.insert(reference, font);
        }
        Some(reference)
    }

    fn run(&mut self, content: &[u8], resources: &Dictionary, state: State, depth: usize) {
        let operations = super::lexer::operations(content);
        let mut stack: Vec<State> = Vec::new();
        let mut state = state;
        let mut text_matrix = Matrix::IDENTITY;
        let mut line_matrix = Matrix::IDENTITY;
        // The path being built: its points since the last `m`, and the segments and rectangles.
        let mut path: Vec<(f64, f64, f64, f64)> = Vec::new();
        let mut rectangles: Vec<[f64; 4]> = Vec::new();
        // The points of each subpath, for fills: a thin filled polygon is a rule too (how
        // LibreOffice draws borders).
        let mut subpaths: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut current = (0.0, 0.0);
        let mut start = (0.0, 0.0);
        let mut font_cache: Option<(Vec<u8>, Option<ObjectId>)> = None;
        for op in &operations {
            let operands = &op.operands;
            match op.operator.as_str() {
                // Nesting is bounded by the content's size; a runaway stack is cut.
                "q" if stack.len() < 10_000 => stack.push(state.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    if let Some(m) = numbers::<6>(operands) {
                        state.ctm = Matrix(m).then(state.ctm);
                    }
                }
                "BT" => {
                    text_matrix = Matrix::IDENTITY;
                    line_matrix = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let (Some(Object::Name(name)), Some([size])) =
                        (operands.first(), numbers::<1>(operands))
                    {
                        state.font = Some((name.clone(), size));
                    }
                }
                "Tc" => state.char_spacing = numbers::<1>(operands).map_or(0.0, |[v]| v),
                "Tw" => state.word_spacing = numbers::<1>(operands).map_or(0.0, |[v]| v),
                "Tz" => state.scale = numbers::<1>(operands).map_or(100.0, |[v]| v) / 100.0,
                "TL" => state.leading = numbers::<1>(operands).map_or(0.0, |[v]| v),
                "Ts" => state.rise = numbers::<1>(operands).map_or(0.0, |[v]| v),
                "Td" | "TD" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        if op.operator == "TD" {
                            state.leading = -y;
                        }
                        line_matrix = Matrix::translate(x, y).then(line_matrix);
                        text_matrix = line_matrix;
                    }
                }
                "Tm" => {
                    if let Some(m) = numbers::<6>(operands) {
                        line_matrix = Matrix(m);
                        text_matrix = line_matrix;
                    }
                }
                "T*" | "'" | "\"" => {
                    if op.operator == "\""
                        && let Some([w, c]) = numbers::<2>(&operands[..operands.len().min(2)])
                    {
                        state.word_spacing = w;
                        state.char_spacing = c;
                    }
                    line_matrix = Matrix::translate(0.0, -state.leading).then(line_matrix);
                    text_matrix = line_matrix;
                    if op.operator != "T*"
                        && let Some(Object::String(bytes, _)) = operands.last()
                    {
                        let font = self.current_font(&state, resources, &mut font_cache);
                        self.show(bytes, font, &state, &mut text_matrix);
                    }
                }
                "Tj" | "TJ" => {
                    let font = self.current_font(&state, resources, &mut font_cache);
                    let items: Vec<&Object> = match operands.first() {
                        Some(Object::Array(items)) => items.iter().collect(),
                        Some(other) => vec![other],
                        None => Vec::new(),
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                self.show(bytes, font, &state, &mut text_matrix)
                            }
                            Object::Integer(_) | Object::Real(_) => {
                                let adjust =
                                    numbers::<1>(std::slice::from_ref(item)).map_or(0.0, |[v]| v);
                                let size = state.font.as_ref().map_or(0.0, |f| f.1);
                                let vertical = font
                                    .and_then(|f| self.fonts.get(&f))
                                    .is_some_and(|f| f.vertical);
                                let shift = -adjust / 1000.0 * size;
                                text_matrix = if vertical {
                                    Matrix::translate(0.0, shift).then(text_matrix)
                                } else {
                                    Matrix::translate(shift * state.scale, 0.0).then(text_matrix)
                                };
                            }
                            _ => {}
                        }
                    }
                }
                "m" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        current = state.ctm.apply(x, y);
                        start = current;
                        subpaths.push(vec![current]);
                    }
                }
                "l" => {
                    if let Some([x, y]) = numbers::<2>(operands) {
                        let next = state.ctm.apply(x, y);
                        path.push((current.0, current.1, next.0, next.1));
                        if let Some(points) = subpaths.last_mut() {
                            points.push(next);
                        }
                        current = next;
                    }
                }
                "h" => {
                    path.push((current.0, current.1, start.0, start.1));
                    current = start;
                }
                "re" => {
                    if let Some([x, y, w, h]) = numbers::<4>(operands) {
                        let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                            .map(|(x, y)| state.ctm.apply(x, y));
                        let xs = corners.map(|c| c.0);
                        let ys = corners.map(|c| c.1);
                        rectangles.push([
                            xs.iter().copied().fold(f64::INFINITY, f64::min),
                            ys.iter().copied().fold(f64::INFINITY, f64::min),
                            xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                            ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                        ]);
                        current = corners[0];
                        start = corners[0];
                    }
                }
                "S" | "s" => {
                    for &(x0, y0, x1, y1) in &path {
                        self.line(x0, y0, x1, y1);
                    }
                    for r in &rectangles {
                        self.line(r[0], r[1], r[2], r[1]);
                        self.line(r[0], r[3], r[2], r[3]);
                        self.line(r[0], r[1], r[0], r[3]);
                        self.line(r[2], r[1], r[2], r[3]);
                    }
                    path.clear();
                    rectangles.clear();
                    subpaths.clear();
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    for r in &rectangles {
                        self.bar(*r);
                    }
                    for points in subpaths.iter().filter(|p| p.len() >= 3) {
                        let xs = points.iter().map(|p| p.0);
                        let ys = points.iter().map(|p| p.1);
                        self.bar([
                            xs.clone().fold(f64::INFINITY, f64::min),
                            ys.clone().fold(f64::INFINITY, f64::min),
                            xs.fold(f64::NEG_INFINITY, f64::max),
                            ys.fold(f64::NEG_INFINITY, f64::max),
                        ]);
                    }
                    path.clear();
                    rectangles.clear();
                    subpaths.clear();
                }
                "n" => {
                    path.clear();
                    rectangles.clear();
                    subpaths.clear();
                }
                "Do" => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.form(resources, name, &state, depth);
                    }
                }
                "BI" | "EI" => self.drawn.images += 1,
                _ => {}
            }
        }
    }

    fn current_font(
        &mut self,
        state: &State,
        resources: &Dictionary,
        cache: &mut Option<(Vec<u8>, Option<ObjectId>)>,
    ) -> Option<ObjectId> {
        let (name, _) = state.font.as_ref()?;
        if let Some((cached, id)) = cache
            && cached == name
        {
            return *id;
        }
        let id = self.font(resources, name);
        *cache = Some((name.clone(), id));
        id
    }

    /// Draws a string's glyphs from the text matrix on, moving it past them.
    fn show(&mut self, bytes: &[u8], font: Option<ObjectId>, state: &State, tm: &mut Matrix) {
        let Some(font) = font.and_then(|f| self.fonts.get(&f)) else {
            return;
        };
        let size = state.font.as_ref().map_or(0.0, |f| f.1);
        let vertical = font.vertical;
        let mut glyphs = Vec::new();
        for (code, text, width) in font.decode(bytes) {
            let render = Matrix([size * state.scale, 0.0, 0.0, size, 0.0, state.rise])
                .then(*tm)
                .then(state.ctm);
            let w = width / 1000.0;
            // The glyph's box in text space: from its origin along the line, an em high (a
            // vertical glyph hangs below its origin, centred on it).
            let (x0, y0, x1, y1) = if vertical {
                (-w / 2.0, -1.0, w / 2.0, 0.0)
            } else {
                (0.0, -0.2, w, 0.8)
            };
            let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)].map(|(x, y)| render.apply(x, y));
            let bounds = [
                corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min),
                corners.iter().map(|c| c.1).fold(f64::INFINITY, f64::min),
                corners
                    .iter()
                    .map(|c| c.0)
                    .fold(f64::NEG_INFINITY, f64::max),
                corners
                    .iter()
                    .map(|c| c.1)
                    .fold(f64::NEG_INFINITY, f64::max),
            ];
            let em = {
                let (a, b) = render.apply(0.0, 1.0);
                let (c, d) = render.apply(0.0, 0.0);
                ((a - c).powi(2) + (b - d).powi(2)).sqrt()
            };
            if bounds.iter().all(|b| b.is_finite()) {
                glyphs.push(Glyph {
                    text,
                    bounds,
                    size: em,
                    vertical,
                });
            }
            let spacing = state.char_spacing
                + if code == 32 && font.code_bytes == 1 {
                    state.word_spacing
                } else {
                    0.0
                };
            *tm = if vertical {
                Matrix::translate(0.0, -(size + spacing)).then(*tm)
            } else {
                Matrix::translate((w * size + spacing) * state.scale, 0.0).then(*tm)
            };
        }
        let room = MAX_GLYPHS.saturating_sub(self.drawn.glyphs.len());
        self.drawn.glyphs.extend(glyphs.into_iter().take(room));
    }

    /// A stroked line: kept when it runs along an axis.
    fn line(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        if (y0 - y1).abs() < 1.0 && (x0 - x1).abs() >= 1.0 {
            self.segment(true, (y0 + y1) / 2.0, x0.min(x1), x0.max(x1));
        } else if (x0 - x1).abs() < 1.0 && (y0 - y1).abs() >= 1.0 {
            self.segment(false, (x0 + x1) / 2.0, y0.min(y1), y0.max(y1));
        }
    }

    /// A filled rectangle: a rule when it is thin (a shaded cell is not).
    fn bar(&mut self, [x0, y0, x1, y1]: [f64; 4]) {
        let (w, h) = (x1 - x0, y1 - y0);
        if h <= RULE && w > h {
            self.segment(true, (y0 + y1) / 2.0, x0, x1);
        } else if w <= RULE && h > w {
            self.segment(false, (x0 + x1) / 2.0, y0, y1);
        }
    }

    fn segment(&mut self, horizontal: bool, at: f64, from: f64, to: f64) {
        if self.drawn.segments.len() < MAX_SEGMENTS && [at, from, to].iter().all(|v| v.is_finite())
        {
            self.drawn.segments.push(Segment {
                horizontal,
                at,
                from,
                to,
            });
        }
    }

    /// Draws a form XObject (WPS and Word put whole tables in them), within bounds.
    fn form(&mut self, resources: &Dictionary, name: &[u8], state: &State, depth: usize) {
        if depth >= MAX_DEPTH || self.forms >= MAX_FORMS {
            return;
        }
        let document = self.document;
        let Some(stream) = dictionary(document, resources, b"XObject")
            .and_then(|x| x.get(name).ok())
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
        else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => {
                self.drawn.images += 1;
                return;
            }
            Ok(b"Form") => {}
            _ => return,
        }
        self.forms += 1;
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| numbers::<6>(a))
            .map_or(Matrix::IDENTITY, Matrix);
        let own = dictionary(document, &stream.dict, b"Resources")
            .cloned()
            .unwrap_or_else(|| resources.clone());
        let Some(content) = stream_bytes(stream) else {
            return;
        };
        let mut inner = state.clone();
        inner.ctm = matrix.then(state.ctm);
        self.run(&content, &own, inner, depth + 1);
    }
}
