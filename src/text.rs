//! Every sentence the code builds itself — not the policy data's, which stays as written —
//! as an id with its parameters ([`Say`]), and its words in each language ([`Lang`]); the
//! window's own words ([`Word`]); and [`Sentence`], a built sentence as the core returns it
//! (Chinese for the CLI, JSON and exports; its id for the window). Verdict reasons, what would
//! change them, ignored answers, the family's problems and the ledger's notes come from here,
//! so a language is a table, not a rewrite (issue 12: the English window).
//!
//! Over 600 lines because it is that table: each sentence is written once per language, and
//! the test lists one example of each so that a sentence missing a language fails.

use serde::{Deserialize, Serialize};

/// The language of the window and of the sentences built by the code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// "label：value" in Chinese, "label: value" in English.
    pub fn labelled(self, label: &str, value: &str) -> String {
        match self {
            Lang::Zh => format!("{label}：{value}"),
            Lang::En => format!("{label}: {value}"),
        }
    }

    /// "label（note）" in Chinese, "label (note)" in English.
    pub fn with_note(self, label: &str, note: &str) -> String {
        match self {
            Lang::Zh => format!("{label}（{note}）"),
            Lang::En => format!("{label} ({note})"),
        }
    }

    /// The separator of a list of clauses: ； or a semicolon.
    pub fn sentence_separator(self) -> &'static str {
        match self {
            Lang::Zh => "；",
            Lang::En => "; ",
        }
    }

    /// The separator of a list: 、 or a comma.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }
}

/// A vocabulary label inside a sentence, in both languages (a relation, an insurance, a use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub zh: String,
    pub en: String,
}

impl Term {
    pub fn new(zh: &str, en: String) -> Self {
        Term {
            zh: zh.to_owned(),
            en,
        }
    }
}

/// A sentence the code builds, with what it needs to say it. Question texts and value
/// labels are passed as they are shown (from the policy data, which stays Chinese).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "id", rename_all = "snake_case")]
pub enum Say {
    /// A case ruled out because its questions are no longer asked.
    NotApplicableAfterAnswers,
    /// What would change that: the question being asked again.
    IfAskedAgain { question: String },
    /// A case ruled out by an answer.
    FailedCondition { question: String, answer: String },
    /// What would change that: another answer.
    IfAnswered { question: String, values: String },
    /// What would change a refusal: any answer but these.
    IfNotAnswered { question: String, values: String },
    /// A question still open.
    AnswerQuestion { question: String },
    /// A question still open, and the answer that makes the case apply.
    AnswerQuestionWith { question: String, values: String },
    /// The local office decides (with the hotline, 区号+12393).
    OfficeConfirms { region: String },
    /// A case that never lets anyone take cash.
    NeverCash,
    /// An answer not used because another answer rules its question out.
    IgnoredRuledOut { question: String, answer: String },
    /// An answer the procedure never asks.
    IgnoredNotAsked { procedure: Term },
    /// An answer no rule of the region reads.
    IgnoredNotRead { region: String },
    /// The transfer rules: who they cover and the two time limits.
    TransferCovers {
        covers: String,
        sending_days: u32,
        receiving_starts_on: String,
        receiving_days: u32,
    },
    /// Not moving: nothing to transfer.
    NotMoving,
    /// What would change that.
    IfMoving,
    /// Not insuring at the new place.
    NoNewScheme { backpay_months: u32 },
    /// What would change that.
    IfJoiningAScheme,
    /// A retiree, outside the transfer rules.
    RetireeOutsideTransfer,
    /// The office says how a retiree proceeds.
    OfficeConfirmsRetiree { region: String },
    /// Resident insurance has no personal account (when the data has no rule for it).
    ResidentHasNoAccount,
    /// The office says what happens to the balance.
    OfficeConfirmsBalance { region: String },
    /// An employee scheme at the new place: the balance moves.
    BalanceMoves,
    /// The expected dates of a covered transfer.
    TransferDates {
        today: String,
        sent_by: String,
        receiving_starts_on: String,
        receiving_days: u32,
        done_by: String,
    },
    /// First steps while the transfer questions are open.
    AnswerTransferQuestionsFirst,
    /// The hotline step while the transfer questions are open.
    AskHotlineIfUnsure,
    /// The transfer case's title.
    TransferTitle,
    /// Who applies for a transfer.
    TransferApplicants,
    /// The fee of an official procedure.
    Free,
    /// An answer ruled out by other answers (when the ruling answer cannot be named).
    IgnoredByOtherAnswers,
    /// Joins alternative values: 是或否 / yes or no.
    OrJoined { values: Vec<String> },
    /// (family-sharing binding)
    BindingApplicants,
    /// (family-sharing binding)
    StepInProvince { step: String },
    /// (family-sharing binding)
    StepOtherProvince { step: String },
    /// (family-sharing binding)
    CanBind { uses: Term },
    /// (family-sharing binding)
    IfAppShowsBothProvinces { channel: String },
    /// (family-sharing binding)
    ProbablyCanBind,
    /// (family-sharing binding)
    BindByEmployeeRelative,
    /// (family-sharing binding)
    OnlyCloseRelatives,
    /// (family-sharing binding)
    CannotBind,
    /// (family-sharing binding)
    BindingTitle,
    /// (family-sharing binding)
    BindRelation { relation: Term },
    /// (family-sharing binding)
    HolderIs { insurance: Term, reason: String },
    /// (family-sharing binding)
    AnswerToSeeBinding,
    /// (family-sharing binding)
    NoBindingRules { region: String },
    /// (family-sharing binding)
    OfficeTellsHow { region: String },
    /// (family-sharing binding)
    HolderLine { holder: Term },
    /// (family-sharing binding)
    MemberLine {
        relation: Term,
        name: Term,
        insurance: Term,
        region: String,
    },
    /// (family-sharing binding)
    BindMemberTitle { relation: Term, name: Term },
    /// (family-sharing binding)
    AlreadyBound,
    /// (family-sharing binding)
    MemberRegionUnknown { error: String },
    /// (family-sharing binding)
    NoMembersToBind,
    /// (binding rules)
    NoBindingRulesAskHotline { region: String },
    /// (binding rules)
    NoRelationRule { relation: Term },
    /// (binding rules)
    NoBeneficiaryRule { insurance: Term },
    /// (binding rules)
    SameProvinceChannel { reason: String, channel: String },
    /// (binding rules)
    OtherProvinceChannel {
        place: String,
        reason: String,
        channel: String,
    },
    /// (binding rules)
    WalletNoCommercialInsurance,
    /// (binding rules)
    UseIsLocal { use_label: Term, reason: String },
    /// (binding rules)
    UseHasNoRule { use_label: Term },
    /// (binding rules)
    UninsuredRelativeFirst,
    /// (family-sharing binding) The relative's insurance is not known: how to find out.
    RelativeInsuranceUnknown,
    /// (places) A place without rules of its own shows an ancestor's.
    LocalRulesMissing { place: String, from: String },
    /// (places) 香港, 澳门, 台湾: outside the mainland insurance the app is about.
    OutsideMainland { place: String },
    /// (withdrawal) A case resting on local practice, in a place whose own list is not here.
    LocalCaseUnconfirmed { place: String, from: String },
    /// (binding rules)
    SupportedByOthers { reason: String },
    /// Only 全国 was chosen for a place of insurance.
    ProvinceUnknown,
    /// (family review and ledger)
    HolderIdProblem { problem: Term },
    /// A relative's ID number does not check out.
    MemberIdProblem { problem: Term },
    /// (family review and ledger)
    HolderRegionUnknown { region: String },
    /// (family review and ledger)
    SelfBinding,
    /// (family review and ledger)
    SameNameAsHolder,
    /// (family review and ledger)
    DuplicateMember { number: usize, name: String },
    /// (family review and ledger)
    YoungerThanRelationSays { relation: Term },
    /// (family review and ledger)
    OlderThanRelationSays { relation: Term },
    /// (family review and ledger)
    ExpenseMemberRemoved,
    /// (family review and ledger)
    BindingEnded { name: String },
    /// (family review and ledger)
    BindingUnknown,
    /// A ledger row's delete button.
    DeleteExpense { number: usize },
    /// A bill the account may not pay.
    PaidOutOfPocket {
        date: String,
        name: String,
        amount: String,
        why: String,
    },
    /// The ledger's totals.
    LedgerTotal {
        from_account: String,
        out_of_pocket: String,
        opening: String,
        closing: String,
    },
    /// One relative's or category's share.
    LedgerShare {
        who: String,
        from_account: String,
        out_of_pocket: String,
    },
    /// Which rows of a long list are shown.
    PagerRange {
        first: usize,
        last: usize,
        total: usize,
        unit: String,
    },
    /// Statements hidden because they are not in force on the date.
    HiddenOutOfForce { count: usize, date: String },
    /// A date typed in a form that is not a date.
    BadDate { typed: String },
    /// A family-tab status.
    Undone,
    /// A family-tab status.
    Redone,
    /// A family-tab status.
    NoSaveFolder,
    /// A family-tab status.
    SomeNotSaved {
        failed: usize,
        saved: usize,
        list: String,
    },
    /// A family-tab status.
    NothingToSave,
    /// A family-tab status.
    SavedTo { path: String },
    /// A family-tab status.
    SavedMany { count: usize, dir: String },
    /// A family-tab status.
    SaveBeforeRemoveFailed { error: String },
    /// A family-tab status.
    RemoveFailed { error: String },
    /// A family-tab status.
    MovedToRecycleBin { label: String },
    /// A family-tab status.
    RemovedNeverSaved { label: String },
    /// A family-tab status.
    UndoRemoveFailed { error: String },
    /// A family-tab status.
    RestoredFamily { label: String },
    /// A family-tab status.
    RestoredFromRecycleBin { label: String },
    /// A family-tab status.
    RestoreFailed { error: String },
    /// A family-tab status.
    DeletedForever { label: String },
    /// A family-tab status.
    DeleteFailed { error: String },
    /// A family-tab status.
    WentBackToBackup,
    /// A family-tab status.
    CannotReadFile { path: String, error: String },
    /// A family-tab status.
    Imported,
    /// A family-tab status.
    ImportFailed { error: String },
    /// A family-tab status.
    BackupFailed { error: String },
    /// A family-tab status.
    BackedUpTo { path: String },
    /// A family-tab status.
    Refused { error: String },
    /// A family-tab status.
    HolderFormHasErrors,
    /// A family-tab status.
    NewOrSelectFamilyFirst,
    /// A family-tab status.
    AddRelativesBeforeExport,
    /// A family-tab status.
    NoPlacePicked,
    /// A family-tab status.
    NoExportFolderFound,
    /// A family-tab status.
    NoFilePicked,
    /// A line of the explorer.
    SearchFound {
        matched: usize,
        more: bool,
        limit: Option<usize>,
    },
    /// A line of the explorer.
    ResultRange {
        first: usize,
        last: usize,
        total: usize,
    },
    /// A line of the explorer.
    CompareSummary {
        regions: String,
        topic: String,
        rows: usize,
        differing: usize,
    },
    /// A line of the explorer.
    OnlyIn { regions: String },
    /// A line of the sources view.
    SourcesSeen { region: String, count: usize },
    /// A line of the sources view.
    Grade { grade: String },
    /// A line of the sources view.
    CitedBy { count: usize },
    /// A problem found while opening the family files.
    FamiliesFolderUnreadable { dir: String, error: String },
    /// A problem found while opening the family files.
    NewerVersionFile { path: String, version: u32 },
    /// A problem found while opening the family files.
    DamagedUsedBackup { error: String, to: String },
    /// A problem found while opening the family files.
    DamagedSetAside { error: String, to: String },
    /// A problem found while opening the family files.
    DamagedNotMoved { error: String, move_error: String },
    /// A problem found while opening the family files.
    RecycleBinUnreadable { dir: String, error: String },
    /// A problem found while opening the family files.
    RecycledFileUnreadable { error: String },
    /// No data folder: families cannot be saved.
    NoDataFolder,
    /// Asks before moving a family to the recycle bin.
    ConfirmRemove { label: String },
    /// Asks before going back to the backup.
    ConfirmRestoreBackup { label: String },
    /// Asks before deleting a recycled family for good.
    ConfirmPurge { label: String },
    /// (family review and ledger)
    CannotBindName { name: String },
    /// (family review and ledger)
    AccountCannotPay { name: String, use_label: Term },
}

impl Say {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        match self {
            Say::NotApplicableAfterAnswers => "根据您前面的回答，这种情形不适用。".to_owned(),
            Say::IfAskedAgain { question } => {
                format!("前面的回答不同，使“{question}”需要回答时")
            }
            Say::FailedCondition { question, answer } => {
                format!("不符合条件：“{question}”的回答是“{answer}”。")
            }
            Say::IfAnswered { question, values } => format!("如果“{question}”的回答是“{values}”"),
            Say::IfNotAnswered { question, values } => {
                format!("如果“{question}”的回答不是“{values}”")
            }
            Say::AnswerQuestion { question } => format!("回答“{question}”"),
            Say::AnswerQuestionWith { question, values } => {
                format!("回答“{question}”：选“{values}”才适用")
            }
            Say::OfficeConfirms { region } => {
                format!("{region}医保经办机构确认可以办理（医保服务热线：手机拨打区号+12393）")
            }
            Say::NeverCash => "无论怎么回答，这种情形都不能支取现金。".to_owned(),
            Say::IgnoredRuledOut { question, answer } => {
                format!("您对“{question}”的回答是“{answer}”，所以这个问题不适用，这个回答没有用上。")
            }
            Say::IgnoredNotAsked { procedure: Term { zh: procedure, .. } } => {
                format!("{procedure}清单不问这个问题，这个回答没有用上。")
            }
            Say::IgnoredNotRead { region } => {
                format!("{region}的规定里，这个回答不影响能否支取，所以没有用上。")
            }
            Say::TransferCovers {
                covers,
                sending_days,
                receiving_starts_on,
                receiving_days,
            } => format!(
                "转移接续适用于{covers}转出地在{sending_days}个工作日内办完转出；转入地在{receiving_starts_on}后{receiving_days}个工作日内办完转入。"
            ),
            Say::NotMoving => "不转移医保关系，就不需要办理转移接续。".to_owned(),
            Say::IfMoving => "如果要把医保关系转到省内其他城市或外省".to_owned(),
            Say::NoNewScheme { backpay_months } => format!(
                "新地方不参保就无法接续。断缴不超过{backpay_months}个月的可以补缴；断缴更久的，重新参保后会有待遇等待期（各地规定不同）。"
            ),
            Say::IfJoiningAScheme => "如果到新地方参加职工医保或居民医保".to_owned(),
            Say::RetireeOutsideTransfer => "退休人员不在转移接续办法的范围内；退休后异地居住，一般办理异地就医备案，医保关系和个人账户怎么处理由当地规定。".to_owned(),
            Say::OfficeConfirmsRetiree { region } => {
                format!("{region}医保经办机构确认退休人员的办理方式（医保服务热线：手机拨打区号+12393）")
            }
            Say::ResidentHasNoAccount => "居民医保没有个人账户，余额怎么处理由当地规定。".to_owned(),
            Say::OfficeConfirmsBalance { region } => {
                format!("{region}医保经办机构确认个人账户余额的处理方式（医保服务热线：手机拨打区号+12393）")
            }
            Say::BalanceMoves => "参加职工医保的，个人账户余额随医保关系转到新参保地。".to_owned(),
            Say::TransferDates {
                today,
                sent_by,
                receiving_starts_on,
                receiving_days,
                done_by,
            } => format!(
                "按今天（{today}）申请算：原参保地约在 {sent_by} 前办完转出；新参保地在{receiving_starts_on}后{receiving_days}个工作日内办完，约在 {done_by} 前。只跳过了周末，没有扣除法定节假日，遇节假日顺延。"
            ),
            Say::AnswerTransferQuestionsFirst => "先回答还没回答的问题：在职还是退休、到新地方参加哪种医保，决定怎么办理。".to_owned(),
            Say::AskHotlineIfUnsure => "拿不准的，拨打医保服务热线（手机拨打：区号+12393），或到原参保地医保经办机构询问。".to_owned(),
            Say::TransferTitle => "医保关系转移接续".to_owned(),
            Say::TransferApplicants => "参保人本人（或委托的人）".to_owned(),
            Say::Free => "不收费".to_owned(),
            Say::IgnoredByOtherAnswers => "根据您的其他回答，这个问题不适用。".to_owned(),
            Say::OrJoined { values } => values.join("或"),
            Say::BindingApplicants => "参保人本人（职工医保，在职或退休）申请；家人按页面提示用本人身份确认。".to_owned(),
            Say::StepInProvince { step } => format!("家人在本省：{step}"),
            Say::StepOtherProvince { step } => format!("家人在外省：{step}"),
            Say::CanBind { uses: Term { zh: uses, .. } } => format!("可以绑定。共济的钱可以为这位家人支付：{uses}。"),
            Say::IfAppShowsBothProvinces { channel } => format!("{channel}显示双方所在省份都已开通跨省共济"),
            Say::ProbablyCanBind => "很可能可以绑定，但要先确认一点（见下）。".to_owned(),
            Say::BindByEmployeeRelative => "由参加职工医保的近亲属来绑定（只有职工医保有个人账户）".to_owned(),
            Say::OnlyCloseRelatives => "只有近亲属能绑定：可以请与他是近亲属、参加职工医保的人（例如他的子女或配偶）来绑定".to_owned(),
            Say::CannotBind => "不能绑定。".to_owned(),
            Say::BindingTitle => "家庭共济绑定".to_owned(),
            Say::BindRelation { relation: Term { zh: relation, .. } } => format!("绑定{relation}"),
            Say::HolderIs { insurance: Term { zh: insurance, .. }, reason } => format!("参保人是{insurance}：{reason}"),
            Say::AnswerToSeeBinding => "回答完左边的问题，就能知道能不能绑定、走哪个渠道、要带什么。".to_owned(),
            Say::NoBindingRules { region } => format!("{region}的政策数据里没有家庭共济绑定的规定。"),
            Say::OfficeTellsHow { region } => format!("{region}医保经办机构告诉您办理方式（医保服务热线：手机拨打区号+12393）"),
            Say::HolderLine { holder: Term { zh: holder, .. } } => format!("参保人：{holder}"),
            Say::MemberLine { relation: Term { zh: relation, .. }, name: Term { zh: name, .. }, insurance: Term { zh: insurance, .. }, region } => format!("{relation}：{name}，{insurance}，在{region}参保"),
            Say::BindMemberTitle { relation: Term { zh: relation, .. }, name: Term { zh: name, .. } } => format!("为{relation} {name} 办理绑定"),
            Say::AlreadyBound => "家庭记录显示已经绑定；已经办好的，这一项不用再办。".to_owned(),
            Say::MemberRegionUnknown { error } => format!("无法检查这位家人的参保地（{error}）；请在家庭里改成正确的参保地，或向医保经办机构确认。"),
            Say::NoMembersToBind => "（家庭里还没有要绑定的家人）".to_owned(),
            Say::NoBindingRulesAskHotline { region } => format!("{region} 的政策数据里没有家庭共济绑定的规定，请拨打医保服务热线（手机拨打：区号+12393）向当地医保部门确认。"),
            Say::NoRelationRule { relation: Term { zh: relation, .. } } => format!("政策数据里没有“{relation}”能否绑定的规定，请向当地医保部门确认。"),
            Say::NoBeneficiaryRule { insurance: Term { zh: insurance, .. } } => format!("政策数据里没有家人为“{insurance}”时可以支付什么的规定，请向当地确认。"),
            Say::SameProvinceChannel { reason, channel } => format!("家人在同一省内：{reason}（办理渠道：{channel}）"),
            Say::OtherProvinceChannel { place, reason, channel } => {
                let place = if place.is_empty() { String::new() } else { format!("（{place}）") };
                format!("家人在外省{place}：{reason}（办理渠道：{channel}）")
            }
            Say::WalletNoCommercialInsurance => "跨省共济的医保钱包不能用于购买商业保险。".to_owned(),
            Say::UseIsLocal { use_label: Term { zh: use_label, .. }, reason } => format!("{use_label}：因地而异，{reason}"),
            Say::UseHasNoRule { use_label: Term { zh: use_label, .. } } => format!("{use_label}：政策数据里没有规定，需向当地确认。"),
            Say::LocalRulesMissing { place, from } => format!("本地规定未收录，以下是{from}的规定；请向{place}的医保经办机构确认。"),
            Say::LocalCaseUnconfirmed { place, from } => format!("这一项是各地自己的办事规定；本应用没有收录{place}的办事指南，上面是{from}的规定，{place}能不能办、怎么办，以当地医保经办机构的答复为准。"),
            Say::OutsideMainland { place } => format!("本应用只说内地（大陆）的职工医保；{place}的医疗保障制度不同，以下全国的规定不适用于当地，请向当地有关部门了解。"),
            Say::RelativeInsuranceUnknown => "家人参加的是哪种医保还不清楚，能用共济的钱付什么要看这一点。查法：请家人用国家医保服务平台App或微信、支付宝里的医保电子凭证查看自己的参保信息；或拨打12393（手机拨打：区号+12393），报上家人的姓名和身份证号询问。".to_owned(),
            Say::UninsuredRelativeFirst => "家人还没有参保：先用个人账户为他缴纳居民医保，参保后才能支付他的看病买药费用。".to_owned(),
            Say::SupportedByOthers { reason } => format!("已有其他职工为这位家人共济：{reason}"),
            Say::ProvinceUnknown => "不知道参保人或家人在哪个省参保（只选了“全国”），无法判断是省内共济还是跨省共济；请选择具体的省或市。".to_owned(),
            Say::HolderIdProblem {
                problem: Term { zh: problem, .. },
            } => format!("参保人{problem}"),
            Say::MemberIdProblem {
                problem: Term { zh: problem, .. },
            } => problem.clone(),
            Say::HolderRegionUnknown { region } => format!("参保地“{region}”不在政策数据里"),
            Say::SelfBinding => "这是参保人本人（身份证号相同）：自己不需要、也不能绑定自己；本人看病买药直接用自己的医保。".to_owned(),
            Say::SameNameAsHolder => "和参保人同名：请确认不是参保人本人（本人不需要绑定）。".to_owned(),
            Say::DuplicateMember { number, name } => format!("和第 {number} 位家人“{name}”重复，请删除其中一个。"),
            Say::YoungerThanRelationSays { relation: Term { zh: relation, .. } } => format!("关系是“{relation}”，但按身份证号他比参保人年轻，请检查关系或身份证号。"),
            Say::OlderThanRelationSays { relation: Term { zh: relation, .. } } => format!("关系是“{relation}”，但按身份证号他比参保人年长，请检查关系或身份证号。"),
            Say::ExpenseMemberRemoved => "这笔费用的家人已被删除".to_owned(),
            Say::BindingEnded { name } => format!("{name} 的绑定已解除"),
            Say::BindingUnknown => "无法判断能否绑定".to_owned(),
            Say::DeleteExpense { number } => format!("删除第 {number} 笔"),
            Say::PaidOutOfPocket { date, name, amount, why } => format!("· {date} {name} {amount}：{why}，全部自己付"),
            Say::LedgerTotal { from_account, out_of_pocket, opening, closing } => format!("合计：账户支付 {from_account}，自己付 {out_of_pocket}；余额 {opening} → {closing}"),
            Say::LedgerShare { who, from_account, out_of_pocket } => format!("{who}：账户 {from_account} / 自付 {out_of_pocket}"),
            Say::PagerRange { first, last, total, unit } => format!("第 {first}–{last} {unit}，共 {total} {unit}"),
            Say::HiddenOutOfForce { count, date } => format!("另有 {count} 条在 {date} 不在有效期内，已隐藏。"),
            Say::BadDate { typed } => format!("日期“{typed}”不对，请按 2026-03-01 的格式填写"),
            Say::Undone => "已撤销".to_owned(),
            Say::Redone => "已重做".to_owned(),
            Say::NoSaveFolder => "没有可以保存的文件夹，无法保存。".to_owned(),
            Say::SomeNotSaved { failed, saved, list } => format!("有 {failed} 个家庭没有保存（已保存 {saved} 个）：{list}"),
            Say::NothingToSave => "没有需要保存的修改。".to_owned(),
            Say::SavedTo { path } => format!("已保存到 {path}"),
            Say::SavedMany { count, dir } => format!("已保存 {count} 个家庭到 {dir}"),
            Say::SaveBeforeRemoveFailed { error } => format!("移除前保存失败，没有移除：{error}"),
            Say::RemoveFailed { error } => format!("移除失败：{error}"),
            Say::MovedToRecycleBin { label } => format!("已把“{label}”移到回收站（左边列表下方），可以恢复。"),
            Say::RemovedNeverSaved { label } => format!("已移除“{label}”（还没有保存过）。"),
            Say::UndoRemoveFailed { error } => format!("无法撤销移除：{error}"),
            Say::RestoredFamily { label } => format!("已恢复“{label}”。"),
            Say::RestoredFromRecycleBin { label } => format!("已从回收站恢复“{label}”。"),
            Say::RestoreFailed { error } => format!("恢复失败：{error}"),
            Say::DeletedForever { label } => format!("已永久删除“{label}”。"),
            Say::DeleteFailed { error } => format!("删除失败：{error}"),
            Say::WentBackToBackup => "已换回上一次保存前的版本（还没有保存；按 Ctrl+Z 可以撤销）。".to_owned(),
            Say::CannotReadFile { path, error } => format!("无法读取 {path}：{error}"),
            Say::Imported => "已导入，记得保存。".to_owned(),
            Say::ImportFailed { error } => format!("导入失败：{error}"),
            Say::BackupFailed { error } => format!("备份失败：{error}"),
            Say::BackedUpTo { path } => format!("已备份到 {path}（含完整姓名和身份证号，请妥善保管）"),
            Say::Refused { error } => error.clone(),
            Say::HolderFormHasErrors => "参保人信息有错误，还没有用上：请先改正（见参保人一栏）。".to_owned(),
            Say::NewOrSelectFamilyFirst => "先新建或选择一个家庭，再导出清单。".to_owned(),
            Say::AddRelativesBeforeExport => "还没有家人，先添加家人再导出清单。".to_owned(),
            Say::NoPlacePicked => "没有选择位置（如果没有弹出窗口，请用“备份到默认文件夹”）。".to_owned(),
            Say::NoExportFolderFound => "找不到默认导出文件夹。".to_owned(),
            Say::NoFilePicked => "没有选择文件。如果没有弹出选择文件的窗口，说明这台电脑没有可用的文件对话框；可以在另一台电脑上导入后保存。".to_owned(),
            Say::SearchFound { matched, more, limit } => format!("找到 {matched}{} 条{}（Esc 清除搜索）", if *more { " 多" } else { "" }, limit.map_or_else(String::new, |n| format!("，只列出前 {n} 条，输入更多字可以缩小范围"))),
            Say::ResultRange { first, last, total } => format!("第 {first}–{last} 条，共 {total} 条"),
            Say::CompareSummary { regions, topic, rows, differing } => format!("{regions} · {topic}：共 {rows} 条，其中 {differing} 条各地不同或只有部分地区有"),
            Say::OnlyIn { regions } => format!("⚠ 仅 {regions} 有"),
            Say::SourcesSeen { region, count } => format!("{region} 可见的资料来源共 {count} 份（含上级地区的）。等级：A 法规或政府网站，B 官方媒体或转载，C 网络文章（不能作为依据）。"),
            Say::Grade { grade } => format!("［{grade} 级］"),
            Say::CitedBy { count } => format!("被 {count} 条引用："),
            Say::FamiliesFolderUnreadable { dir, error } => format!("无法读取家庭文件夹 {dir}：{error}。已保存的家庭没有显示，也不会被改动；请检查文件夹的权限。"),
            Say::NewerVersionFile { path, version } => format!("{path} 是新版本（格式版本 {version}）保存的，没有打开，也不会被改动。"),
            Say::DamagedUsedBackup { error, to } => format!("{error}。已移到 {to}，并改用上一次保存前的备份（最近的修改可能没有了）。"),
            Say::DamagedSetAside { error, to } => format!("{error}。已移到 {to}。"),
            Say::DamagedNotMoved { error, move_error } => format!("{error}。也无法移走它：{move_error}"),
            Say::RecycleBinUnreadable { dir, error } => format!("无法读取回收站 {dir}：{error}"),
            Say::RecycledFileUnreadable { error } => format!("回收站里的文件无法读取：{error}"),
            Say::NoDataFolder => "找不到保存数据的文件夹，家庭信息无法保存。".to_owned(),
            Say::ConfirmRemove { label } => format!("把“{label}”移到回收站？移除后它不在列表里，可以在左边的“回收站”里恢复，也可以马上按“撤销移除”。"),
            Say::ConfirmRestoreBackup { label } => format!("把“{label}”换回上一次保存前的版本？现在的内容会被替换；换回后可以按 Ctrl+Z 撤销，保存后现在的版本成为新的备份。"),
            Say::ConfirmPurge { label } => format!("永久删除回收站里的“{label}”？删除后无法恢复。"),
            Say::CannotBindName { name } => format!("{name} 不能绑定"),
            Say::AccountCannotPay { name, use_label: Term { zh: use_label, .. } } => format!("个人账户不能为 {name} 支付“{use_label}”"),

        }
    }

    fn en(&self) -> String {
        match self {
            Say::NotApplicableAfterAnswers => {
                "Given your earlier answers, this case does not apply.".to_owned()
            }
            Say::IfAskedAgain { question } => {
                format!("If earlier answers were different, so that \"{question}\" is asked")
            }
            Say::FailedCondition { question, answer } => {
                format!("Not met: the answer to \"{question}\" is \"{answer}\".")
            }
            Say::IfAnswered { question, values } => {
                format!("If the answer to \"{question}\" were \"{values}\"")
            }
            Say::IfNotAnswered { question, values } => {
                format!("If the answer to \"{question}\" were not \"{values}\"")
            }
            Say::AnswerQuestion { question } => format!("Answer \"{question}\""),
            Say::AnswerQuestionWith { question, values } => {
                format!("Answer \"{question}\": the case applies only with \"{values}\"")
            }
            Say::OfficeConfirms { region } => format!(
                "The medical-insurance office of {region} confirms it can be done (hotline: area code + 12393 from a mobile phone)"
            ),
            Say::NeverCash => "Whatever the answers, this case never pays out cash.".to_owned(),
            Say::IgnoredRuledOut { question, answer } => format!(
                "Your answer to \"{question}\" is \"{answer}\", so this question does not apply and this answer was not used."
            ),
            Say::IgnoredNotAsked { procedure: Term { en: procedure, .. } } => {
                format!("The {procedure} checklist does not ask this question, so the answer was not used.")
            }
            Say::IgnoredNotRead { region } => format!(
                "Under the rules of {region}, this answer does not affect whether you can withdraw, so it was not used."
            ),
            Say::TransferCovers {
                covers,
                sending_days,
                receiving_starts_on,
                receiving_days,
            } => format!(
                "Who the transfer rules cover: {covers} The old place of insurance completes the transfer-out within {sending_days} working days; the new place completes the transfer-in within {receiving_days} working days, counted from: {receiving_starts_on}."
            ),
            Say::NotMoving => "Not moving the insurance: no transfer is needed.".to_owned(),
            Say::IfMoving => {
                "If the insurance moves to another city in the province or to another province"
                    .to_owned()
            }
            Say::NoNewScheme { backpay_months } => format!(
                "Without insurance at the new place there is nothing to transfer to. A gap of up to {backpay_months} months can be paid back; after a longer gap, benefits resume only after a waiting period once you re-enrol (rules vary by place)."
            ),
            Say::IfJoiningAScheme => {
                "If you join employee or resident insurance at the new place".to_owned()
            }
            Say::RetireeOutsideTransfer => "Retirees are outside the transfer rules. A retiree who lives in another place usually files for out-of-area medical treatment there; what happens to the insurance and the personal account is decided locally.".to_owned(),
            Say::OfficeConfirmsRetiree { region } => format!(
                "The medical-insurance office of {region} confirms how a retiree proceeds (hotline: area code + 12393 from a mobile phone)"
            ),
            Say::ResidentHasNoAccount => "Resident insurance has no personal account; what happens to the balance is decided locally.".to_owned(),
            Say::OfficeConfirmsBalance { region } => format!(
                "The medical-insurance office of {region} confirms what happens to the balance (hotline: area code + 12393 from a mobile phone)"
            ),
            Say::BalanceMoves => "With employee insurance at the new place, the balance moves there with the insurance.".to_owned(),
            Say::TransferDates {
                today,
                sent_by,
                receiving_starts_on,
                receiving_days,
                done_by,
            } => format!(
                "If you apply today ({today}): the old place should complete the transfer-out by about {sent_by}; the new place then has {receiving_days} working days, counted from: {receiving_starts_on}, so by about {done_by}. Only weekends are skipped, not public holidays; a public holiday pushes the dates back."
            ),
            Say::AnswerTransferQuestionsFirst => "First answer the open questions: how to proceed depends on whether you are working or retired and which insurance you join at the new place.".to_owned(),
            Say::AskHotlineIfUnsure => "If unsure, call the medical-insurance hotline (area code + 12393 from a mobile phone) or ask the office of the old place.".to_owned(),
            Say::TransferTitle => "Transferring the medical insurance".to_owned(),
            Say::TransferApplicants => "The insured person (or someone they authorise)".to_owned(),
            Say::Free => "Free of charge".to_owned(),
            Say::IgnoredByOtherAnswers => {
                "Given your other answers, this question does not apply.".to_owned()
            }
            Say::OrJoined { values } => values.join(" or "),
            Say::BindingApplicants => "The account holder (employee insurance, working or retired) applies; the relative confirms with their own identity when prompted.".to_owned(),
            Say::StepInProvince { step } => format!("Relative in the same province: {step}"),
            Say::StepOtherProvince { step } => format!("Relative in another province: {step}"),
            Say::CanBind { uses: Term { en: uses, .. } } => format!("Can be bound. The shared money can pay for this relative: {uses}."),
            Say::IfAppShowsBothProvinces { channel } => format!("{channel} shows cross-province sharing open in both provinces"),
            Say::ProbablyCanBind => "Probably can be bound, but one point needs checking first (see below).".to_owned(),
            Say::BindByEmployeeRelative => "Ask a close relative with employee insurance to do the binding instead (only employee insurance has a personal account)".to_owned(),
            Say::OnlyCloseRelatives => "Only close relatives can be bound: ask someone who is their close relative and has employee insurance (for example their child or spouse) to bind them".to_owned(),
            Say::CannotBind => "Cannot be bound.".to_owned(),
            Say::BindingTitle => "Family-sharing binding".to_owned(),
            Say::BindRelation { relation: Term { en: relation, .. } } => format!("Bind: {relation}"),
            Say::HolderIs { insurance: Term { en: insurance, .. }, reason } => format!("The holder has {insurance}: {reason}"),
            Say::AnswerToSeeBinding => "Answer the questions on the left to see whether the relative can be bound, through which channel, and what to bring.".to_owned(),
            Say::NoBindingRules { region } => format!("The policy data of {region} has no rules for family-sharing binding."),
            Say::OfficeTellsHow { region } => format!("The medical-insurance office of {region} tells you how (hotline: area code + 12393 from a mobile phone)"),
            Say::HolderLine { holder: Term { en: holder, .. } } => format!("Holder: {holder}"),
            Say::MemberLine { relation: Term { en: relation, .. }, name: Term { en: name, .. }, insurance: Term { en: insurance, .. }, region } => format!("{relation}: {name}, {insurance}, insured in {region}"),
            Say::BindMemberTitle { relation: Term { en: relation, .. }, name: Term { en: name, .. } } => format!("Binding for {relation} {name}"),
            Say::AlreadyBound => "The family record says this binding is done; if so, nothing more to do here.".to_owned(),
            Say::MemberRegionUnknown { error } => format!("The relative's place of insurance cannot be checked ({error}); correct it in the family, or ask the medical-insurance office."),
            Say::NoMembersToBind => "(No relative to bind in this family yet)".to_owned(),
            Say::NoBindingRulesAskHotline { region } => format!("The policy data of {region} has no rules for family-sharing binding; ask the local office (hotline: area code + 12393 from a mobile phone)."),
            Say::NoRelationRule { relation: Term { en: relation, .. } } => format!("The policy data does not say whether \"{relation}\" can be bound; ask the local office."),
            Say::NoBeneficiaryRule { insurance: Term { en: insurance, .. } } => format!("The policy data does not say what can be paid for a relative with \"{insurance}\"; ask locally."),
            Say::SameProvinceChannel { reason, channel } => format!("Relative in the same province: {reason} (channel: {channel})"),
            Say::OtherProvinceChannel { place, reason, channel } => {
                let place = if place.is_empty() { String::new() } else { format!(" ({place})") };
                format!("Relative in another province{place}: {reason} (channel: {channel})")
            }
            Say::WalletNoCommercialInsurance => "The medical-insurance wallet used for cross-province sharing cannot be used to buy commercial insurance.".to_owned(),
            Say::UseIsLocal { use_label: Term { en: use_label, .. }, reason } => format!("{use_label}: varies by place, {reason}"),
            Say::UseHasNoRule { use_label: Term { en: use_label, .. } } => format!("{use_label}: the policy data has no rule; ask locally."),
            Say::LocalRulesMissing { place, from } => format!("This app has no rules of {place} itself: these are the rules of {from}; confirm with the medical-insurance office of {place}."),
            Say::LocalCaseUnconfirmed { place, from } => format!("This case is a matter of local rules; this app has no service guide of {place}, what is shown is the rule of {from}: whether and how it can be done in {place} is for the local medical-insurance office to say."),
            Say::OutsideMainland { place } => format!("This app covers employee medical insurance in mainland China; {place} has its own system, and the national rules below do not apply there: ask the local authorities."),
            Say::RelativeInsuranceUnknown => "It is not yet known which insurance the relative has, and what the shared money can pay depends on it. To find out: the relative can look up their insurance in the National Medical Insurance Service Platform app or in the medical-insurance e-certificate in WeChat or Alipay; or call 12393 (area code + 12393 from a mobile phone) with the relative's name and ID number.".to_owned(),
            Say::UninsuredRelativeFirst => "The relative is not insured yet: first pay their resident insurance premium from the account; their medical and medicine costs can be paid only once they are insured.".to_owned(),
            Say::SupportedByOthers { reason } => format!("Other employees already share with this relative: {reason}"),
            Say::ProvinceUnknown => "It is not known in which province the holder or the relative is insured (only the whole-country entry was chosen), so same-province and cross-province sharing cannot be told apart; choose a province or city.".to_owned(),
            Say::HolderIdProblem {
                problem: Term { en: problem, .. },
            } => format!("Holder: {problem}"),
            Say::MemberIdProblem {
                problem: Term { en: problem, .. },
            } => capitalised(problem),
            Say::HolderRegionUnknown { region } => format!("The place of insurance \"{region}\" is not in the policy data"),
            Say::SelfBinding => "This is the holder (same ID number): nobody needs to, or can, bind themselves; the holder uses their own insurance for their own care.".to_owned(),
            Say::SameNameAsHolder => "Same name as the holder: check that this is not the holder (who needs no binding).".to_owned(),
            Say::DuplicateMember { number, name } => format!("Same person as relative no. {number} \"{name}\": remove one of them."),
            Say::YoungerThanRelationSays { relation: Term { en: relation, .. } } => format!("The relation is \"{relation}\", but by the ID numbers this relative is younger than the holder: check the relation or the ID number."),
            Say::OlderThanRelationSays { relation: Term { en: relation, .. } } => format!("The relation is \"{relation}\", but by the ID numbers this relative is older than the holder: check the relation or the ID number."),
            Say::ExpenseMemberRemoved => "The relative this bill belongs to has been deleted".to_owned(),
            Say::BindingEnded { name } => format!("The binding of {name} has ended"),
            Say::BindingUnknown => "Whether the relative can be bound is not known".to_owned(),
            Say::DeleteExpense { number } => format!("Delete bill {number}"),
            Say::PaidOutOfPocket { date, name, amount, why } => format!("· {date} {name} {amount}: {why}; paid in full out of pocket"),
            Say::LedgerTotal { from_account, out_of_pocket, opening, closing } => format!("Total: {from_account} from the account, {out_of_pocket} out of pocket; balance {opening} → {closing}"),
            Say::LedgerShare { who, from_account, out_of_pocket } => format!("{who}: {from_account} from the account / {out_of_pocket} out of pocket"),
            Say::PagerRange { first, last, total, unit } => format!("{first}–{last} of {total} {unit}"),
            Say::HiddenOutOfForce { count, date } => if *count == 1 {
                format!("1 more statement is hidden because it is not in force on {date}.")
            } else {
                format!("{count} more statements are hidden because they are not in force on {date}.")
            },
            Say::BadDate { typed } => format!("The date \"{typed}\" is not valid: write it like 2026-03-01"),
            Say::Undone => "Undone".to_owned(),
            Say::Redone => "Redone".to_owned(),
            Say::NoSaveFolder => "There is no folder to save in; nothing was saved.".to_owned(),
            Say::SomeNotSaved { failed, saved, list } => format!(
                "{failed} {} not saved ({saved} saved): {list}",
                plural(*failed, "family was", "families were")
            ),
            Say::NothingToSave => "There are no changes to save.".to_owned(),
            Say::SavedTo { path } => format!("Saved to {path}"),
            Say::SavedMany { count, dir } => format!("Saved {count} {} to {dir}", plural(*count, "family", "families")),
            Say::SaveBeforeRemoveFailed { error } => format!("Saving before removal failed, so nothing was removed: {error}"),
            Say::RemoveFailed { error } => format!("Removing failed: {error}"),
            Say::MovedToRecycleBin { label } => format!("Moved \"{label}\" to the recycle bin (below the list on the left); it can be restored."),
            Say::RemovedNeverSaved { label } => format!("Removed \"{label}\" (it was never saved)."),
            Say::UndoRemoveFailed { error } => format!("Cannot undo the removal: {error}"),
            Say::RestoredFamily { label } => format!("Restored \"{label}\"."),
            Say::RestoredFromRecycleBin { label } => format!("Restored \"{label}\" from the recycle bin."),
            Say::RestoreFailed { error } => format!("Restoring failed: {error}"),
            Say::DeletedForever { label } => format!("Deleted \"{label}\" for good."),
            Say::DeleteFailed { error } => format!("Deleting failed: {error}"),
            Say::WentBackToBackup => "Went back to the version before the last save (not saved yet; Ctrl+Z undoes it).".to_owned(),
            Say::CannotReadFile { path, error } => format!("Cannot read {path}: {error}"),
            Say::Imported => "Imported; remember to save.".to_owned(),
            Say::ImportFailed { error } => format!("Import failed: {error}"),
            Say::BackupFailed { error } => format!("Backup failed: {error}"),
            Say::BackedUpTo { path } => format!("Backed up to {path} (it holds full names and ID numbers: keep it safe)"),
            Say::Refused { error } => format!("Not done: {error}"),
            Say::HolderFormHasErrors => "The holder's details have errors and are not applied yet: correct them first (see the holder box).".to_owned(),
            Say::NewOrSelectFamilyFirst => "Create or choose a family first, then export the list.".to_owned(),
            Say::AddRelativesBeforeExport => "There are no relatives yet: add one, then export the list.".to_owned(),
            Say::NoPlacePicked => "No place was chosen (if no window appeared, use \"Back up to the default folder\").".to_owned(),
            Say::NoExportFolderFound => "The default export folder was not found.".to_owned(),
            Say::NoFilePicked => "No file was chosen. If no window appeared, this computer has no file dialog; import on another computer and save there.".to_owned(),
            Say::SearchFound { matched, more, limit } => format!("Found {matched}{}{} (Esc clears the search)", if *more { "+" } else { "" }, limit.map_or_else(String::new, |n| format!("; only the first {n} are listed, type more to narrow it"))),
            Say::ResultRange { first, last, total } => format!("{first}–{last} of {total}"),
            Say::CompareSummary { regions, topic, rows, differing } => format!("{regions} · {topic}: {rows} {}; differing or found only in some regions: {differing}", plural(*rows, "statement", "statements")),
            Say::OnlyIn { regions } => format!("⚠ Only in {regions}"),
            Say::SourcesSeen { region, count } => format!("{count} {} to {region} (counting those of its parent regions). Grades: A = law or government website; B = official media or a faithful reprint; C = web article (not a valid basis).", plural(*count, "source applies", "sources apply")),
            Say::Grade { grade } => format!("[grade {grade}] "),
            Say::CitedBy { count } => format!("Cited by {count} {}:", plural(*count, "statement", "statements")),
            Say::FamiliesFolderUnreadable { dir, error } => format!("Cannot read the families folder {dir}: {error}. Saved families are not shown and will not be changed; check the folder's permissions."),
            Say::NewerVersionFile { path, version } => format!("{path} was saved by a newer version of this app (file format {version}); it was not opened and will not be changed."),
            Say::DamagedUsedBackup { error, to } => format!("{error}. It was moved to {to}, and the backup from before the last save is used instead (the latest changes may be missing)."),
            Say::DamagedSetAside { error, to } => format!("{error}. It was moved to {to}."),
            Say::DamagedNotMoved { error, move_error } => format!("{error}. It could not be moved away either: {move_error}"),
            Say::RecycleBinUnreadable { dir, error } => format!("Cannot read the recycle bin {dir}: {error}"),
            Say::RecycledFileUnreadable { error } => format!("A file in the recycle bin cannot be read: {error}"),
            Say::NoDataFolder => "No folder to keep data in was found: families cannot be saved.".to_owned(),
            Say::ConfirmRemove { label } => format!("Move \"{label}\" to the recycle bin? It leaves the list; you can restore it from the recycle bin on the left, or press \"Undo removal\" right away."),
            Say::ConfirmRestoreBackup { label } => format!("Go back to the version of \"{label}\" before the last save? The current content will be replaced. You can undo this with Ctrl+Z; when you save, the version you have now becomes the new backup."),
            Say::ConfirmPurge { label } => format!("Delete \"{label}\" from the recycle bin for good? This cannot be undone."),
            Say::CannotBindName { name } => format!("{name} cannot be bound"),
            Say::AccountCannotPay { name, use_label: Term { en: use_label, .. } } => format!("The account cannot pay \"{use_label}\" for {name}"),

        }
    }
}

/// `one` when `count` is 1, else `many`: English nouns take a plural, Chinese ones do not.
fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

/// `text` with its first letter in upper case, to start a sentence with a phrase.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A sentence the code built, said in Chinese where the CLI, the exports and the JSON use
/// it (it dereferences to that text and serializes as it), and kept as its [`Say`] so the
/// window can say it in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    zh: String,
    say: Say,
}

impl Sentence {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh.clone(),
            Lang::En => self.say.text(lang),
        }
    }

    /// Its id and parameters.
    pub fn say(&self) -> &Say {
        &self.say
    }
}

impl From<Say> for Sentence {
    fn from(say: Say) -> Self {
        Sentence {
            zh: say.text(Lang::Zh),
            say,
        }
    }
}

impl std::ops::Deref for Sentence {
    type Target = str;
    fn deref(&self) -> &str {
        &self.zh
    }
}

impl std::borrow::Borrow<str> for Sentence {
    fn borrow(&self) -> &str {
        &self.zh
    }
}

impl std::fmt::Display for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.zh)
    }
}

impl Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.zh)
    }
}

/// Defines the window's own words (tabs, buttons, labels): each key with its Chinese and
/// English, so a key cannot be added in one language only.
macro_rules! words {
    ( $( $(#[$meta:meta])* $key:ident => $zh:literal, $en:literal; )+ ) => {
        /// A word or phrase of the window's chrome (not policy text, not a built sentence).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
        pub enum Word {
            $( $(#[$meta])* $key ),+
        }

        impl Word {
            /// The word in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => match self { $( Word::$key => $zh ),+ },
                    Lang::En => match self { $( Word::$key => $en ),+ },
                }
            }
        }
    };
}

words! {
    TabExplorer => "政策浏览", "Policies";
    TabFamily => "家庭共济绑定", "Family binding";
    TabChecklist => "提取资格清单", "Checklists";
    TabHistory => "导出记录", "Exported lists";
    Appearance => "外观", "Appearance";
    ThemeSystem => "跟随系统", "System";
    ThemeLight => "浅色", "Light";
    ThemeDark => "深色", "Dark";
    Language => "语言", "Language";
    /// The one-line note of the English window: policy texts are quoted as written.
    PolicyStaysChinese => "政策原文保持中文。",
        "Policy statements are shown in Chinese, as the sources write them; everything else is in English.";
    ReferenceOnly => "仅供参考，以当地医保部门最新规定为准", "For reference only; the latest rules of the local medical-insurance office prevail";
    DataVersion => "政策数据版本", "policy data version";
    LastChecked => "最近核实", "last checked";
    Unknown => "未知", "unknown";
    Hotline => "医保服务热线 12393（手机加区号）", "medical-insurance hotline (area code + 12393 from a mobile phone)";
    UnsavedTitle => "家庭信息还没有保存", "The family is not saved yet";
    UnsavedQuestion => "关闭前要保存吗？不保存的话，这次的修改会丢失。",
        "Save before closing? If you do not, this session's changes are lost.";
    SaveAndClose => "保存并关闭", "Save and close";
    CloseWithoutSaving => "不保存，直接关闭", "Close without saving";
    Cancel => "取消", "Cancel";
    FamilyIntro => "录入职工医保参保人和他的家人，逐一检查能否绑定、个人账户可以为谁支付哪些费用，并模拟用余额付款。",
        "Enter a person with employee insurance and their relatives, check for each relative whether they can be bound and what the personal account may pay for them, and simulate paying bills from the balance.";
    FamilyStart => "点左边的“新建家庭”开始。数据只保存在这台电脑上。",
        "Click \"New family\" on the left to start. The data stays on this computer.";
    Families => "家庭", "Families";
    NewFamily => "＋ 新建家庭", "+ New family";
    RecycleBin => "回收站", "Recycle bin";
    RecycleHint => "移除的家庭在这里，点“恢复”放回列表。", "Removed families are here; \"Restore\" puts one back.";
    Restore => "恢复", "Restore";
    DeleteForever => "永久删除", "Delete for good";
    FilesNotOpened => "⚠ 有文件没有打开：", "⚠ Some files were not opened:";
    BindingList => "绑定办理清单", "Binding checklist";
    BindingListHint => "为每位家人列出能否绑定、办理渠道、要带的材料和步骤，打印后带去办理。",
        "For each relative: whether the binding is possible, where to do it, what to bring and the steps. Print it and take it along.";
    FullNamesInExport => "导出时包含完整姓名和身份证号", "Include full names and ID numbers in the export";
    MaskedHint => "不勾选时，姓名只显示姓，身份证号只显示前4位和后4位。",
        "When unticked, only the surname and the first and last 4 digits of each ID number are shown.";
    Holder => "参保人（账户持有人）", "Insured person (account holder)";
    NoName => "（未填姓名）", "(no name given)";
    NotFilled => "未填", "not filled";
    IdNumber => "身份证", "ID";
    AccountBalance => "个人账户余额", "Personal account balance";
    EditHolder => "修改参保人…", "Edit holder...";
    FamilyName => "家庭名称", "Family name";
    Name => "姓名", "Name";
    IdNumberOptional => "身份证号（可不填）", "ID number (optional)";
    InsuranceKind => "参保类型", "Insurance type";
    WorkStatus => "在职/退休", "Working/retired";
    InsuredIn => "参保地", "Insured in";
    BalanceYuan => "个人账户余额（元）", "Personal account balance (yuan)";
    Done => "完成", "Done";
    Collapse => "收起", "Collapse";
    FixHolderFirst => "先改正参保人信息，或点“完成”", "Correct the holder's details first, or click \"Done\"";
    Relatives => "家人", "Relatives";
    NoRelativesYet => "还没有家人。在下面“添加家人”里填写。", "No relatives yet. Fill in \"Add relative\" below.";
    RelativesUnit => "位家人", "relatives";
    Notes => "备注", "Notes";
    Edit => "修改", "Edit";
    Delete => "删除", "Delete";
    EditRelative => "修改家人", "Edit relative";
    AddRelative => "添加家人", "Add relative";
    RelativeName => "家人姓名", "Relative's name";
    RelativeId => "家人身份证号（可不填）", "Relative's ID number (optional)";
    Relation => "关系", "Relation";
    RelativeInsurance => "家人自己的医保", "Relative's own insurance";
    RelativeInsuredIn => "家人参保地", "Relative insured in";
    BindingStatus => "绑定状态", "Binding status";
    SupportedByOthers => "还有其他职工在为他共济", "Another employee already shares an account with them";
    PreviewResult => "检查结果（预览）", "Check result (preview)";
    SaveChanges => "保存修改", "Save changes";
    CancelEdit => "取消修改", "Cancel editing";
    FormatOk => "✓ 格式正确", "✓ Format is valid";
    PleaseChoose => "请选择", "Please choose";
    MayPay => "可以支付", "May pay for";
    Nothing => "无", "nothing";
    Basis => "依据", "Basis";
    Sources => "份资料", "sources";
    Source => "来源", "Source";
    Caution => "注意", "Caution";
    Save => "保存", "Save";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    Search => "搜索", "Search";
    ExportList => "导出清单", "Export list";
    ZoomIn => "放大", "Zoom in";
    ZoomOut => "缩小", "Zoom out";
    ZoomReset => "恢复默认大小", "Reset zoom";
    ExportFamilyList => "导出家庭共济清单（打印用）…", "Export the family list (to print)...";
    BackupAndRestore => "备份与恢复", "Backup and restore";
    BackupFile => "备份家庭文件…", "Back up the family file...";
    BackupHint => "备份文件含完整姓名和身份证号，用于换电脑或留底，不是打印用的清单",
        "The backup holds full names and ID numbers: it is for switching to another computer or keeping a copy, not a list to print";
    BackupToDefault => "备份到默认文件夹", "Back up to the default folder";
    ImportFile => "导入家庭文件…", "Import a family file...";
    RestorePrevious => "从备份恢复上一次保存前的版本", "Restore the version before the last save";
    RemoveFamily => "移除此家庭…", "Remove this family...";
    UnsavedChanges => "有未保存的修改", "Unsaved changes";
    UndoRemove => "撤销移除", "Undo removal";
    RemoveFamilyTitle => "移除家庭", "Remove family";
    MoveToRecycleBin => "移到回收站", "Move to the recycle bin";
    RestorePreviousTitle => "换回上一次保存前的版本", "Go back to the version before the last save";
    GoBack => "换回", "Go back";
    BackupTitle => "备份家庭文件", "Back up the family file";
    BackupWarning => "备份文件里有这个家庭全部人员的完整姓名和身份证号，任何拿到文件的人都能看到。它用于换电脑或留底；要打印带去办理的，请用“导出家庭共济清单”（默认隐藏姓名和身份证号）。继续备份吗？",
        "The backup file holds the full names and ID numbers of everyone in this family; anyone who gets the file can read them. It is for switching to another computer or keeping a copy; to print a list to take along, use \"Export the family list\" (names and ID numbers hidden by default). Back up anyway?";
    BackupAnyway => "我知道，继续备份", "I understand, back up";
    LedgerTitle => "费用模拟：用个人账户为家人付款", "Expense simulation: paying relatives' bills from the personal account";
    AddRelativesFirst => "先添加家人，再录入他的费用。", "Add a relative first, then enter their bills.";
    Removed => "（已删除）", "(removed)";
    ExpensesUnit => "笔费用", "bills";
    Date => "日期", "Date";
    Relative => "家人", "Relative";
    Category => "类别", "Category";
    Amount => "金额", "Amount";
    FromAccount => "账户支付", "From account";
    OutOfPocket => "自己付", "Out of pocket";
    BalanceAfter => "账户余额", "Balance";
    ByRelative => "按家人", "By relative";
    ByCategory => "按类别", "By category";
    ChooseRelative => "选择家人", "Choose a relative";
    AmountYuan => "金额（元）", "Amount (yuan)";
    AddExpense => "添加费用", "Add bill";
    PreviousPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    ExportFormatLabel => "导出格式", "Export format";
    ExportDots => "导出…", "Export...";
    SaveToDefaultFolder => "保存到默认文件夹", "Save to the default folder";
    OpenFolder => "打开所在文件夹", "Open its folder";
    NotSaved => "没有保存", "Not saved";
    Saved => "已保存", "Saved";
    SaveFailed => "保存失败", "Saving failed";
    NoPlaceChosen => "没有选择保存位置。如果没有弹出保存窗口，请点“保存到默认文件夹”。",
        "No place was chosen. If no save window appeared, click \"Save to the default folder\".";
    NoExportFolder => "找不到默认导出文件夹（文档文件夹或个人文件夹），没有保存。",
        "The default export folder (Documents or your home folder) was not found; nothing was saved.";
    CannotOpenFolder => "无法打开文件夹", "Cannot open the folder";
    ExportedLists => "导出过的清单", "Lists exported on this computer";
    ExportedListsIntro => "今天和以前导出的清单都在这里：可以再打开，也可以按今天的政策数据重新生成（不会改动原来的文件）。", "Every list exported here, today's first: open one again, or make it again with today's policy data (the old file is left as it is).";
    RemakeFormat => "重新生成的格式", "Format to make it in";
    NoExportsYet => "还没有导出过清单。在“提取资格清单”或“家庭共济绑定”里导出后，会列在这里。", "No list has been exported yet. Lists exported from the checklists or the family tab show up here.";
    NoNameGiven => "（未填称呼）", "(no name given)";
    OpenFile => "打开", "Open";
    RemakeList => "重新生成", "Make again";
    RemakeListHint => "按今天的政策数据和原来的回答（或家庭）再生成一份，存到默认导出文件夹", "Make the list again from the same answers (or family) with today's policy data, into the default export folder";
    HistoryNotSaved => "导出记录没有保存", "The export history was not saved";
    HistoryNotRead => "导出记录读不出来", "The export history could not be read";
    FileGone => "文件已经不在原来的位置", "The file is no longer where it was";
    CannotOpenFile => "无法打开文件", "Cannot open the file";
    DefinedIn => "定义于", "defined in";
    VerifiedOn => "核实于", "checked on";
    NotKnown => "不清楚", "Not sure";
    CannotMakeList => "无法生成清单", "Cannot make the list";
    Procedure => "办理事项", "Procedure";
    NextPerson => "新的一位", "Next person";
    NextPersonHint => "为下一个人重新开始：清空这个办理事项的回答、勾选和称呼",
        "Start again for the next person: clears this procedure's answers, ticks and name";
    ListFor => "清单给谁（称呼，印在清单上和文件名里，可不填）", "Whose list (printed on it and in the file name; optional)";
    ListForExample => "例如 王阿姨", "e.g. Auntie Wang";
    AnswerBelow => "请回答下面的问题", "Please answer the questions below";
    NotSureHint => "不清楚的可以选“不清楚”，结果会告诉您还需要确认什么。",
        "If you are not sure, choose \"Not sure\": the result says what is left to confirm.";
    CannotShowQuestions => "无法显示问题", "Cannot show the questions";
    ChecklistTrust => "仅供参考，以当地医保部门最新规定为准。官方办理不收费。医保服务热线 12393（手机拨打加区号）。",
        "For reference only; the latest rules of the local medical-insurance office prevail. Official procedures are free. Medical-insurance hotline (area code + 12393 from a mobile phone).";
    AnswerFirst => "请先回答左边的问题。", "Please answer the questions on the left first.";
    KeepAnswering => "请继续回答左边的问题。", "Please go on answering the questions on the left.";
    NothingApplies => "根据目前的回答，没有可以办理的情形。", "With these answers, no case applies.";
    NeedsAnswers => "还要回答问题才能判断", "More answers are needed to decide";
    PleaseAnswer => "请回答", "please answer";
    NotMatching => "不符合的情形", "Cases that do not apply";
    UnusedAnswers => "没有用上的回答", "Answers not used";
    BalanceCan => "余额还可以这样用", "The balance can also be used like this";
    ListStamp => "政策数据版本", "Policy data version";
    GeneratedOn => "生成日期", "generated on";
    Fingerprint => "清单编号", "list number";
    ReadFirst => "请先看", "Read first";
    Correction => "更正", "Correction";
    WhatWouldChange => "怎样会不同", "What would change this";
    WhoCanApply => "谁可以办", "Who can apply";
    TimeLimit => "办理时限", "Time limit";
    Fee => "费用", "Fee";
    Free => "不收费", "free";
    Materials => "要带的材料", "What to bring";
    AlsoAccepted => "可用", "also accepted";
    WhereToGet => "在哪里办", "Where to get it";
    Steps => "办理步骤", "Steps";
    Browse => "浏览", "Browse";
    CompareRegions => "对比地区", "Compare regions";
    SourcesList => "资料来源", "Sources";
    Region => "地区", "Regions";
    AsOf => "查看日期", "As of";
    AsOfHint => "只显示这一天有效的规定", "Shows only the rules in force on this day";
    Today => "今天", "Today";
    IndexBuilding => "正在建立索引…", "Building the search index...";
    PlaceFilterHint => "输入城市名或拼音，如 成都、chengdu、cd", "Type a city in Chinese or pinyin: chengdu, cd";
    NoPlaceFound => "没有找到这个地方；换个写法试试，或选“全国”", "No such place; try another spelling, or choose national";
    HowToFindOut => "不清楚怎么查？", "Not sure? How to find out";
    HowToFindOutDefault => "可以拨打12393（手机拨打：区号+12393）问参保地医保部门，或在国家医保服务平台App里查看自己的参保信息。", "Call 12393 (area code + 12393 from a mobile phone) and ask the medical-insurance office of the place of insurance, or look up your insurance in the National Medical Insurance Service Platform app.";
    WordsExplained => "名词解释（点一下看）：", "Words explained (click to read, in Chinese):";
    TabStart => "首页", "Start";
    StartTitle => "我要办什么", "What do you want to do?";
    WhereInsured => "您在哪里参保？", "Where are you insured?";
    WhereInsuredFirst => "先选参保的城市（不知道就选“全国”），再点下面要办的事。", "First choose the city where you are insured (if you don't know, choose national), then the errand below.";
    WhereInsuredRemembered => "已记住，下次打开不用再选；要改随时在这里改。", "Remembered for next time; change it here at any time.";
    ErrandShare => "给家人用我的医保钱", "Let my family use my insurance account";
    ErrandShareHint => "家庭共济：把父母、配偶、子女等近亲属绑定到您的职工医保个人账户。", "Family sharing: bind close relatives (parents, spouse, children) to your employee-insurance personal account.";
    ErrandDeath => "家人去世，取余额", "A family member died: withdraw the balance";
    ErrandDeathHint => "参保人去世后，继承人一次性支取个人账户余额：要带什么、去哪里办。", "After the insured person's death, heirs withdraw the balance: what to bring and where to go.";
    ErrandMove => "换城市工作，转医保", "Moving to another city: transfer the insurance";
    ErrandMoveHint => "转移接续：医保关系和个人账户余额转到新参保地，要多久、怎么办。", "Transfer: moving the insurance and the balance to the new place, how long it takes and how.";
    ErrandBalance => "查余额", "Check the balance";
    ErrandBalanceHint => "在哪里、怎么查个人账户余额（不收费）。", "Where and how to check the personal-account balance (free).";
    ErrandPolicies => "看政策", "Read the rules";
    ErrandPoliciesHint => "按地区和话题看规定，每条都写明出处和可信程度。", "The rules by region and topic, each with its source and how sure it is.";
    PlaceNational => "不知道在哪个城市时选：只看全国的规定", "if you don't know the city: national rules only";
    PlaceProvince => "只看全省的规定", "the province's rules only";
    ChooseRelation => "请选择这位家人和参保人的关系", "Please choose how this relative is related to the holder";
    ChooseRelativeInsurance => "请选择这位家人参加的医保（不知道就选“不清楚”）", "Please choose the relative's insurance (choose \"not sure\" if you don't know)";
    ChooseRelationFirst => "选好关系和这位家人的医保后，这里会显示能不能绑定、为什么。", "Once the relation and the relative's insurance are chosen, whether they can be bound, and why, shows here.";
    Topic => "主题", "Topic";
    NoRegionData => "没有这个地区的政策数据。", "There is no policy data for this region.";
    BackToResults => "← 返回搜索结果", "← Back to the search results";
    NoStatements => "这个主题暂时没有资料。请拨打医保服务热线（手机拨打：区号+12393）咨询当地医保部门。",
        "Nothing on this topic yet. Call the medical-insurance hotline (area code + 12393 from a mobile phone) to ask the local office.";
    SearchHint => "汉字、拼音 gongji、首字母 gj、文号 43号", "Chinese characters, pinyin gongji, initials gj, or a document number such as 43";
    FillHolderName => "请填写参保人姓名", "Please fill in the holder's name";
    FixIdNumber => "身份证号有误，请按输入框旁的提示改正", "The ID number is wrong: correct it as the note beside the field says";
    ChooseInsurance => "请选择参保类型", "Please choose the insurance type";
    FillRelativeName => "请填写家人姓名", "Please fill in the relative's name";
    NothingFound => "没有找到。试试更短的词，或换用拼音、首字母。", "Nothing found. Try a shorter word, or pinyin, or initials.";
    CompareWhich => "对比地区（选 2～3 个）：", "Compare regions (choose 2 or 3):";
    ChooseTwoRegions => "请至少选择两个地区。", "Please choose at least two regions.";
    OnlyDifferences => "只看不同之处", "Only the differences";
    Same => "相同", "Same";
    DiffersByPlace => "⚠ 各地不同", "⚠ Differs by place";
    NotInThisRegion => "（本地区没有这一条）", "(not in this region)";
    CitedOnlyByRules => "（只被规则引用，没有条目引用）", "(cited only by rules, not by any statement)";
    BackupDialogTitle => "备份家庭文件（含完整姓名和身份证号）", "Back up the family file (full names and ID numbers)";
    ImportDialogTitle => "导入家庭文件", "Import a family file";
    FamilyFile => "家庭文件", "Family file";
    CanBind => "可以绑定", "Can be bound";
    CannotBind => "不能绑定", "Cannot be bound";
    ConfirmLocally => "需向当地确认", "Confirm locally";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each sentence (a new variant must be added here, or this fails to compile
    /// through the exhaustive match below).
    fn every_sentence() -> Vec<Say> {
        let q = || "问题".to_owned();
        let v = || "是".to_owned();
        let r = || "合肥市".to_owned();
        let all = vec![
            Say::NotApplicableAfterAnswers,
            Say::IfAskedAgain { question: q() },
            Say::FailedCondition {
                question: q(),
                answer: v(),
            },
            Say::IfAnswered {
                question: q(),
                values: v(),
            },
            Say::IfNotAnswered {
                question: q(),
                values: v(),
            },
            Say::AnswerQuestion { question: q() },
            Say::AnswerQuestionWith {
                question: q(),
                values: v(),
            },
            Say::OfficeConfirms { region: r() },
            Say::NeverCash,
            Say::IgnoredRuledOut {
                question: q(),
                answer: v(),
            },
            Say::IgnoredNotAsked {
                procedure: Term::new("转移接续", "x".to_owned()),
            },
            Say::IgnoredNotRead { region: r() },
            Say::TransferCovers {
                covers: "x".to_owned(),
                sending_days: 10,
                receiving_starts_on: "y".to_owned(),
                receiving_days: 5,
            },
            Say::NotMoving,
            Say::IfMoving,
            Say::NoNewScheme { backpay_months: 3 },
            Say::IfJoiningAScheme,
            Say::RetireeOutsideTransfer,
            Say::OfficeConfirmsRetiree { region: r() },
            Say::ResidentHasNoAccount,
            Say::OfficeConfirmsBalance { region: r() },
            Say::BalanceMoves,
            Say::TransferDates {
                today: "2026-11-30".to_owned(),
                sent_by: "2026-12-14".to_owned(),
                receiving_starts_on: "y".to_owned(),
                receiving_days: 5,
                done_by: "2026-12-21".to_owned(),
            },
            Say::AnswerTransferQuestionsFirst,
            Say::AskHotlineIfUnsure,
            Say::TransferTitle,
            Say::TransferApplicants,
            Say::Free,
            Say::IgnoredByOtherAnswers,
            Say::OrJoined {
                values: vec!["在职".to_owned(), "退休".to_owned()],
            },
            Say::BindingApplicants,
            Say::StepInProvince {
                step: "x".to_owned(),
            },
            Say::StepOtherProvince {
                step: "x".to_owned(),
            },
            Say::CanBind {
                uses: Term::new("就医", "x".to_owned()),
            },
            Say::IfAppShowsBothProvinces {
                channel: "APP".to_owned(),
            },
            Say::ProbablyCanBind,
            Say::BindByEmployeeRelative,
            Say::OnlyCloseRelatives,
            Say::CannotBind,
            Say::BindingTitle,
            Say::BindRelation {
                relation: Term::new("父母", "x".to_owned()),
            },
            Say::HolderIs {
                insurance: Term::new("居民医保", "x".to_owned()),
                reason: "x".to_owned(),
            },
            Say::AnswerToSeeBinding,
            Say::NoBindingRules {
                region: "x".to_owned(),
            },
            Say::OfficeTellsHow {
                region: "x".to_owned(),
            },
            Say::HolderLine {
                holder: Term::new("王*", "x".to_owned()),
            },
            Say::MemberLine {
                relation: Term::new("父母", "x".to_owned()),
                name: Term::new("李*", "x".to_owned()),
                insurance: Term::new("居民医保", "x".to_owned()),
                region: "南京市".to_owned(),
            },
            Say::BindMemberTitle {
                relation: Term::new("父母", "x".to_owned()),
                name: Term::new("李*", "x".to_owned()),
            },
            Say::AlreadyBound,
            Say::MemberRegionUnknown {
                error: "x".to_owned(),
            },
            Say::NoMembersToBind,
            Say::NoBindingRulesAskHotline {
                region: "x".to_owned(),
            },
            Say::NoRelationRule {
                relation: Term::new("父母", "x".to_owned()),
            },
            Say::NoBeneficiaryRule {
                insurance: Term::new("居民医保", "x".to_owned()),
            },
            Say::SameProvinceChannel {
                reason: "x".to_owned(),
                channel: "y".to_owned(),
            },
            Say::OtherProvinceChannel {
                place: String::new(),
                reason: "x".to_owned(),
                channel: "y".to_owned(),
            },
            Say::WalletNoCommercialInsurance,
            Say::UseIsLocal {
                use_label: Term::new("商业保险", "x".to_owned()),
                reason: "x".to_owned(),
            },
            Say::UseHasNoRule {
                use_label: Term::new("商业保险", "x".to_owned()),
            },
            Say::UninsuredRelativeFirst,
            Say::RelativeInsuranceUnknown,
            Say::LocalRulesMissing {
                place: "x".to_owned(),
                from: "x".to_owned(),
            },
            Say::OutsideMainland {
                place: "x".to_owned(),
            },
            Say::LocalCaseUnconfirmed {
                place: "x".to_owned(),
                from: "x".to_owned(),
            },
            Say::SupportedByOthers {
                reason: "x".to_owned(),
            },
            Say::ProvinceUnknown,
            Say::MemberIdProblem {
                problem: Term::new("校验不通过", "check digit".to_owned()),
            },
            Say::HolderIdProblem {
                problem: Term::new("身份证号……", "ID number".to_owned()),
            },
            Say::HolderRegionUnknown {
                region: "x".to_owned(),
            },
            Say::SelfBinding,
            Say::SameNameAsHolder,
            Say::DuplicateMember {
                number: 1,
                name: "李*".to_owned(),
            },
            Say::YoungerThanRelationSays {
                relation: Term::new("父母", "x".to_owned()),
            },
            Say::OlderThanRelationSays {
                relation: Term::new("子女", "x".to_owned()),
            },
            Say::ExpenseMemberRemoved,
            Say::BindingEnded {
                name: "李*".to_owned(),
            },
            Say::BindingUnknown,
            Say::DeleteExpense { number: 1 },
            Say::PaidOutOfPocket {
                date: "11-23".to_owned(),
                name: "王芳".to_owned(),
                amount: "¥10.00".to_owned(),
                why: "x".to_owned(),
            },
            Say::LedgerTotal {
                from_account: "1".to_owned(),
                out_of_pocket: "2".to_owned(),
                opening: "3".to_owned(),
                closing: "4".to_owned(),
            },
            Say::LedgerShare {
                who: "王芳".to_owned(),
                from_account: "1".to_owned(),
                out_of_pocket: "2".to_owned(),
            },
            Say::PagerRange {
                first: 1,
                last: 20,
                total: 30,
                unit: "笔费用".to_owned(),
            },
            Say::HiddenOutOfForce {
                count: 1,
                date: "2026-11-30".to_owned(),
            },
            Say::BadDate {
                typed: "3月1日".to_owned(),
            },
            Say::Undone,
            Say::Redone,
            Say::NoSaveFolder,
            Say::SomeNotSaved {
                failed: 1,
                saved: 0,
                list: "x".to_owned(),
            },
            Say::NothingToSave,
            Say::SavedTo {
                path: "/x".to_owned(),
            },
            Say::SavedMany {
                count: 2,
                dir: "/x".to_owned(),
            },
            Say::SaveBeforeRemoveFailed {
                error: "x".to_owned(),
            },
            Say::RemoveFailed {
                error: "x".to_owned(),
            },
            Say::MovedToRecycleBin {
                label: "王家".to_owned(),
            },
            Say::RemovedNeverSaved {
                label: "王家".to_owned(),
            },
            Say::UndoRemoveFailed {
                error: "x".to_owned(),
            },
            Say::RestoredFamily {
                label: "王家".to_owned(),
            },
            Say::RestoredFromRecycleBin {
                label: "王家".to_owned(),
            },
            Say::RestoreFailed {
                error: "x".to_owned(),
            },
            Say::DeletedForever {
                label: "王家".to_owned(),
            },
            Say::DeleteFailed {
                error: "x".to_owned(),
            },
            Say::WentBackToBackup,
            Say::CannotReadFile {
                path: "/x".to_owned(),
                error: "x".to_owned(),
            },
            Say::Imported,
            Say::ImportFailed {
                error: "x".to_owned(),
            },
            Say::BackupFailed {
                error: "x".to_owned(),
            },
            Say::BackedUpTo {
                path: "/x".to_owned(),
            },
            Say::Refused {
                error: "x".to_owned(),
            },
            Say::HolderFormHasErrors,
            Say::NewOrSelectFamilyFirst,
            Say::AddRelativesBeforeExport,
            Say::NoPlacePicked,
            Say::NoExportFolderFound,
            Say::NoFilePicked,
            Say::SearchFound {
                matched: 3,
                more: true,
                limit: Some(200),
            },
            Say::ResultRange {
                first: 1,
                last: 20,
                total: 30,
            },
            Say::CompareSummary {
                regions: "南京市 / 合肥市".to_owned(),
                topic: "家庭共济".to_owned(),
                rows: 5,
                differing: 2,
            },
            Say::OnlyIn {
                regions: "南京市".to_owned(),
            },
            Say::SourcesSeen {
                region: "南京市".to_owned(),
                count: 3,
            },
            Say::Grade {
                grade: "A".to_owned(),
            },
            Say::CitedBy { count: 2 },
            Say::FamiliesFolderUnreadable {
                dir: "/x".to_owned(),
                error: "x".to_owned(),
            },
            Say::NewerVersionFile {
                path: "/x".to_owned(),
                version: 9,
            },
            Say::DamagedUsedBackup {
                error: "x".to_owned(),
                to: "/x".to_owned(),
            },
            Say::DamagedSetAside {
                error: "x".to_owned(),
                to: "/x".to_owned(),
            },
            Say::DamagedNotMoved {
                error: "x".to_owned(),
                move_error: "y".to_owned(),
            },
            Say::RecycleBinUnreadable {
                dir: "/x".to_owned(),
                error: "x".to_owned(),
            },
            Say::RecycledFileUnreadable {
                error: "x".to_owned(),
            },
            Say::NoDataFolder,
            Say::ConfirmRemove {
                label: "王家".to_owned(),
            },
            Say::ConfirmRestoreBackup {
                label: "王家".to_owned(),
            },
            Say::ConfirmPurge {
                label: "王家".to_owned(),
            },
            Say::CannotBindName {
                name: "李*".to_owned(),
            },
            Say::AccountCannotPay {
                name: "李*".to_owned(),
                use_label: Term::new("商业保险", "x".to_owned()),
            },
        ];
        // Exhaustiveness: naming every variant here makes a new one a compile error until
        // it is listed above.
        for say in &all {
            match say {
                Say::NotApplicableAfterAnswers
                | Say::IfAskedAgain { .. }
                | Say::FailedCondition { .. }
                | Say::IfAnswered { .. }
                | Say::IfNotAnswered { .. }
                | Say::AnswerQuestion { .. }
                | Say::AnswerQuestionWith { .. }
                | Say::OfficeConfirms { .. }
                | Say::NeverCash
                | Say::IgnoredRuledOut { .. }
                | Say::IgnoredNotAsked { .. }
                | Say::IgnoredNotRead { .. }
                | Say::TransferCovers { .. }
                | Say::NotMoving
                | Say::IfMoving
                | Say::NoNewScheme { .. }
                | Say::IfJoiningAScheme
                | Say::RetireeOutsideTransfer
                | Say::OfficeConfirmsRetiree { .. }
                | Say::ResidentHasNoAccount
                | Say::OfficeConfirmsBalance { .. }
                | Say::BalanceMoves
                | Say::TransferDates { .. }
                | Say::AnswerTransferQuestionsFirst
                | Say::AskHotlineIfUnsure
                | Say::TransferTitle
                | Say::TransferApplicants
                | Say::Free
                | Say::IgnoredByOtherAnswers
                | Say::OrJoined { .. }
                | Say::BindingApplicants
                | Say::StepInProvince { .. }
                | Say::StepOtherProvince { .. }
                | Say::CanBind { .. }
                | Say::IfAppShowsBothProvinces { .. }
                | Say::ProbablyCanBind
                | Say::BindByEmployeeRelative
                | Say::OnlyCloseRelatives
                | Say::CannotBind
                | Say::BindingTitle
                | Say::BindRelation { .. }
                | Say::HolderIs { .. }
                | Say::AnswerToSeeBinding
                | Say::NoBindingRules { .. }
                | Say::OfficeTellsHow { .. }
                | Say::HolderLine { .. }
                | Say::MemberLine { .. }
                | Say::BindMemberTitle { .. }
                | Say::AlreadyBound
                | Say::MemberRegionUnknown { .. }
                | Say::NoMembersToBind
                | Say::NoBindingRulesAskHotline { .. }
                | Say::NoRelationRule { .. }
                | Say::NoBeneficiaryRule { .. }
                | Say::SameProvinceChannel { .. }
                | Say::OtherProvinceChannel { .. }
                | Say::WalletNoCommercialInsurance
                | Say::UseIsLocal { .. }
                | Say::UseHasNoRule { .. }
                | Say::UninsuredRelativeFirst
                | Say::RelativeInsuranceUnknown
                | Say::LocalRulesMissing { .. }
                | Say::OutsideMainland { .. }
                | Say::LocalCaseUnconfirmed { .. }
                | Say::SupportedByOthers { .. }
                | Say::ProvinceUnknown
                | Say::HolderIdProblem { .. }
                | Say::MemberIdProblem { .. }
                | Say::HolderRegionUnknown { .. }
                | Say::SelfBinding
                | Say::SameNameAsHolder
                | Say::DuplicateMember { .. }
                | Say::YoungerThanRelationSays { .. }
                | Say::OlderThanRelationSays { .. }
                | Say::ExpenseMemberRemoved
                | Say::BindingEnded { .. }
                | Say::BindingUnknown
                | Say::DeleteExpense { .. }
                | Say::PaidOutOfPocket { .. }
                | Say::LedgerTotal { .. }
                | Say::LedgerShare { .. }
                | Say::PagerRange { .. }
                | Say::HiddenOutOfForce { .. }
                | Say::BadDate { .. }
                | Say::Undone
                | Say::Redone
                | Say::NoSaveFolder
                | Say::SomeNotSaved { .. }
                | Say::NothingToSave
                | Say::SavedTo { .. }
                | Say::SavedMany { .. }
                | Say::SaveBeforeRemoveFailed { .. }
                | Say::RemoveFailed { .. }
                | Say::MovedToRecycleBin { .. }
                | Say::RemovedNeverSaved { .. }
                | Say::UndoRemoveFailed { .. }
                | Say::RestoredFamily { .. }
                | Say::RestoredFromRecycleBin { .. }
                | Say::RestoreFailed { .. }
                | Say::DeletedForever { .. }
                | Say::DeleteFailed { .. }
                | Say::WentBackToBackup
                | Say::CannotReadFile { .. }
                | Say::Imported
                | Say::ImportFailed { .. }
                | Say::BackupFailed { .. }
                | Say::BackedUpTo { .. }
                | Say::Refused { .. }
                | Say::HolderFormHasErrors
                | Say::NewOrSelectFamilyFirst
                | Say::AddRelativesBeforeExport
                | Say::NoPlacePicked
                | Say::NoExportFolderFound
                | Say::NoFilePicked
                | Say::SearchFound { .. }
                | Say::ResultRange { .. }
                | Say::CompareSummary { .. }
                | Say::OnlyIn { .. }
                | Say::SourcesSeen { .. }
                | Say::Grade { .. }
                | Say::CitedBy { .. }
                | Say::FamiliesFolderUnreadable { .. }
                | Say::NewerVersionFile { .. }
                | Say::DamagedUsedBackup { .. }
                | Say::DamagedSetAside { .. }
                | Say::DamagedNotMoved { .. }
                | Say::RecycleBinUnreadable { .. }
                | Say::RecycledFileUnreadable { .. }
                | Say::NoDataFolder
                | Say::ConfirmRemove { .. }
                | Say::ConfirmRestoreBackup { .. }
                | Say::ConfirmPurge { .. }
                | Say::CannotBindName { .. }
                | Say::AccountCannotPay { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_sentence_has_both_languages() {
        for say in every_sentence() {
            let zh = say.text(Lang::Zh);
            let en = say.text(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{say:?}");
            assert_ne!(zh, en, "{say:?} is not translated");
            // The English sentence has no Chinese of its own (parameters may be Chinese).
            let own_chinese = en
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            let parameter_chinese = format!("{say:?}")
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            assert!(own_chinese <= parameter_chinese, "{say:?}: {en}");
        }
    }

    #[test]
    fn every_word_has_both_languages() {
        use strum::VariantArray;
        for word in Word::VARIANTS {
            let zh = word.text(Lang::Zh);
            let en = word.text(Lang::En);
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{word:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{word:?}: the Chinese is not Chinese: {zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{word:?}: the English has Chinese: {en}"
            );
        }
    }
}
