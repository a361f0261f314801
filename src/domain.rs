//! The vocabulary of DOMAIN.md as enums: regions aside, every id that appears in policy files,
//! saved data, CLI flags and JSON output. A typo in a policy file is an error, not a silent miss.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

/// An id that is not part of a vocabulary, with the kind of thing it was meant to name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} \"{given}\" (expected one of: {expected})")]
pub struct UnknownId {
    pub kind: &'static str,
    pub given: String,
    pub expected: String,
}

/// Defines a closed vocabulary: the enum, its stable ids, Chinese labels, parsing and serde.
/// A variant may carry its English label after a slash (`Id = "id" : "中文" / "English"`);
/// without one, the English label is the id in words.
macro_rules! vocabulary {
    (@english $id:literal) => {
        $id.replace('_', " ")
    };
    (@english $id:literal, $english:literal) => {
        $english.to_owned()
    };
    (
        $(#[$meta:meta])*
        $name:ident ($kind:literal) {
            $( $variant:ident = $id:literal : $label:literal $(/ $english:literal)? ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $variant ),+
        }

        impl $name {
            /// Every value, in the order DOMAIN.md lists them.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];
            /// What this vocabulary names, in error messages.
            pub const KIND: &'static str = $kind;

            /// The stable English id used in files, flags and JSON.
            pub fn id(self) -> &'static str {
                match self { $( $name::$variant => $id ),+ }
            }

            /// The Chinese label shown to users.
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }

            /// The label in the English window, with no capital of its own so that it fits
            /// inside a sentence: the English label given, or else the id in words ("spouse").
            pub fn english(self) -> String {
                match self { $( $name::$variant => vocabulary!(@english $id $(, $english)?) ),+ }
            }

            /// The label in `lang`.
            pub fn label_in(self, lang: crate::text::Lang) -> std::borrow::Cow<'static, str> {
                match lang {
                    crate::text::Lang::Zh => std::borrow::Cow::Borrowed(self.label()),
                    crate::text::Lang::En => std::borrow::Cow::Owned(self.english()),
                }
            }

            /// All ids joined for messages such as "expected one of: …".
            pub fn expected_ids() -> String {
                [$( $id ),+].join(", ")
            }
        }

        impl FromStr for $name {
            type Err = UnknownId;
            fn from_str(s: &str) -> Result<Self, UnknownId> {
                match s {
                    $( $id => Ok($name::$variant), )+
                    _ => Err(UnknownId {
                        kind: $kind,
                        given: s.to_owned(),
                        expected: Self::expected_ids(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary! {
    /// What a statement is about.
    Topic ("topic") {
        FamilySharing = "family_sharing" : "家庭共济",
        Withdrawal = "withdrawal" : "个人账户提取",
        BalanceQuery = "balance_query" : "余额查询" / "checking the balance",
        Transfer = "transfer" : "转移接续",
        Fees = "fees" : "手续费",
        Dental = "dental" : "牙科报销",
        WechatCashout = "wechat_cashout" : "转入微信" / "WeChat cash-out",
        Fraud = "fraud" : "违规与处罚" / "violations and penalties",
    }
}

vocabulary! {
    /// How sure we are of a statement.
    Confidence ("confidence") {
        Official = "official" : "官方依据",
        Reported = "reported" : "文章说法" / "reported in articles",
        Local = "local" : "因地而异" / "varies by place",
        Disputed = "disputed" : "存疑",
        False = "false" : "错误说法" / "false claim",
    }
}

impl Confidence {
    /// Whether a statement with this confidence must carry a correction.
    pub fn needs_correction(self) -> bool {
        matches!(self, Confidence::Disputed | Confidence::False)
    }

    /// How the note next to a statement is headed: a correction for wrong or doubtful
    /// claims, a clarification otherwise.
    pub fn note_heading(self) -> &'static str {
        if self.needs_correction() {
            "更正"
        } else {
            "说明"
        }
    }
}

vocabulary! {
    /// Kind of basic medical insurance a person has.
    Insurance ("insurance") {
        Employee = "employee" : "职工医保" / "employee insurance",
        Resident = "resident" : "居民医保" / "resident insurance",
        None = "none" : "未参保" / "no insurance",
        Unknown = "unknown" : "不清楚" / "not sure",
    }
}

impl Insurance {
    /// What a holder may have: a holder's own insurance is always known (DOMAIN.md).
    pub const FOR_HOLDER: &'static [Insurance] =
        &[Insurance::Employee, Insurance::Resident, Insurance::None];
}

vocabulary! {
    /// Whether an employee-insured person still works.
    InsuredStatus ("insured status") {
        InService = "in_service" : "在职" / "working",
        Retired = "retired" : "退休",
    }
}

vocabulary! {
    /// A relative, seen from the holder's side.
    Relation ("relation") {
        Spouse = "spouse" : "配偶",
        Parent = "parent" : "父母",
        Child = "child" : "子女",
        Sibling = "sibling" : "兄弟姐妹",
        Grandparent = "grandparent" : "祖父母" / "paternal grandparent",
        MaternalGrandparent = "maternal_grandparent" : "外祖父母",
        Grandchild = "grandchild" : "孙子女" / "grandchild (son's child)",
        MaternalGrandchild = "maternal_grandchild" : "外孙子女" / "grandchild (daughter's child)",
        ParentInLaw = "parent_in_law" : "岳父母/公婆" / "parent-in-law",
        ChildInLaw = "child_in_law" : "儿媳/女婿" / "child-in-law",
        SiblingInLaw = "sibling_in_law" : "兄弟姐妹的配偶/配偶的兄弟姐妹" / "sibling-in-law",
        UncleAunt = "uncle_aunt" : "叔伯姑舅姨" / "uncle or aunt",
        NephewNiece = "nephew_niece" : "侄子女/外甥子女" / "nephew or niece",
        Cousin = "cousin" : "堂/表兄弟姐妹",
        GreatGrandparent = "great_grandparent" : "曾祖父母" / "great-grandparent",
        GreatGrandchild = "great_grandchild" : "曾孙子女" / "great-grandchild",
        Other = "other" : "其他",
    }
}

vocabulary! {
    /// What shared money may be spent on.
    Use ("use") {
        MedicalSelfPay = "medical_self_pay" : "就医个人自付" / "out-of-pocket medical costs",
        Pharmacy = "pharmacy" : "定点药店购药" / "pharmacy purchases",
        ResidentPremium = "resident_premium" : "居民医保个人缴费" / "resident insurance premium",
        LongTermCarePremium = "long_term_care_premium" : "长期护理保险个人缴费" / "long-term care insurance premium",
        CommercialInsurance = "commercial_insurance" : "商业保险",
        Cash = "cash" : "提取现金" / "cash withdrawal",
    }
}

vocabulary! {
    /// Procedures the checklists cover.
    Procedure ("procedure") {
        Withdrawal = "withdrawal" : "个人账户一次性支取",
        Transfer = "transfer" : "转移接续",
        Binding = "binding" : "家庭共济绑定",
    }
}

vocabulary! {
    /// Questions the questionnaires ask (withdrawal and transfer facts of DOMAIN.md, and the
    /// binding facts); an unanswered fact is unknown.
    Fact ("fact") {
        InsuredStatus = "insured_status" : "参保状态" / "working or retired",
        Deceased = "deceased" : "参保人已去世",
        SettledAbroad = "settled_abroad" : "出国（境）定居",
        ForeignNationalLeaving = "foreign_national_leaving" : "外籍人员离境",
        GivesUpEmployeeInsurance = "gives_up_employee_insurance" : "主动放弃职工医保",
        Moving = "moving" : "转移医保关系",
        NewScheme = "new_scheme" : "新参保地参加的医保" / "insurance at the new place",
        NewPlaceAcceptsBalance = "new_place_accepts_balance" : "新参保地接收余额",
        RetiredElsewhere = "retired_elsewhere" : "异地安置退休",
        LongTermElsewhere = "long_term_elsewhere" : "长期异地居住",
        SeriousIllness = "serious_illness" : "重病或大额医疗费用",
        HolderInsurance = "holder_insurance" : "参保人参加的医保" / "holder's insurance",
        Relation = "relation" : "家人与参保人的关系",
        MemberInsurance = "member_insurance" : "家人参加的医保" / "relative's insurance",
        MemberProvince = "member_province" : "家人参保的省份" / "relative's province",
        EmploymentType = "employment_type" : "参保身份（单位职工或灵活就业）",
        LostNationality = "lost_nationality" : "已放弃中国国籍" / "gave up Chinese nationality",
        PensionLumpSum = "pension_lump_sum" : "养老金一次性领取（清退）",
    }
}

impl Fact {
    /// The values this fact can take, with Chinese labels.
    pub fn values(self) -> &'static [(&'static str, &'static str)] {
        const YES_NO: &[(&str, &str)] = &[("yes", "是"), ("no", "否")];
        static INSURANCES: LazyLock<Vec<(&str, &str)>> =
            LazyLock::new(|| Insurance::ALL.iter().map(|i| (i.id(), i.label())).collect());
        static HOLDER_INSURANCES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
            Insurance::FOR_HOLDER
                .iter()
                .map(|i| (i.id(), i.label()))
                .collect()
        });
        static RELATIONS: LazyLock<Vec<(&str, &str)>> =
            LazyLock::new(|| Relation::ALL.iter().map(|r| (r.id(), r.label())).collect());
        match self {
            Fact::HolderInsurance => &HOLDER_INSURANCES,
            Fact::MemberInsurance => &INSURANCES,
            Fact::Relation => &RELATIONS,
            Fact::MemberProvince => &[
                ("same_province", "和参保人同一个省"),
                ("other_province", "在外省"),
            ],
            Fact::InsuredStatus => &[("in_service", "在职"), ("retired", "退休")],
            Fact::Moving => &[
                ("none", "不转移"),
                ("intra_province", "省内转移"),
                ("inter_province", "跨省转移"),
            ],
            Fact::EmploymentType => &[
                ("employer", "单位职工（由单位参保）"),
                ("flexible", "灵活就业、个体或非全日制（自己参保）"),
            ],
            Fact::NewScheme => &[
                ("employee", "职工医保"),
                ("resident", "居民医保"),
                ("none", "不参保"),
            ],
            _ => YES_NO,
        }
    }

    /// Whether `value` is one of this fact's values.
    pub fn accepts(self, value: &str) -> bool {
        self.values().iter().any(|(id, _)| *id == value)
    }

    /// The value ids joined for messages.
    pub fn expected_values(self) -> String {
        self.values()
            .iter()
            .map(|(id, _)| *id)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

vocabulary! {
    /// Ways a balance can be withdrawn in one go.
    WithdrawalCase ("withdrawal case") {
        Death = "death" : "参保人去世",
        SettleAbroad = "settle_abroad" : "出国（境）定居",
        ForeignerLeaving = "foreigner_leaving" : "外籍人员离境",
        GiveUpEmployee = "give_up_employee" : "主动放弃职工医保",
        TransferNotAccepted = "transfer_not_accepted" : "新参保地不接收余额",
        RetiredElsewhere = "retired_elsewhere" : "异地安置退休",
        LongTermElsewhere = "long_term_elsewhere" : "长期异地居住",
        SeriousIllness = "serious_illness" : "大病提取",
        PensionSettlement = "pension_settlement" : "一次性支取养老金人员清退",
    }
}

vocabulary! {
    /// The answer to "does this apply to me?".
    Verdict ("verdict") {
        Eligible = "eligible" : "符合",
        NotEligible = "not_eligible" : "不符合",
        ConfirmLocally = "confirm_locally" : "需向当地医保经办机构确认",
    }
}

vocabulary! {
    /// Whether a use of shared money is permitted.
    Availability ("availability") {
        Allowed = "allowed" : "可以",
        Local = "local" : "因地而异",
        Never = "never" : "不可以",
    }
}

vocabulary! {
    /// Whether one relative may be supported by several holders.
    SeveralSupporters ("several-supporters rule") {
        Allowed = "allowed" : "允许",
        Warn = "warn" : "提醒",
    }
}

vocabulary! {
    /// The level of government a source's issuer speaks for. A source backs an `official`
    /// statement only in regions at its level or below (a city's guide cannot make a
    /// national rule official).
    IssuerLevel ("issuer level") {
        National = "national" : "全国",
        Province = "province" : "省级",
        City = "city" : "市级",
    }
}

impl IssuerLevel {
    /// The level of a region `depth` steps below the root (全国 0, 省 1, 市 2 and below).
    pub fn of_depth(depth: usize) -> Self {
        match depth {
            0 => IssuerLevel::National,
            1 => IssuerLevel::Province,
            _ => IssuerLevel::City,
        }
    }

    /// Whether a source issued at this level speaks for a region at `region` level.
    pub fn covers(self, region: IssuerLevel) -> bool {
        self <= region
    }
}

vocabulary! {
    /// Whether a source is still the text in force.
    SourceStatus ("source status") {
        Active = "active" : "现行",
        Superseded = "superseded" : "已被新规定取代",
    }
}

vocabulary! {
    /// How much a source can be trusted on its own (FACTS.md grades).
    SourceGrade ("source grade") {
        A = "A" : "法规或政府网站",
        B = "B" : "官方媒体或忠实转载",
        C = "C" : "网络文章",
    }
}
