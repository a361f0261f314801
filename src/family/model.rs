//! A family as the editor keeps it: the insured holder, the relatives he binds, and the
//! expenses to simulate. Saved as JSON (see `store`).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::{Insurance, InsuredStatus, Relation, Use};

/// The employee whose personal account pays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    pub name: String,
    /// Optional; validated when given. Shown masked outside the edit field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    pub insurance: Insurance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InsuredStatus>,
    pub region: String,
    /// Personal-account balance in yuan.
    #[serde(with = "rust_decimal::serde::str")]
    pub balance: Decimal,
}

/// Where a binding stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
pub enum BindingStatus {
    #[default]
    Planned,
    Bound,
    Ended,
}

impl BindingStatus {
    pub const ALL: &'static [BindingStatus] = <BindingStatus as strum::VariantArray>::VARIANTS;

    pub fn label(self) -> &'static str {
        match self {
            BindingStatus::Planned => "打算绑定",
            BindingStatus::Bound => "已绑定",
            BindingStatus::Ended => "已解除",
        }
    }
    /// The label in `lang`.
    pub fn label_in(self, lang: crate::text::Lang) -> &'static str {
        match (lang, self) {
            (crate::text::Lang::Zh, _) => self.label(),
            (crate::text::Lang::En, BindingStatus::Planned) => "planned",
            (crate::text::Lang::En, BindingStatus::Bound) => "bound",
            (crate::text::Lang::En, BindingStatus::Ended) => "ended",
        }
    }
}

/// A relative of the holder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Stable within the family, for expenses to refer to.
    pub id: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    /// From the holder's side: the member is the holder's …
    pub relation: Relation,
    pub insurance: Insurance,
    pub region: String,
    #[serde(default)]
    pub status: BindingStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_on: Option<NaiveDate>,
    /// Someone else (another employee) also supports this relative.
    #[serde(default)]
    pub supported_by_others: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A bill to pay for a member, in yuan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expense {
    pub member: u32,
    pub date: NaiveDate,
    pub category: Use,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A holder, his relatives and their expenses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// File-name-safe id, unique among saved families.
    pub id: String,
    /// What the family is called in the list (e.g. 张家).
    pub label: String,
    pub holder: Holder,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub expenses: Vec<Expense>,
}

/// Whether `id` can name a family file: 1–64 characters of `a-z`, `0-9`, `_` and `-`, so it
/// can never leave the families folder (`../x`) or clash with a reserved name.
pub fn is_safe_family_id(id: &str) -> bool {
    // Names Windows reserves for devices (`nul.json` writes nowhere), whatever follows a dot.
    const RESERVED: &[&str] = &[
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && !id.starts_with('-')
        && !RESERVED.contains(&id)
}

/// A fresh family id from the current time (`family-20261130143005123`), safe by
/// construction; `taken` ids get a numbered suffix.
pub fn fresh_family_id<S: AsRef<str>>(taken: &[S]) -> String {
    let stamp = chrono::Local::now().format("%Y%m%d%H%M%S%3f").to_string();
    let base = format!("family-{stamp}");
    let mut id = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.as_ref() == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl Family {
    /// A new family with an employee holder in `region` and an empty account.
    pub fn new(id: &str, label: &str, region: &str) -> Self {
        Family {
            id: id.to_owned(),
            label: label.to_owned(),
            holder: Holder {
                name: String::new(),
                id_number: None,
                insurance: Insurance::Employee,
                status: Some(InsuredStatus::InService),
                region: region.to_owned(),
                balance: Decimal::ZERO,
            },
            members: Vec::new(),
            expenses: Vec::new(),
        }
    }

    /// The member with this id.
    pub fn member(&self, id: u32) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// An id no member has yet.
    pub fn next_member_id(&self) -> u32 {
        self.members
            .iter()
            .map(|m| m.id)
            .max()
            .map_or(1, |max| max + 1)
    }
}
