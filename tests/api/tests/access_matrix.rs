//! Every endpoint × every role against the live server: what the access policy in `domain`
//! decides is what the Worker does. Allowed calls get harmless bodies and may fail validation,
//! but never with 401 or 403, unless a device's or a kiosk visit's key is what decides: those
//! are refused for the missing key, whatever the role.

use api_tests::Client;
use domain::policy::{decide, Access};
use domain::routes::{Endpoint, Method};
use domain::Role;

/// A demo login for each role.
fn demo_login(role: Role) -> &'static str {
    match role {
        Role::Customer => "13800138003",
        Role::HallStaff => "staff.gaoxin.2",
        Role::HallManager => "manager.gaoxin",
        Role::Admin => "admin",
        Role::Design => "design.hengyuan",
        Role::Construction => "build.lianhe",
        Role::Test => "test.jcsy",
        Role::Supervision => "supervise.zhengheng",
    }
}

/// A concrete path: parameters become an id that exists (halls) or not (notices, counters:
/// an allowed DELETE must not take a demo counter away).
fn concrete(endpoint: Endpoint) -> String {
    endpoint
        .pattern()
        .replace(":hall", "gaoxin")
        .replace(":id", "999999")
        .replace(":ticket", "999999")
        .replace(":counter", "99")
        .replace(":room", "nosuchroom")
        .replace(":file", "nosuchfile")
        .replace(":doc", "999999")
}

fn call(client: &Client, endpoint: Endpoint) -> api_tests::Reply {
    let path = concrete(endpoint);
    match endpoint.method() {
        Method::Get => client.get(&path),
        Method::Post => client.post(&path, &serde_json::json!({})),
        Method::Put => client.put(&path, &serde_json::json!({})),
        Method::Delete => client.raw("DELETE", &path, String::new()),
    }
}

/// Open to every role, but only with the key of a paired device or of a kiosk visit.
fn refused_without_its_key(endpoint: Endpoint, reply: &api_tests::Reply) -> bool {
    let keyed = [Endpoint::DeviceHeartbeat, Endpoint::KioskVisitStart].contains(&endpoint)
        || domain::kiosk::VISIT_ENDPOINTS.contains(&endpoint);
    let reason = &reply.body["error"]["reason"];
    keyed && (reason == "kiosk_not_paired" || reason == "kiosk_visit_over")
}

fn check(role: Option<Role>, client: &Client) {
    // Logout last: it ends the session the other calls need.
    let endpoints = Endpoint::ALL
        .iter()
        .copied()
        .filter(|e| *e != Endpoint::Logout)
        .chain([Endpoint::Logout]);
    for endpoint in endpoints {
        let reply = call(client, endpoint);
        let who = format!("{endpoint:?} as {role:?}: {} {}", reply.status, reply.body);
        match decide(role, endpoint) {
            Access::Allow => assert!(
                (reply.status != 401 && reply.status != 403
                    || refused_without_its_key(endpoint, &reply))
                    && reply.status < 500,
                "{who}"
            ),
            Access::Unauthenticated => reply.assert_error(401, "unauthenticated"),
            Access::Forbidden => reply.assert_error(403, "forbidden"),
        }
    }
}

#[test]
fn anonymous_callers_get_what_the_policy_says() {
    check(None, &Client::anonymous());
}

#[test]
fn every_role_gets_what_the_policy_says() {
    for role in Role::ALL {
        check(Some(role), &Client::demo(demo_login(role)));
    }
}
