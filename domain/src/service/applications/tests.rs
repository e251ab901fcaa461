use super::*;

fn today() -> NaiveDate {
    "2026-11-22".parse().unwrap()
}

fn facts(category: Category, plan: Plan, capacity_kva: u32) -> AccountFacts {
    AccountFacts {
        category,
        plan,
        capacity_kva,
        address: "江城市星湖区湖滨路 12 号".into(),
        hall_id: "xinghu".into(),
    }
}

fn form(kind: AppKind) -> ApplicationInput {
    ApplicationInput {
        kind: Some(kind),
        account: Some("3301000001".into()),
        ..Default::default()
    }
}

fn field(input: &ApplicationInput, account: Option<&AccountFacts>) -> String {
    input.checked(account, today()).unwrap_err().field.unwrap()
}

#[test]
fn id_numbers_carry_their_check_character() {
    assert_eq!(
        check_id_number("11010519491231002x").unwrap(),
        "11010519491231002X"
    );
    assert!(
        check_id_number("110105194912310021").is_err(),
        "wrong check digit"
    );
    assert!(check_id_number("1101051949123100").is_err());
    assert!(check_id_number("A1010519491231002X").is_err());
}

#[test]
fn a_rename_needs_the_new_holder_a_valid_id_and_a_mobile() {
    let home = facts(Category::Residential, Plan::Flat, 8);
    let mut input = form(AppKind::RenameTransfer);
    assert_eq!(field(&input, Some(&home)), "new_holder");
    input.new_holder = Some("张小伟".into());
    input.id_number = Some("110105194912310021".into());
    assert_eq!(field(&input, Some(&home)), "id_number");
    input.id_number = Some("11010519491231002X".into());
    input.phone = Some("1380013800".into());
    assert_eq!(field(&input, Some(&home)), "phone");
    input.phone = Some("13800138009".into());
    assert_eq!(
        input.checked(Some(&home), today()).unwrap().kind(),
        AppKind::RenameTransfer
    );
    assert_eq!(field(&input, None), "account", "an account is needed");
}

#[test]
fn a_tariff_change_must_change_the_plan_of_a_home() {
    let home = facts(Category::Residential, Plan::Flat, 8);
    let mut input = form(AppKind::TariffChange);
    assert_eq!(field(&input, Some(&home)), "plan");
    input.plan = Some(Plan::Flat);
    assert_eq!(field(&input, Some(&home)), "plan", "already on it");
    input.plan = Some(Plan::PeakValley);
    assert_eq!(
        input.checked(Some(&home), today()).unwrap(),
        Request::TariffChange {
            plan: Plan::PeakValley
        }
    );
    let shop = facts(Category::Commercial, Plan::Flat, 50);
    assert_eq!(field(&input, Some(&shop)), "account");
}

#[test]
fn a_suspension_keeps_less_capacity_from_tomorrow_for_up_to_six_months() {
    let shop = facts(Category::Commercial, Plan::Flat, 50);
    let mut input = form(AppKind::Suspension);
    input.capacity_kva = Some(50);
    assert_eq!(field(&input, Some(&shop)), "capacity_kva");
    input.capacity_kva = Some(0);
    input.start_on = Some(today());
    assert_eq!(field(&input, Some(&shop)), "start_on");
    input.start_on = today().succ_opt();
    input.months = Some(7);
    assert_eq!(field(&input, Some(&shop)), "months");
    input.months = Some(3);
    assert!(input.checked(Some(&shop), today()).is_ok());
    let home = facts(Category::Residential, Plan::Flat, 8);
    assert_eq!(field(&input, Some(&home)), "account");
}

#[test]
fn new_connections_and_capacity_increases_become_projects() {
    let mut input = form(AppKind::NewConnection);
    input.account = None;
    assert_eq!(field(&input, None), "hall_id");
    input.hall_id = Some("gaoxin".into());
    input.title = Some("新厂房".into());
    input.address = Some("创新路 88 号".into());
    input.capacity_kva = Some(400);
    let Request::Project(apply) = input.checked(None, today()).unwrap() else {
        panic!("a project")
    };
    assert_eq!(
        (apply.kind, apply.capacity_kva),
        (ProjectKind::NewConnection, 400)
    );
    let shop = facts(Category::Commercial, Plan::Flat, 50);
    let mut more = form(AppKind::CapacityIncrease);
    more.capacity_kva = Some(50);
    assert_eq!(field(&more, Some(&shop)), "capacity_kva");
    more.capacity_kva = Some(160);
    let request = more.checked(Some(&shop), today()).unwrap();
    assert_eq!(request.kind(), AppKind::CapacityIncrease);
    assert!(AppKind::CapacityIncrease.becomes_project());
}

#[test]
fn applications_run_accept_review_done_with_their_documents() {
    use AppAction::*;
    use AppStatus::*;
    let act = |action| AppActInput {
        action,
        reason: Some("资料不符".into()),
    };
    let kind = AppKind::RenameTransfer;
    assert_eq!(
        next_status(kind, Submitted, &act(Accept), false, 1)
            .unwrap_err()
            .status(),
        409
    );
    assert_eq!(
        next_status(kind, Submitted, &act(Accept), false, 2).unwrap(),
        Accepted
    );
    assert_eq!(
        next_status(kind, Accepted, &act(Approve), false, 2).unwrap(),
        Done
    );
    assert_eq!(
        next_status(kind, Accepted, &act(Reject), false, 2).unwrap(),
        Rejected
    );
    let no_reason = AppActInput {
        action: Reject,
        reason: None,
    };
    assert_eq!(
        next_status(kind, Accepted, &no_reason, false, 2)
            .unwrap_err()
            .field
            .as_deref(),
        Some("reason")
    );
    assert_eq!(
        next_status(kind, Submitted, &act(Cancel), true, 0).unwrap(),
        Cancelled
    );
    assert_eq!(
        next_status(kind, Accepted, &act(Cancel), true, 0)
            .unwrap_err()
            .status(),
        409
    );
    assert_eq!(
        next_status(kind, Submitted, &act(Accept), true, 2)
            .unwrap_err()
            .status(),
        403
    );
    assert!(next_status(kind, Done, &act(Approve), false, 2).is_err());
    assert_eq!(options(kind, Submitted, false, 2), [Accept, Reject]);
    assert_eq!(options(kind, Submitted, false, 0), [Reject]);
    assert_eq!(options(AppKind::TariffChange, Submitted, true, 0), [Cancel]);
    assert_eq!(application_number(2026, 3), "SQ2026-000003");
}
