//! Binding a utility account (户号) to a user: the account number and its holder's name must
//! both match, so a number read off someone's bill is not enough. Several users may bind the same
//! account (a family paying for their parents); a user binds at most `MAX_BOUND`.

use super::tariff::Plan;
use crate::error::{field_text, ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

pub const MAX_BOUND: usize = 10;
pub const NUMBER_DIGITS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Residential,
    Commercial,
    Industrial,
}

impl Category {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Category::Residential => ("居民生活用电", "Residential"),
            Category::Commercial => ("一般工商业用电", "Commercial"),
            Category::Industrial => ("大工业用电", "Industrial"),
        }
    }
}

/// A bound account as its user sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UtilityAccount {
    pub number: String,
    pub holder_name: String,
    pub address: String,
    pub category: Category,
    pub plan: Plan,
    pub capacity_kva: u32,
    /// The hall whose area the account is in (empty until the utility assigns one: then only
    /// the admin handles its applications).
    pub hall_id: String,
    /// Payments minus bills: below zero, the customer owes that much.
    pub balance_fen: i64,
    /// Unpaid bills and how much they come to.
    pub unpaid_bills: u32,
    pub unpaid_fen: i64,
    /// Unpaid bills past their due date.
    pub overdue_bills: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BindInput {
    pub number: String,
    pub holder_name: String,
}

/// Names compare without spaces, so "张 伟" binds 张伟's account.
fn squeezed(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

impl BindInput {
    /// The number's digits (spaces dropped) and the trimmed name.
    pub fn checked(&self) -> ApiResult<BindInput> {
        let number: String = self.number.chars().filter(|c| *c != ' ').collect();
        if number.len() != NUMBER_DIGITS || !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(ApiError::validation(
                "number",
                format!("enter the {NUMBER_DIGITS}-digit account number printed on your bill"),
            ));
        }
        let holder_name = field_text("holder_name", &self.holder_name, 60, "the holder's name")?;
        Ok(BindInput {
            number,
            holder_name,
        })
    }

    pub fn matches_holder(&self, holder_on_record: &str) -> bool {
        squeezed(&self.holder_name) == squeezed(holder_on_record)
    }
}

/// The refusal for a wrong number and a wrong name alike, so guessing tells nothing.
pub fn no_such_account() -> ApiError {
    ApiError::invalid(
        "number",
        Reason::AccountMismatch,
        "no account has this number and holder name; check both against your bill",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bind(number: &str, name: &str) -> BindInput {
        BindInput {
            number: number.into(),
            holder_name: name.into(),
        }
    }

    #[test]
    fn an_account_binds_by_number_and_holder_name() {
        let input = bind(" 3301 000 001 ", " 张 伟 ").checked().unwrap();
        assert_eq!(input.number, "3301000001");
        assert!(input.matches_holder("张伟"));
        assert!(!input.matches_holder("张伟伟"));
        let field = |i: BindInput| i.checked().unwrap_err().field.unwrap();
        assert_eq!(field(bind("330100000", "张伟")), "number");
        assert_eq!(field(bind("33010000011", "张伟")), "number");
        assert_eq!(field(bind("33010000a1", "张伟")), "number");
        assert_eq!(field(bind("3301000001", "  ")), "holder_name");
        assert_eq!(no_such_account().field.as_deref(), Some("number"));
    }
}
