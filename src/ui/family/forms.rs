//! The family tab's forms as typed (holder, relative, expense) and how typed text becomes an
//! edit of the family, or the reasons it cannot yet. No egui in this file.

use chrono::NaiveDate;

use crate::domain::{Insurance, InsuredStatus, Relation, Use};
use crate::family::{
    BindingStatus, Expense, Family, Holder, Member, check_id_number, parse_amount,
};
use crate::text::{Lang, Say, Word};

/// The holder's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct HolderForm {
    pub open: bool,
    pub label: String,
    pub name: String,
    pub id_text: String,
    pub insurance: Option<Insurance>,
    pub status: Option<InsuredStatus>,
    pub region: String,
    pub balance_text: String,
    pub errors: Vec<String>,
    /// The ID number or the balance was typed and is applied when the field is left (or on
    /// 完成), not at every key: "1,250" must not become 1.00 on the way.
    pub pending: bool,
}

impl HolderForm {
    /// The form filled from `family`.
    pub fn of(family: &Family, open: bool) -> Self {
        let holder = &family.holder;
        HolderForm {
            open,
            label: family.label.clone(),
            name: holder.name.clone(),
            id_text: holder.id_number.clone().unwrap_or_default(),
            insurance: Some(holder.insurance),
            status: holder.status,
            region: holder.region.clone(),
            balance_text: holder.balance.to_string(),
            errors: Vec::new(),
            pending: false,
        }
    }

    /// Whether only the ID number or the balance differ from `other` (fields applied when
    /// left, not at every key).
    pub fn only_numbers_differ(&self, other: &HolderForm) -> bool {
        self.label == other.label
            && self.name == other.name
            && self.insurance == other.insurance
            && self.status == other.status
            && self.region == other.region
            && (self.id_text != other.id_text || self.balance_text != other.balance_text)
    }

    /// Whether two forms hold the same typed values.
    pub fn same_fields(&self, other: &HolderForm) -> bool {
        self.label == other.label
            && self.name == other.name
            && self.id_text == other.id_text
            && self.insurance == other.insurance
            && self.status == other.status
            && self.region == other.region
            && self.balance_text == other.balance_text
    }

    /// The holder and the family's name as typed, or `None` with `errors` saying why. A
    /// family still called by its number gets the holder's surname (王喆 → 王家).
    pub fn checked_holder(&mut self, today: NaiveDate, lang: Lang) -> Option<(Holder, String)> {
        self.errors.clear();
        if self.name.trim().is_empty() {
            self.errors.push(Word::FillHolderName.text(lang).to_owned());
        }
        let id_number = match check_id_number(Some(&self.id_text), today) {
            Ok(id) => id.map(|id| id.as_str().to_owned()),
            // The problem itself is shown next to the field.
            Err(_) => {
                self.errors.push(Word::FixIdNumber.text(lang).to_owned());
                None
            }
        };
        let balance = match parse_amount(&self.balance_text) {
            Ok(amount) => Some(amount),
            Err(error) => {
                self.errors
                    .push(lang.labelled(Word::AccountBalance.text(lang), &error.to_string()));
                None
            }
        };
        if self.insurance.is_none() {
            self.errors
                .push(Word::ChooseInsurance.text(lang).to_owned());
        }
        let (Some(balance), Some(insurance), true) =
            (balance, self.insurance, self.errors.is_empty())
        else {
            return None;
        };
        let holder = Holder {
            name: self.name.trim().to_owned(),
            id_number,
            insurance,
            status: if insurance == Insurance::Employee {
                self.status
            } else {
                None
            },
            region: self.region.clone(),
            balance,
        };
        let typed_label = self.label.trim().to_owned();
        // Still the number, or a name derived while the holder's Latin name was being typed
        // ("J family" while typing "John Smith"): derive it again from the name.
        let derived_while_typing = typed_label.strip_suffix(" family").is_some_and(|stem| {
            !stem.is_empty() && holder.name.split_whitespace().any(|w| w.starts_with(stem))
        });
        let label = if (typed_label.starts_with("家庭 ") || derived_while_typing)
            && !holder.name.is_empty()
        {
            family_name_of(&holder.name)
        } else if typed_label.is_empty() {
            "未命名家庭".to_owned()
        } else {
            typed_label
        };
        Some((holder, label))
    }
}

/// A relative's fields as typed (adding a new one, or editing `editing`).
#[derive(Debug, Clone)]
pub struct MemberForm {
    pub editing: Option<u32>,
    pub name: String,
    pub id_text: String,
    /// Not chosen until the user chooses: no relation is assumed (issue 14).
    pub relation: Option<Relation>,
    /// Not chosen until the user chooses; 不清楚 is a choice.
    pub insurance: Option<Insurance>,
    pub region: String,
    pub status: BindingStatus,
    pub supported_by_others: bool,
    pub notes: String,
    pub error: Option<String>,
}

impl MemberForm {
    /// An empty form for a relative insured in `region`.
    pub fn empty(region: &str) -> Self {
        MemberForm {
            editing: None,
            name: String::new(),
            id_text: String::new(),
            relation: None,
            insurance: None,
            region: region.to_owned(),
            status: BindingStatus::Planned,
            supported_by_others: false,
            notes: String::new(),
            error: None,
        }
    }

    /// The form filled from a member, to edit him.
    pub fn of(member: &Member) -> Self {
        MemberForm {
            editing: Some(member.id),
            name: member.name.clone(),
            id_text: member.id_number.clone().unwrap_or_default(),
            relation: Some(member.relation),
            insurance: Some(member.insurance),
            region: member.region.clone(),
            status: member.status,
            supported_by_others: member.supported_by_others,
            notes: member.notes.clone(),
            error: None,
        }
    }

    /// The member as typed (`previous`: the member being edited), or `None` with `error`
    /// saying why.
    pub fn checked_member(
        &mut self,
        previous: Option<&Member>,
        today: NaiveDate,
        lang: Lang,
    ) -> Option<Member> {
        if self.name.trim().is_empty() {
            self.error = Some(Word::FillRelativeName.text(lang).to_owned());
            return None;
        }
        let Ok(id_number) = check_id_number(Some(&self.id_text), today) else {
            // The problem itself is shown next to the field.
            self.error = Some(Word::FixIdNumber.text(lang).to_owned());
            return None;
        };
        let Some(relation) = self.relation else {
            self.error = Some(Word::ChooseRelation.text(lang).to_owned());
            return None;
        };
        let Some(insurance) = self.insurance else {
            self.error = Some(Word::ChooseRelativeInsurance.text(lang).to_owned());
            return None;
        };
        Some(Member {
            id: self.editing.unwrap_or(0),
            name: self.name.trim().to_owned(),
            id_number: id_number.map(|id| id.as_str().to_owned()),
            relation,
            insurance,
            region: self.region.clone(),
            status: self.status,
            bound_on: previous
                .and_then(|m| m.bound_on)
                .or_else(|| (self.status == BindingStatus::Bound).then_some(today)),
            ended_on: previous
                .and_then(|m| m.ended_on)
                .or_else(|| (self.status == BindingStatus::Ended).then_some(today)),
            supported_by_others: self.supported_by_others,
            notes: self.notes.trim().to_owned(),
        })
    }
}

/// An expense as typed.
#[derive(Debug, Clone)]
pub struct ExpenseForm {
    pub member: Option<u32>,
    pub date_text: String,
    pub category: Use,
    pub amount_text: String,
    pub error: Option<String>,
}

impl ExpenseForm {
    /// An empty form dated `today`.
    pub fn new(today: NaiveDate) -> Self {
        ExpenseForm {
            member: None,
            date_text: today.format("%Y-%m-%d").to_string(),
            category: Use::MedicalSelfPay,
            amount_text: String::new(),
            error: None,
        }
    }

    /// The expense as typed, or `None` with `error` saying why.
    pub fn checked_expense(&mut self, lang: Lang) -> Option<Expense> {
        let Some(member) = self.member else {
            self.error = Some(Word::ChooseRelative.text(lang).to_owned());
            return None;
        };
        let Ok(date) = NaiveDate::parse_from_str(self.date_text.trim(), "%Y-%m-%d") else {
            self.error = Some(
                Say::BadDate {
                    typed: self.date_text.trim().to_owned(),
                }
                .text(lang),
            );
            return None;
        };
        let amount = match parse_amount(&self.amount_text) {
            Ok(amount) => amount,
            Err(error) => {
                self.error = Some(lang.labelled(Word::Amount.text(lang), &error.to_string()));
                return None;
            }
        };
        Some(Expense {
            member,
            date,
            category: self.category,
            amount,
            note: String::new(),
        })
    }
}

/// A family's name from its holder's: the surname and 家 for a Chinese name (王喆 → 王家),
/// the last word and "family" for a name in Latin letters (John Smith → Smith family).
fn family_name_of(holder_name: &str) -> String {
    let name = holder_name.trim();
    let first = name.chars().next().unwrap_or('某');
    if first.is_ascii_alphabetic() {
        let surname = name.split_whitespace().last().unwrap_or(name);
        format!("{surname} family")
    } else {
        format!("{first}家")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
    }

    #[test]
    fn a_holder_form_with_a_comma_in_the_balance_is_not_applied() {
        let mut form = HolderForm::of(&Family::new("f", "家庭 1", "nanjing"), true);
        form.name = "王喆".to_owned();
        form.balance_text = "12,5".to_owned();
        assert!(form.checked_holder(today(), Lang::Zh).is_none());
        assert!(form.errors.iter().any(|e| e.contains("请用小数点")));
        form.balance_text = "12.5".to_owned();
        let (holder, label) = form.checked_holder(today(), Lang::Zh).expect("valid");
        assert_eq!(holder.balance.to_string(), "12.50");
        assert_eq!(label, "王家");
    }

    #[test]
    fn a_foreign_holder_names_the_family_by_the_last_word() {
        let mut form = HolderForm::of(&Family::new("f", "家庭 1", "nanjing"), true);
        // Applied as typed, one keystroke at a time, the name never sticks at "J family".
        let mut label = String::new();
        for typed in ["J", "Jo", "John", "John ", "John S", "John Smith"] {
            form.name = typed.to_owned();
            label = form.checked_holder(today(), Lang::En).expect("valid").1;
            form.label.clone_from(&label);
        }
        assert_eq!(label, "Smith family");
    }

    #[test]
    fn an_expense_needs_a_member_a_date_and_an_amount() {
        let mut form = ExpenseForm::new(today());
        assert!(form.checked_expense(Lang::Zh).is_none());
        form.member = Some(1);
        form.amount_text = "0,5".to_owned();
        assert!(form.checked_expense(Lang::Zh).is_none());
        form.amount_text = "0.5".to_owned();
        assert!(form.checked_expense(Lang::Zh).is_some());
    }
}
