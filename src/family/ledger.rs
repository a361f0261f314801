//! Simulated payment of the family's bills from the holder's personal account: each allowed
//! expense is paid from the balance until it runs out, the rest is out of pocket.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{BindingStatus, Family};
use super::review::FamilyReview;
use crate::domain::{Use, Verdict};
use crate::text::{Say, Sentence, Term};

/// One expense after simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerRow {
    /// Index into `family.expenses`.
    pub expense: usize,
    pub member: u32,
    pub date: NaiveDate,
    pub category: Use,
    pub amount: Decimal,
    /// Why the account cannot pay it, when it cannot.
    pub not_allowed: Option<Sentence>,
    pub from_account: Decimal,
    pub out_of_pocket: Decimal,
    pub balance_after: Decimal,
}

/// Sums for a member or a category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub from_account: Decimal,
    pub out_of_pocket: Decimal,
}

/// The whole simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    pub rows: Vec<LedgerRow>,
    pub opening_balance: Decimal,
    pub closing_balance: Decimal,
    pub total: Totals,
    pub by_member: BTreeMap<u32, Totals>,
    pub by_category: BTreeMap<Use, Totals>,
}

/// Pays the expenses in date order (ties in entry order).
pub fn simulate(family: &Family, review: &FamilyReview) -> Ledger {
    let mut order: Vec<usize> = (0..family.expenses.len()).collect();
    order.sort_by_key(|&i| family.expenses[i].date);
    let opening = family.holder.balance.max(Decimal::ZERO);
    let mut balance = opening;
    let mut ledger = Ledger {
        rows: Vec::with_capacity(order.len()),
        opening_balance: opening,
        closing_balance: opening,
        total: Totals::default(),
        by_member: BTreeMap::new(),
        by_category: BTreeMap::new(),
    };
    for index in order {
        let expense = &family.expenses[index];
        let not_allowed = why_not_allowed(family, review, expense.member, expense.category);
        let from_account = if not_allowed.is_none() {
            expense.amount.min(balance).max(Decimal::ZERO)
        } else {
            Decimal::ZERO
        };
        balance -= from_account;
        let out_of_pocket = expense.amount - from_account;
        for totals in [
            &mut ledger.total,
            ledger.by_member.entry(expense.member).or_default(),
            ledger.by_category.entry(expense.category).or_default(),
        ] {
            totals.from_account += from_account;
            totals.out_of_pocket += out_of_pocket;
        }
        ledger.rows.push(LedgerRow {
            expense: index,
            member: expense.member,
            date: expense.date,
            category: expense.category,
            amount: expense.amount,
            not_allowed,
            from_account,
            out_of_pocket,
            balance_after: balance,
        });
    }
    ledger.closing_balance = balance;
    ledger
}

fn why_not_allowed(
    family: &Family,
    review: &FamilyReview,
    member_id: u32,
    category: Use,
) -> Option<Sentence> {
    let Some(member) = family.member(member_id) else {
        return Some(Say::ExpenseMemberRemoved.into());
    };
    if member.status == BindingStatus::Ended {
        return Some(
            Say::BindingEnded {
                name: member.name.clone(),
            }
            .into(),
        );
    }
    let Some(verdict) = review
        .member(member_id)
        .and_then(|r| r.verdict.as_ref().ok())
    else {
        return Some(Say::BindingUnknown.into());
    };
    if verdict.verdict == Verdict::NotEligible {
        return Some(
            Say::CannotBindName {
                name: member.name.clone(),
            }
            .into(),
        );
    }
    if !verdict.allowed_uses.contains(&category) {
        return Some(
            Say::AccountCannotPay {
                name: member.name.clone(),
                use_label: Term::new(category.label(), category.english()),
            }
            .into(),
        );
    }
    None
}
