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
    /// Replaces the whole family (its version before the last save); the id stays.
    Replace(Family),
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
    #[error("身份证号 {0} 已经在这个家庭里了（每人只录入一次）")]
    DuplicateIdNumber(String),
}

/// Refuses a member whose ID number the holder or another member already has (masked in
/// the message).
fn check_unique_id_number(
    family: &Family,
    member: &Member,
    editing: Option<u32>,
) -> Result<(), EditError> {
    let Some(id) = member
        .id_number
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return Ok(());
    };
    let same = |other: Option<&str>| other.is_some_and(|o| o.trim().eq_ignore_ascii_case(id));
    let taken = same(family.holder.id_number.as_deref())
        || family
            .members
            .iter()
            .filter(|m| Some(m.id) != editing)
            .any(|m| same(m.id_number.as_deref()));
    if taken {
        Err(EditError::DuplicateIdNumber(super::mask(id)))
    } else {
        Ok(())
    }
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
    /// The form being typed in, while its edits merge into one undo step.
    typing_in: Option<&'static str>,
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
            typing_in: None,
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
        self.typing_in = None;
        let next = self.edited(edit)?;
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

    /// Applies an edit made while typing in `form` (the holder's fields): the edits of one
    /// stretch of typing make one undo step, so Ctrl+Z takes back the whole change, not a
    /// letter. Any other edit, undo or redo ends the stretch.
    pub fn apply_typing(&mut self, form: &'static str, edit: FamilyEdit) -> Result<(), EditError> {
        if self.typing_in != Some(form) {
            self.apply(edit)?;
            self.typing_in = Some(form);
            return Ok(());
        }
        let next = self.edited(edit)?;
        if next != self.family {
            self.family = next;
            self.redo.clear();
            self.dirty = true;
            self.revision = next_revision();
        }
        Ok(())
    }

    /// Ends a stretch of typing: the next edit starts a new undo step.
    pub fn end_typing(&mut self) {
        self.typing_in = None;
    }

    /// The family after `edit`, or why the edit is refused.
    fn edited(&self, edit: FamilyEdit) -> Result<Family, EditError> {
        let mut next = self.family.clone();
        match edit {
            FamilyEdit::SetLabel(label) => next.label = label,
            FamilyEdit::Replace(family) => {
                next = Family {
                    id: next.id.clone(),
                    ..family
                };
            }
            FamilyEdit::SetHolder(holder) => next.holder = holder,
            FamilyEdit::AddMember(mut member) => {
                if member.name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
                check_unique_id_number(&next, &member, None)?;
                member.id = next.next_member_id();
                next.members.push(member);
            }
            FamilyEdit::UpdateMember(member) => {
                if member.name.trim().is_empty() {
                    return Err(EditError::EmptyName);
                }
                check_unique_id_number(&next, &member, Some(member.id))?;
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
        Ok(next)
    }

    /// Goes back one edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.typing_in = None;
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
        self.typing_in = None;
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.family, next));
        self.dirty = true;
        self.revision = next_revision();
        true
    }
}
