//! The family being edited: every change goes through [`FamilyDocument::apply`], the one place
//! where edits are checked and undo/redo history is kept.

use super::model::{Expense, Family, Holder, Member};

/// One change to a family.
#[derive(Debug, Clone, PartialEq)]
pub enum FamilyEdit {
    SetLabel(String),
    SetHolder(Holder),
    AddMember(Member),
    UpdateMember(Member),
    /// Removes the member and his expenses.
    RemoveMember(u32),
    AddExpense(Expense),
    RemoveExpense(usize),
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("没有编号为 {0} 的家人")]
    NoSuchMember(u32),
    #[error("没有第 {0} 笔费用")]
    NoSuchExpense(usize),
    #[error("请填写姓名")]
    EmptyName,
}

/// How many steps back Ctrl+Z can go.
const HISTORY: usize = 200;

/// A family with its edit history and whether it has unsaved changes.
#[derive(Debug, Clone)]
pub struct FamilyDocument {
    family: Family,
    undo: Vec<Family>,
    redo: Vec<Family>,
    dirty: bool,
    /// Changes whenever the family does; unique across documents.
    revision: u64,
}

/// A new revision number, never given before in this process.
fn next_revision() -> u64 {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl FamilyDocument {
    /// A document for a family as loaded (no unsaved changes).
    pub fn new(family: Family) -> Self {
        FamilyDocument {
            family,
            undo: Vec::new(),
            redo: Vec::new(),
            dirty: false,
            revision: next_revision(),
        }
    }

    /// A document for a family not yet saved.
    pub fn new_unsaved(family: Family) -> Self {
        FamilyDocument {
            dirty: true,
            ..FamilyDocument::new(family)
        }
    }

    pub fn family(&self) -> &Family {
        &self.family
    }

    /// A number that changes whenever the family changes (to know when derived views such as
    /// the review are stale); no two documents share one.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Records that the current state is on disk.
    pub fn mark_saved(&mut self) {
        self.dirty = false;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Checks and applies an edit; a refused edit changes nothing.
    pub fn apply(&mut self, edit: FamilyEdit) -> Result<(), EditError> {
        let mut next = self.family.clone();
        match edit {
            FamilyEdit::SetLabel(label) => next.label = label,
            FamilyEdit::SetHolder(holder) => next.holder = holder,
            FamilyEdit::AddMember(mut member) => {
                if member.name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
                member.id = next.next_member_id();
                next.members.push(member);
            }
            FamilyEdit::UpdateMember(member) => {
                if member.name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
                let slot = next
                    .members
                    .iter_mut()
                    .find(|m| m.id == member.id)
                    .ok_or(EditError::NoSuchMember(member.id))?;
                *slot = member;
            }
            FamilyEdit::RemoveMember(id) => {
                if next.member(id).is_none() {
                    return Err(EditError::NoSuchMember(id));
                }
                next.members.retain(|m| m.id != id);
                next.expenses.retain(|e| e.member != id);
            }
            FamilyEdit::AddExpense(expense) => {
                if next.member(expense.member).is_none() {
                    return Err(EditError::NoSuchMember(expense.member));
                }
                next.expenses.push(expense);
            }
            FamilyEdit::RemoveExpense(index) => {
                if index >= next.expenses.len() {
                    return Err(EditError::NoSuchExpense(index + 1));
                }
                next.expenses.remove(index);
            }
        }
        if next != self.family {
            self.undo.push(std::mem::replace(&mut self.family, next));
            if self.undo.len() > HISTORY {
                self.undo.remove(0);
            }
            self.redo.clear();
            self.dirty = true;
            self.revision = next_revision();
        }
        Ok(())
    }

    /// Goes back one edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.family, previous));
        self.dirty = true;
        self.revision = next_revision();
        true
    }

    /// Re-applies an undone edit; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.family, next));
        self.dirty = true;
        self.revision = next_revision();
        true
    }
}
