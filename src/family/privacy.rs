//! How personal data appears outside the editor: names and ID numbers are masked unless the
//! user asks to include them.

use super::id_number::mask;
use super::model::{Holder, Member};
use crate::text::Term;

/// Whether an export shows names and ID numbers in full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PersonalData {
    /// 张** and 3702**********1234 (the default).
    #[default]
    Masked,
    /// As typed.
    Included,
}

/// A name with everything but its first character hidden: 张三丰 → 张**.
/// `王喆` → `王某`: who a list is for in a file name (DOMAIN.md; on screen masks stay 王**).
/// A one-character name stays as it is masked on screen.
pub fn file_name_mask(name: &str) -> String {
    let mut chars = name.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(_)) => format!("{first}某"),
        _ => mask_name(name),
    }
}

/// `王喆` → `王*`, `欧阳娜娜` → `欧***`: a name as exports show it when masked.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.trim().chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let rest = chars.count();
            if rest == 0 {
                "*".to_owned()
            } else {
                format!("{first}{}", "*".repeat(rest))
            }
        }
    }
}

/// "张**（身份证 3702**********1234）" (in English "张** (ID 3702**********1234)"), or the
/// full name and number when included.
fn person(name: &str, id_number: Option<&str>, personal: PersonalData) -> Term {
    let (zh, en) = match (name.trim().is_empty(), personal) {
        (true, _) => ("（未填姓名）".to_owned(), "(no name given)".to_owned()),
        (false, PersonalData::Masked) => (mask_name(name), mask_name(name)),
        (false, PersonalData::Included) => (name.trim().to_owned(), name.trim().to_owned()),
    };
    match id_number.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => {
            let id = match personal {
                PersonalData::Masked => mask(id),
                PersonalData::Included => id.to_owned(),
            };
            Term {
                zh: format!("{zh}（身份证 {id}）"),
                en: format!("{en} (ID {id})"),
            }
        }
        None => Term { zh, en },
    }
}

/// How the holder is named in an export, in both languages.
pub fn holder_line(holder: &Holder, personal: PersonalData) -> Term {
    person(&holder.name, holder.id_number.as_deref(), personal)
}

/// How a member is named in an export, in both languages.
pub fn member_line(member: &Member, personal: PersonalData) -> Term {
    person(&member.name, member.id_number.as_deref(), personal)
}
