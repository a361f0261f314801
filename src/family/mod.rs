//! Family binding (家庭共济): the family model, binding rules from policy data, ID numbers,
//! exact money, the payment simulation and the edit history.

pub mod document;
pub mod id_number;
pub mod ledger;
pub mod model;
pub mod money;
pub mod privacy;
pub mod review;
pub mod rules;

pub use document::{EditError, FamilyDocument, FamilyEdit};
pub use id_number::{IdNumber, IdNumberError, mask};
pub use ledger::{Ledger, LedgerRow, Totals, simulate};
pub use model::{
    BindingStatus, Expense, Family, Holder, Member, fresh_family_id, is_safe_family_id,
};
pub use money::{AmountError, format_yuan, parse_amount};
pub use privacy::{PersonalData, file_name_mask, mask_name};
pub use review::{
    FamilyReview, MemberReview, check_id_number, check_id_number_term, review_family,
};
pub use rules::{
    BindingError, BindingQuery, BindingVerdict, Distance, Reason, check_binding, check_binding_at,
    distance,
};
