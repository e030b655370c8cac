//! The derive's model of one struct: what `attr` parses and `check` validates, spans kept.

use proc_macro2::Span;

/// A value with the span of the tokens it came from.
#[derive(Clone)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

/// The struct being derived.
pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    /// `name = ".."`: the form's name in a set and on the command line.
    pub name: Option<Sp<String>>,
    pub label: Option<Sp<String>>,
    pub corner: Option<Sp<String>>,
    pub columns: Option<Span>,
    /// `table`: the form is drawn as one table.
    pub table: Option<Span>,
    /// `unit_column`: the form's label–value blocks draw units in a column of their own.
    pub unit_column: Option<Span>,
    pub checks: Vec<Check>,
    pub ranges: Vec<Range>,
    pub crate_path: Option<syn::Path>,
    pub doc: Option<String>,
    pub serde_rename_all: Option<Sp<String>>,
    /// `#[serde(default)]` on the struct: no field is required.
    pub serde_default: bool,
    /// `#[serde(deny_unknown_fields)]`.
    pub serde_deny_unknown_fields: bool,
    /// `#[serde(transparent)]`, `from`, `try_from`, `into`, `remote` or `tag`: the struct is not
    /// the JSON object of its fields.
    pub serde_reshapes: Vec<Sp<String>>,
    pub fields: Vec<Field<'a>>,
}

impl Container<'_> {
    /// The meta of every rule the struct declares: its checks and ranges, its fields' totals
    /// and ranges.
    pub fn rule_metas(&self) -> impl Iterator<Item = &RuleMeta> {
        self.checks
            .iter()
            .map(|ch| &ch.meta)
            .chain(self.ranges.iter().map(|r| &r.meta))
            .chain(self.fields.iter().flat_map(|f| {
                f.total
                    .iter()
                    .map(|t| &t.meta)
                    .chain(f.ranges.iter().map(|r| &r.meta))
                    .chain(f.previous.iter().map(|p| &p.meta))
            }))
    }

    /// The rule ids the struct declares (on its checks and ranges, its fields' totals and
    /// ranges), each with what it declares in words — the expression, what a total sums, the
    /// qualifiers, severity and wording: two structs may declare the same rule under one id,
    /// not two rules.
    pub fn declared_ids(&self) -> Vec<(&Sp<String>, String)> {
        let range = |r: &Range| {
            let bound = |b: &Option<Sp<Number>>| {
                b.as_ref().map_or("", |n| n.value.text.as_str()).to_owned()
            };
            format!(
                "range {}..{}{}",
                bound(&r.min),
                bound(&r.max),
                r.meta.places()
            ) + &r.meta.wording()
        };
        let fields: Vec<&Field<'_>> = self.fields.iter().filter(|f| f.skip.is_none()).collect();
        let mut ids = Vec::new();
        for check in &self.checks {
            if let Some(id) = &check.meta.id {
                let meaning = format!("check {}{}", check.text(), check.meta.places());
                ids.push((id, meaning + &check.meta.wording()));
            }
        }
        for r in &self.ranges {
            if let Some(id) = &r.meta.id {
                ids.push((id, range(r)));
            }
        }
        for field in &fields {
            if let Some(id) = field
                .total
                .as_ref()
                .and_then(|t| t.meta.id.as_ref().map(|id| (id, t)))
            {
                let (id, total) = id;
                let siblings: Vec<String> = fields
                    .iter()
                    .filter(|f| f.ident != field.ident)
                    .map(|f| f.ident.to_string())
                    .collect();
                let meaning = format!(
                    "total {} == {}{}",
                    field.ident,
                    siblings.join(" + "),
                    total.meta.places()
                );
                ids.push((id, meaning + &total.meta.wording()));
            }
            for r in &field.ranges {
                if let Some(id) = &r.meta.id {
                    ids.push((id, range(r)));
                }
            }
            if let Some(previous) = &field.previous
                && let Some(id) = &previous.meta.id
            {
                let meaning = format!(
                    "previous {} == previous.{}",
                    field.ident, previous.counterpart
                );
                ids.push((id, meaning + &previous.meta.wording()));
            }
        }
        ids
    }
}

/// One named field.
pub struct Field<'a> {
    pub ident: &'a syn::Ident,
    pub ty: &'a syn::Type,
    pub label: Option<Sp<String>>,
    pub aliases: Vec<Sp<String>>,
    pub total: Option<Total>,
    pub unit: Option<Sp<String>>,
    /// `unstated_unit = ".."`: the template states no unit; values are normalised to this one.
    pub unit_unstated: bool,
    pub ranges: Vec<Range>,
    /// `title`, `preamble`, `section` or `meta`: what the field is to the reader and the
    /// renderer.
    pub role: Option<Sp<Role>>,
    pub skip: Option<Span>,
    /// `plain`: a choice written as its label, not as check boxes.
    pub plain: Option<Span>,
    /// `reporter`: the field names who reports (an agency): reports of one reporter are told
    /// apart from others' in a batch.
    pub reporter: Option<Span>,
    /// `period`: the field is the period reported on (a year).
    pub period: Option<Span>,
    /// `previous(field, id = .., ..)`: the field equals `field` of the same reporter's report
    /// for the period before.
    pub previous: Option<Previous>,
    pub doc: Option<String>,
    pub serde_rename: Option<Sp<String>>,
    /// `#[serde(default)]` or `#[serde(default = "..")]`: the field may be missing.
    pub serde_default: bool,
    /// `#[serde(deserialize_with = "baobiao::present")]`: a cell that may be absent reads
    /// `null` as a blank.
    pub serde_present: bool,
    /// `#[serde(skip_serializing_if = "Option::is_none")]`.
    pub serde_skip_none: bool,
    /// `#[serde(skip)]`, `skip_serializing`, `skip_deserializing`, `flatten`, `with`,
    /// `serialize_with`, `deserialize_with` (but `baobiao::present`) or `getter`: the JSON
    /// shape no longer follows the struct, so the field must be `#[form(skip)]`.
    pub serde_reshapes: Option<Sp<String>>,
    /// `#[serde(skip)]` or `skip_deserializing`: serde does not read the field, so a form may
    /// leave it out of its schema.
    pub serde_unread: bool,
    /// `#[serde(alias = "..")]` or a `rename` with different names for reading and writing:
    /// serde would take a name the schema does not.
    pub serde_second_name: Option<Sp<String>>,
}

/// What a field is to the reader and the renderer, when it is more than a labelled part.
#[derive(Clone)]
pub enum Role {
    /// `title` or `title(pattern = "{agency}{year}年{}年度报告", ..)`: the ways the title is
    /// written, tried in order.
    Title(Vec<Sp<String>>),
    /// `preamble`: the text between the title and the first heading.
    Preamble,
    /// `section`: a part every report has, found by its heading.
    Section,
    /// `meta`: a `label：value` line.
    Meta,
}

impl Role {
    pub fn name(&self) -> &'static str {
        match self {
            Role::Title(_) => "title",
            Role::Preamble => "preamble",
            Role::Section => "section",
            Role::Meta => "meta",
        }
    }
}

/// Id, severity and wording of a rule.
#[derive(Default)]
pub struct RuleMeta {
    pub id: Option<Sp<String>>,
    pub severity: Option<Sp<Severity>>,
    pub message: Option<Sp<String>>,
    pub message_en: Option<Sp<String>>,
    /// `decimals = n`: the values were published rounded to `n` places.
    pub decimals: Option<Sp<u32>>,
    /// `when(..)`: the rule applies only when a yes/no or choice field has a value.
    pub when: Option<When>,
}

/// `when(has_new_media)`, `when(!has_new_media)`, `when(site_type == SiteType::Portal)`.
pub struct When {
    pub span: Span,
    /// The field, as Rust field names from the declaring struct.
    pub path: Vec<syn::Ident>,
    pub wanted: WhenValue,
    /// The condition as written, normalised.
    pub text: String,
}

/// The value a condition wants.
pub enum WhenValue {
    /// A yes/no field's value.
    Flag(bool),
    /// A choice's option, as written (`SiteType::Portal`).
    Option(syn::Expr),
    /// A number cell's value (`received == 0`).
    Number(Sp<Number>),
}

impl RuleMeta {
    /// `, severity = .., message = .., message_en = ..` as declared: also part of a rule.
    pub fn wording(&self) -> String {
        let mut out = String::new();
        if let Some(severity) = &self.severity {
            let name = match severity.value {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            out.push_str(&format!(", severity = {name}"));
        }
        if let Some(message) = &self.message {
            out.push_str(&format!(", message = {:?}", message.value));
        }
        if let Some(message) = &self.message_en {
            out.push_str(&format!(", message_en = {:?}", message.value));
        }
        out
    }

    /// `, decimals = n` and `, when(..)` when declared: part of what the rule says.
    pub fn places(&self) -> String {
        let decimals = self
            .decimals
            .as_ref()
            .map(|d| format!(", decimals = {}", d.value))
            .unwrap_or_default();
        let when = self
            .when
            .as_ref()
            .map(|w| format!(", when({})", w.text))
            .unwrap_or_default();
        decimals + &when
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// `#[form(total)]` or `#[form(total(id = .., ..))]`.
pub struct Total {
    pub span: Span,
    pub meta: RuleMeta,
}

/// `#[form(previous(carried_forward, id = .., message = ..))]` on a field.
pub struct Previous {
    pub span: Span,
    /// The sibling field of the previous period's report that this field equals.
    pub counterpart: syn::Ident,
    pub meta: RuleMeta,
}

/// `#[form(range(min = .., max = .., ..))]`.
pub struct Range {
    pub span: Span,
    pub min: Option<Sp<Number>>,
    pub max: Option<Sp<Number>>,
    pub meta: RuleMeta,
}

/// A numeric literal as written, with its value for compile-time comparisons.
#[derive(Clone)]
pub struct Number {
    pub text: String,
    pub value: f64,
}

impl Number {
    /// The literal as an exact integer mantissa and decimal scale, e.g. `-1.50` → (-150, 2);
    /// `None` when it does not fit.
    pub fn mantissa_scale(&self) -> Option<(i128, u32)> {
        let (int, frac) = self.text.split_once('.').unwrap_or((&self.text, ""));
        let digits = format!("{int}{frac}");
        let scale = u32::try_from(frac.len()).ok().filter(|&s| s <= 28)?;
        let mantissa: i128 = digits.parse().ok()?;
        // An exact decimal has a 96-bit mantissa.
        (mantissa.unsigned_abs() < 1 << 96).then_some((mantissa, scale))
    }
}

/// `#[form(check(lhs op rhs, ..))]`.
pub struct Check {
    pub span: Span,
    pub lhs: Vec<Term>,
    /// The comparison as written (`==`, `<=`, ..). What it means is the runtime's: its
    /// `Op::from_symbol`, evaluated in a `const`, refuses an operator it does not know.
    pub op: Sp<&'static str>,
    pub rhs: Vec<Term>,
    /// `each(a, b, c) <= total`: one instance per listed operand, on the side it stands; `lhs`
    /// or `rhs` holds the first of them.
    pub each: Option<Each>,
    pub meta: RuleMeta,
}

/// The operands of an `each(..)` side.
pub struct Each {
    /// True when `each(..)` is the left side.
    pub left: bool,
    /// The operands, in order (the side as each instance reads it).
    pub sides: Vec<Vec<Term>>,
}

/// One operand of a check, with its sign.
#[derive(Clone)]
pub struct Term {
    pub negative: bool,
    pub operand: Operand,
    /// `2 * a`: a constant the operand is multiplied by.
    pub factor: Option<Sp<Number>>,
}

#[derive(Clone)]
pub enum Operand {
    /// `a.b.c`: field names from the declaring struct.
    Path(Vec<syn::Ident>),
    /// `sum(a.rows[..].column)`: a column of repeated rows (`rows` a `Vec` field), or with no
    /// column every column, summed over the rows.
    Rows {
        rows: Vec<syn::Ident>,
        column: Option<syn::Ident>,
    },
    Literal(Sp<Number>),
}

impl Operand {
    /// The operand as written: `a.b`, `sum(rows[..].column)`, `2`.
    pub fn text(&self) -> String {
        let joined = |path: &[syn::Ident]| {
            path.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")
        };
        match self {
            Operand::Path(path) => joined(path),
            Operand::Rows { rows, column } => match column {
                Some(column) => format!("sum({}[..].{column})", joined(rows)),
                None => format!("sum({}[..])", joined(rows)),
            },
            Operand::Literal(n) => n.value.text.clone(),
        }
    }

    /// The path of fields of the declaring struct the operand starts with.
    pub fn path(&self) -> Option<&[syn::Ident]> {
        match self {
            Operand::Path(path) | Operand::Rows { rows: path, .. } => Some(path),
            Operand::Literal(_) => None,
        }
    }
}

impl Check {
    /// The expression as text, normalised: `a + b.c == d`.
    pub fn text(&self) -> String {
        let side = |terms: &[Term]| {
            let mut out = String::new();
            for (i, term) in terms.iter().enumerate() {
                match (i, term.negative) {
                    (0, false) => {}
                    (0, true) => out.push('-'),
                    (_, false) => out.push_str(" + "),
                    (_, true) => out.push_str(" - "),
                }
                if let Some(factor) = &term.factor {
                    out.push_str(&factor.value.text);
                    out.push_str(" * ");
                }
                out.push_str(&term.operand.text());
            }
            out
        };
        let each = |sides: &[Vec<Term>]| {
            let listed: Vec<String> = sides.iter().map(|s| side(s)).collect();
            format!("each({})", listed.join(", "))
        };
        match &self.each {
            Some(e) if e.left => {
                format!("{} {} {}", each(&e.sides), self.op.value, side(&self.rhs))
            }
            Some(e) => format!("{} {} {}", side(&self.lhs), self.op.value, each(&e.sides)),
            None => format!("{} {} {}", side(&self.lhs), self.op.value, side(&self.rhs)),
        }
    }

    /// Every term the check reads, in every instance.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        let each = self.each.iter().flat_map(|e| e.sides.iter().flatten());
        self.lhs.iter().chain(&self.rhs).chain(each)
    }

    /// The two sides of each instance the check declares: one, or one per `each(..)` operand.
    pub fn instances(&self) -> Vec<(&[Term], &[Term])> {
        match &self.each {
            None => vec![(&self.lhs, &self.rhs)],
            Some(e) if e.left => e
                .sides
                .iter()
                .map(|s| (s.as_slice(), self.rhs.as_slice()))
                .collect(),
            Some(e) => e
                .sides
                .iter()
                .map(|s| (self.lhs.as_slice(), s.as_slice()))
                .collect(),
        }
    }
}

impl Field<'_> {
    /// Whether serde requires the field in its input: not with a default, and not an
    /// `Option` (which serde fills with `None`).
    pub fn required(&self, container_default: bool) -> bool {
        let optional = match self.ty {
            syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Option"),
            _ => false,
        };
        !(container_default || self.serde_default || optional)
    }

    /// The key in serialised form, given the container's `rename_all`.
    pub fn key(&self, rename_all: Option<&str>) -> String {
        if let Some(rename) = &self.serde_rename {
            return rename.value.clone();
        }
        let ident = self.ident.to_string();
        let ident = ident.strip_prefix("r#").unwrap_or(&ident).to_owned();
        match rename_all {
            Some(rule) => crate::attr::apply_rename_all(rule, &ident).unwrap_or(ident),
            None => ident,
        }
    }
}
